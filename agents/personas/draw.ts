// The few variates the persona sampler needs beyond the kernel's, each with a fixed number of draws
// so that one field never shifts the draws of the next (same seed → same persona field by field).
import { logNormal, normal, type Rng } from '../../engine/kernel/index.ts';
import type { Share, Spread, Weights } from './config.ts';

export function spread(rng: Rng, s: Spread): number {
  return logNormal(rng, s.median, s.sigma);
}

/** logit-normal in (0, 1) with median `mean` (two draws) */
export function share(rng: Rng, s: Share): number {
  const m = Math.min(Math.max(s.mean, 1e-6), 1 - 1e-6);
  const z = normal(rng, Math.log(m / (1 - m)), s.sd);
  return 1 / (1 + Math.exp(-z));
}

/** A weights record as a dense table in the order of `keys` (absent keys weigh 0), built once. */
export function table<K extends string | number>(keys: readonly K[], w: Weights<K>, scale?: (k: K) => number): Float64Array {
  return Float64Array.from(keys, (k) => (w[k] ?? 0) * (scale ? scale(k) : 1));
}

/** an index with probability proportional to its weight (one draw); never an index of weight 0 */
export function pickIndex(rng: Rng, w: Float64Array): number {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i]!;
  let u = rng.next() * total;
  let last = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i]! <= 0) continue;
    last = i;
    u -= w[i]!;
    if (u < 0) return i;
  }
  return last; // rounding left u ≥ 0: the last index with a positive weight
}
