// Scoring alerts against injected ground truth. Matching rule: an alert matches an anomaly interval
// when it has the same kind and start ≤ alert.at < end + grace (detection may lag the anomaly's end
// by up to `grace`, e.g. bounces surface up to 30 s after the arrivals). Then
//   precision = matched alerts / alerts                 (null when there are no alerts)
//   recall    = intervals with ≥ 1 matched alert / intervals   (null when there are no intervals)
//   time to detect = first matching alert.at − start, averaged over detected intervals (null if none).
// Several alerts inside one interval all count as true positives (each is a correct warning).
import type { Alert, AlertKind } from './monitor.ts';

export interface AnomalyInterval {
  kind: AlertKind;
  /** virtual ms, inclusive */
  start: number;
  /** virtual ms, exclusive */
  end: number;
}

export interface AlertScore {
  alerts: number;
  truePositives: number;
  falsePositives: number;
  intervals: number;
  detected: number;
  precision: number | null;
  recall: number | null;
  meanTimeToDetectMs: number | null;
  timeToDetectMs: (number | null)[];
}

export function scoreAlerts(alerts: readonly Pick<Alert, 'kind' | 'at'>[], truth: readonly AnomalyInterval[], graceMs: number): AlertScore {
  const matches = (a: Pick<Alert, 'kind' | 'at'>, i: AnomalyInterval): boolean => a.kind === i.kind && a.at >= i.start && a.at < i.end + graceMs;
  let tp = 0;
  for (const a of alerts) if (truth.some((i) => matches(a, i))) tp++;
  const ttd = truth.map((i) => {
    let first = Infinity;
    for (const a of alerts) if (matches(a, i) && a.at < first) first = a.at;
    return first === Infinity ? null : first - i.start;
  });
  const found = ttd.filter((x): x is number => x !== null);
  return {
    alerts: alerts.length,
    truePositives: tp,
    falsePositives: alerts.length - tp,
    intervals: truth.length,
    detected: found.length,
    precision: alerts.length === 0 ? null : tp / alerts.length,
    recall: truth.length === 0 ? null : found.length / truth.length,
    meanTimeToDetectMs: found.length === 0 ? null : found.reduce((s, x) => s + x, 0) / found.length,
    timeToDetectMs: ttd,
  };
}
