// One-sided CUSUM (Page 1954) on the standardised series: S ← max(0, S + z − k), alarm when S > h.
// Defaults k = 0.5σ, h = 5σ, 30-sample warm-up: river `river/drift/cusum.py` (CALIBRATION.md §6).
// CUSUM is the fastest detector of an abrupt step of known size (Lorden's minimax optimality), which is
// what an ad-buy burst, a payment outage and a bad pitch look like.
import { Baseline, type BaselineParams, type Detector, type Direction } from './detector.ts';

export interface CusumParams {
  /** allowance, in σ: half the shift to detect */
  k: number;
  /** decision threshold, in σ */
  h: number;
}

export const CUSUM_DEFAULTS: CusumParams = { k: 0.5, h: 5 };

export function cusum(p: CusumParams, direction: Direction, baseline: BaselineParams): Detector {
  const base = new Baseline(baseline);
  const sign = direction === 'up' ? 1 : -1;
  let s = 0;
  return {
    get statistic() {
      return s;
    },
    update(x) {
      const z = base.standardize(x);
      if (z === undefined) return false;
      s = Math.max(0, s + sign * z - p.k);
      if (s > p.h) {
        s = 0;
        return true;
      }
      return false;
    },
    reset() {
      base.reset();
      s = 0;
    },
  };
}
