// Online anomaly alerts on the per-second funnel. Three signals, one detector each:
//   bounce-burst     bounces (leaves < bounceMs after joining) per second, upward
//                    — "a burst of arrivals leaving within 30 s" (an ad buy that bounces)
//   conversion-drop  paid / checked out, downward (payment outage)
//   cart-collapse    added to cart / product views, downward (bad pitch)
// A ratio is sampled over consecutive, non-overlapping batches of whole seconds, each closed as soon as
// its denominator holds `minEvents` events (one sample per second in a busy room, one per few seconds
// in a quiet one; a batch still short after `maxBatchSec` is dropped). Non-overlapping batches keep the
// samples independent, as CUSUM and its kin assume: overlapping sliding windows were tried first and
// raised a false alarm every couple of minutes, because their autocorrelated samples add up.
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
  /** a ratio batch closes once its denominator has this many events… */
  minEvents: number;
  /** …or is dropped when it has not after this many seconds */
  maxBatchSec: number;
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
  /** open ratio batches: numerator, denominator, seconds */
  private readonly batches = { 'conversion-drop': [0, 0, 0], 'cart-collapse': [0, 0, 0] };

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
      this.batch('conversion-drop', funnel.at('paid', s), funnel.at('checkedOut', s), s, now, raised);
      this.batch('cart-collapse', funnel.at('addedToCart', s), funnel.at('productViewed', s), s, now, raised);
    }
    return raised;
  }

  private batch(kind: 'conversion-drop' | 'cart-collapse', num: number, den: number, second: number, now: number, out: Alert[]): void {
    const b = this.batches[kind];
    b[0]! += num;
    b[1]! += den;
    b[2]!++;
    if (b[1]! >= this.p.minEvents) this.feed(kind, Math.min(1, b[0]! / b[1]!), second, now, out);
    if (b[1]! >= this.p.minEvents || b[2]! >= this.p.maxBatchSec) b.fill(0);
  }

  private feed(kind: AlertKind, x: number, second: number, now: number, out: Alert[]): void {
    if (!this.detectors[kind].update(x) || now < this.quietUntil[kind]) return;
    this.quietUntil[kind] = now + this.p.refractoryMs;
    const a: Alert = { kind, at: now, second, value: x, detector: this.p.perKind[kind] ?? this.p.detector };
    this.alerts.push(a);
    out.push(a);
  }
}
