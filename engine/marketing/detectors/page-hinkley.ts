// Page–Hinkley test (Page 1954; Hinkley 1971) on the standardised series, one-sided:
//   m ← running mean of z;  S ← α·S + (z − m − δ);  M ← min(M, S);  alarm when S − M > λ
// after at least `minSamples` samples. Defaults δ = 0.005, λ = 50, α = 0.9999, 30 samples: river
// `river/drift/page_hinkley.py` (CALIBRATION.md §6), there in raw units, here in σ units. The running
// mean makes PH a drift detector: slow to call a sudden step (λ/shift samples), calm on noise.
import { Baseline, type BaselineParams, type Detector, type Direction } from './detector.ts';

export interface PageHinkleyParams {
  delta: number;
  lambda: number;
  /** forgetting factor of the cumulative sum */
  alpha: number;
  minSamples: number;
}

export const PAGE_HINKLEY_DEFAULTS: PageHinkleyParams = { delta: 0.005, lambda: 50, alpha: 0.9999, minSamples: 30 };

export function pageHinkley(p: PageHinkleyParams, direction: Direction, baseline: BaselineParams): Detector {
  const base = new Baseline(baseline);
  const sign = direction === 'up' ? 1 : -1;
  let n = 0;
  let mean = 0;
  let s = 0;
  let min = 0;
  const restart = (): void => {
    n = 0;
    mean = 0;
    s = 0;
    min = 0;
  };
  return {
    get statistic() {
      return s - min;
    },
    update(x) {
      const v = base.standardize(x);
      if (v === undefined) return false;
      const z = sign * v;
      n++;
      mean += (z - mean) / n;
      s = p.alpha * s + (z - mean - p.delta);
      min = Math.min(min, s);
      if (n >= p.minSamples && s - min > p.lambda) {
        restart();
        return true;
      }
      return false;
    },
    reset() {
      base.reset();
      restart();
    },
  };
}
