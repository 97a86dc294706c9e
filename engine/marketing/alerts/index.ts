// Funnel anomaly alerts and their scoring against injected ground truth.
export { AlertMonitor, ALERT_KINDS, type Alert, type AlertKind, type AlertParams } from './monitor.ts';
export { scoreAlerts, type AnomalyInterval, type AlertScore } from './score.ts';
