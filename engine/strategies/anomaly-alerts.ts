// Funnel anomaly alerts only: bounce bursts, conversion drops, add-to-cart collapses, by CUSUM.
import { withTools, type Strategy } from './strategy.ts';

export const anomalyAlerts = {
  name: 'anomaly-alerts',
  description: 'per-second funnel with online anomaly alerts (CUSUM)',
  marketing: withTools(['alerts']),
} as const satisfies Strategy;
