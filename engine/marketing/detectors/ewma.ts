// EWMA control chart (Roberts 1959) on the standardised series: Z ← αz + (1 − α)Z, alarm when the
// signed Z exceeds L·sqrt(α/(2 − α)·(1 − (1 − α)^(2n))) (the exact, time-varying limit).
// Defaults α = 0.1, L = 4: river `river/drift/ewma.py` (CALIBRATION.md §6). Good at small persistent
// shifts; a large step takes a few samples longer than CUSUM because Z only moves α of the way per sample.
import { Baseline, type BaselineParams, type Detector, type Direction } from './detector.ts';

export interface EwmaParams {
  alpha: number;
  /** control-limit width, in σ of Z */
  L: number;
}

export const EWMA_DEFAULTS: EwmaParams = { alpha: 0.1, L: 4 };

export function ewmaChart(p: EwmaParams, direction: Direction, baseline: BaselineParams): Detector {
  const base = new Baseline(baseline);
  const sign = direction === 'up' ? 1 : -1;
  const ratio = p.alpha / (2 - p.alpha);
  let z = 0;
  let n = 0;
  return {
    get statistic() {
      return z;
    },
    update(x) {
      const v = base.standardize(x);
      if (v === undefined) return false;
      n++;
      z = p.alpha * sign * v + (1 - p.alpha) * z;
      const limit = p.L * Math.sqrt(ratio * (1 - Math.pow(1 - p.alpha, 2 * n)));
      if (z > limit) {
        z = 0;
        n = 0;
        return true;
      }
      return false;
    },
    reset() {
      base.reset();
      z = 0;
      n = 0;
    },
  };
}
