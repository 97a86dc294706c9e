// One interface for the online change detectors, so the funnel monitor can swap them and one contract
// suite can hold them all to the same claims. A detector sees a raw series (one sample per second);
// a shared `Baseline` learns its level and spread over a warm-up and then standardises every sample
// (z = (x − μ)/σ, sign flipped for downward detectors), so the detector parameters are in σ units and
// one set of defaults fits counts and ratios alike.
export type Direction = 'up' | 'down';

export interface BaselineParams {
  /** samples to learn μ and σ before any alarm (river: 30-sample warm-up) */
  warmup: number;
  /** after warm-up μ and σ follow the series with this EWMA rate, so slow legitimate change is absorbed */
  trackRate: number;
  /** samples with |z| at or above this do not move the baseline, so an anomaly cannot teach it */
  trackGate: number;
  /** σ is never taken below this (e.g. a series of all zeros in warm-up) */
  minSigma: number;
}

export interface Detector {
  /** Feeds one sample; true when the detector alarms (it then restarts its statistic, not its baseline). */
  update(x: number): boolean;
  /** Forgets everything, baseline included. */
  reset(): void;
  /** the current statistic (for plots and tests) */
  readonly statistic: number;
}

export class Baseline {
  private n = 0;
  private mean = 0;
  private m2 = 0;
  private sigma = 0;

  constructor(private readonly p: BaselineParams) {}

  get ready(): boolean {
    return this.n >= this.p.warmup;
  }

  /** In warm-up: learns x and returns undefined. After: the standardised x, and tracks the baseline. */
  standardize(x: number): number | undefined {
    if (!this.ready) {
      this.n++;
      const d = x - this.mean;
      this.mean += d / this.n;
      this.m2 += d * (x - this.mean);
      if (this.ready) this.sigma = Math.sqrt(this.m2 / Math.max(1, this.n - 1));
      return undefined;
    }
    const sd = Math.max(this.sigma, this.p.minSigma);
    const z = (x - this.mean) / sd;
    if (Math.abs(z) < this.p.trackGate) {
      const r = this.p.trackRate;
      const d = x - this.mean;
      this.mean += r * d;
      this.sigma = Math.sqrt((1 - r) * (this.sigma * this.sigma + r * d * d));
    }
    return z;
  }

  reset(): void {
    this.n = 0;
    this.mean = 0;
    this.m2 = 0;
    this.sigma = 0;
  }
}
