// Interest drift as RecSim's interest evolution (interest_evolution.py, CALIBRATION.md §3): on engaging
// with an item of one-hot features f, α(x) = 0.3·(1 − |x|) and Δ = α ⊙ f ⊙ (f − interests); Δ is added
// with probability dot((interests + 1)/2, f), else subtracted; the result is clipped to [−1, 1]. A live
// viewer engages by watching a segment (one update per unitMs of it, our mapping of a RecSim click),
// by opening a product card and by buying. Interests change behaviour only: the marketing engine
// sees the cards opened and the purchases, never the vector.
import type { Rng } from '../../../engine/kernel/index.ts';

export interface DriftParams {
  /** RecSim: α(x) = alpha·(1 − |x|) with alpha = 0.3 */
  readonly alpha: number;
  /** watching a segment this long counts as one engagement (assumption) */
  readonly unitMs: number;
  /** at most this many updates per segment */
  readonly maxSteps: number;
}

export const DRIFT: DriftParams = { alpha: 0.3, unitMs: 60_000, maxSteps: 10 };

/** one RecSim update of dimension c given a uniform draw u (pure) */
export function driftValue(x: number, u: number, p: DriftParams = DRIFT): number {
  const delta = p.alpha * (1 - Math.abs(x)) * (1 - x);
  const up = u < (x + 1) / 2;
  return Math.max(-1, Math.min(1, up ? x + delta : x - delta));
}

/** `steps` updates of dimension c on a copy of the interests (copy-on-write: snapshots stay immutable) */
export function drift(interests: Float32Array, c: number, steps: number, rng: Rng, p: DriftParams = DRIFT): Float32Array {
  if (c < 0 || c >= interests.length || steps <= 0) return interests;
  const out = interests.slice();
  let x = out[c]!;
  for (let k = 0; k < Math.min(steps, p.maxSteps); k++) x = driftValue(x, rng.next(), p);
  out[c] = x;
  return out;
}

/** the interest match in [0, 1] of dimension c (RecSim's (x + 1)/2); unknown dimension = neutral */
export function matchOf(interests: Float32Array, c: number): number {
  return c < 0 || c >= interests.length ? 0.5 : (interests[c]! + 1) / 2;
}
