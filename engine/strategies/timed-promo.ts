// Time-of-day promotions: short countdowns and high-margin SKUs first in the 20:00–22:00 peak, long
// countdowns and cheap traffic-builders off-peak. A countdown is the announced wait before a flash sale
// opens (runner/sim/hub.ts): it holds viewers, and the urge it raises cools while they wait. Seed article's food-room case: GMV +40 % (industry claim).
import { withTools, type Strategy } from './strategy.ts';

export const timedPromo = {
  name: 'timed-promo',
  description: 'time-of-day aware flash-sale countdowns and SKU placement',
  marketing: withTools(['promo']),
} as const satisfies Strategy;
