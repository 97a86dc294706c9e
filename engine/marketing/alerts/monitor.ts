// Online anomaly alerts on the per-second funnel. Three signals, one detector each:
//   bounce-burst     bounces (leaves < bounceMs after joining) per second, upward
//                    — "a burst of arrivals leaving within 30 s" (an ad buy that bounces)
//   conversion-drop  paid / checked out over the last `windowSec` seconds, downward (payment outage)
//   cart-collapse    added to cart / product views over the last `windowSec` seconds, downward (bad pitch)
// A ratio sample is skipped when its denominator has fewer than `minEvents` events (too noisy to judge).
// After an alert the same kind stays quiet for `refractoryMs` (the detector keeps learning meanwhile).
import { createDetector, type BaselineParams, type Detector, type DetectorName, type DetectorParams } from '../detectors/index.ts';
import type { Funnel } from '../funnel/funnel.ts';

export const ALERT_KINDS = ['bounce-burst', 'conversion-drop', 'cart-collapse'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface Alert {
  kind: AlertKind;
  /** virtual time the alert was raised (the tick that closed the second) */
  at: number;
  /** the second whose sample raised it */
  second: number;
  value: number;
  detector: DetectorName;
}

export interface AlertParams {
  enabled: boolean;
  /** detector for every signal unless `perKind` names another */
  detector: DetectorName;
  perKind: Partial<Record<AlertKind, DetectorName>>;
  params: DetectorParams;
  baseline: BaselineParams;
  bounceMs: number;
  windowSec: number;
  minEvents: number;
  refractoryMs: number;
}

/** σ floors per signal: a bounce count is at least Poisson-noisy by 1 event, a ratio by a few points. */
const MIN_SIGMA: Record<AlertKind, number> = { 'bounce-burst': 1, 'conversion-drop': 0.05, 'cart-collapse': 0.02 };

export class AlertMonitor {
  readonly alerts: Alert[] = [];
  private readonly detectors: Record<AlertKind, Detector>;
  private readonly quietUntil: Record<AlertKind, number> = { 'bounce-burst': -Infinity, 'conversion-drop': -Infinity, 'cart-collapse': -Infinity };
  /** the next second to close */
  private next = 0;

  constructor(private readonly p: AlertParams) {
    const make = (kind: AlertKind, dir: 'up' | 'down'): Detector =>
      createDetector(p.perKind[kind] ?? p.detector, p.params, dir, { ...p.baseline, minSigma: Math.max(p.baseline.minSigma, MIN_SIGMA[kind]) });
    this.detectors = { 'bounce-burst': make('bounce-burst', 'up'), 'conversion-drop': make('conversion-drop', 'down'), 'cart-collapse': make('cart-collapse', 'down') };
  }

  /** Closes every second that ended at or before `now`; returns the alerts raised. */
  advance(funnel: Funnel, now: number): Alert[] {
    const raised: Alert[] = [];
    for (; (this.next + 1) * 1000 <= now; this.next++) {
      const s = this.next;
      this.feed('bounce-burst', funnel.at('bounced', s), s, now, raised);
      const from = s - this.p.windowSec + 1;
      const checkouts = funnel.sum('checkedOut', from, s + 1);
      if (checkouts >= this.p.minEvents) this.feed('conversion-drop', funnel.sum('paid', from, s + 1) / checkouts, s, now, raised);
      const views = funnel.sum('productViewed', from, s + 1);
      if (views >= this.p.minEvents) this.feed('cart-collapse', funnel.sum('addedToCart', from, s + 1) / views, s, now, raised);
    }
    return raised;
  }

  private feed(kind: AlertKind, x: number, second: number, now: number, out: Alert[]): void {
    if (!this.detectors[kind].update(x) || now < this.quietUntil[kind]) return;
    this.quietUntil[kind] = now + this.p.refractoryMs;
    const a: Alert = { kind, at: now, second, value: x, detector: this.p.perKind[kind] ?? this.p.detector };
    this.alerts.push(a);
    out.push(a);
  }
}
