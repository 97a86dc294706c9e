// Variates drawn from an Rng. Each takes the stream explicitly, so the draw order is visible at the call.
import type { Rng } from './rng.ts';

/** Exp(mean) by inversion, as bench-ref: -ln(1 - u) · mean */
export function exponential(rng: Rng, mean: number): number {
  return -Math.log(1 - rng.next()) * mean;
}

export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

/** an integer in [lo, hi] inclusive */
export function uniformInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng.next() * (hi - lo + 1));
}

export function bernoulli(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

/** Standard normal by Box–Muller (two draws, the second variate discarded to keep draw counts fixed). */
export function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

export function normal(rng: Rng, mean: number, sd: number): number {
  return mean + sd * standardNormal(rng);
}

/** log-normal with the given median and log-space sigma */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * standardNormal(rng));
}

/** Index drawn with probability proportional to weights (one draw). Weights must be ≥ 0, sum > 0. */
export function weightedIndex(rng: Rng, weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/** Poisson(lambda): Knuth for small lambda, normal approximation above 30. */
export function poisson(rng: Rng, lambda: number): number {
  if (lambda > 30) return Math.max(0, Math.round(normal(rng, lambda, Math.sqrt(lambda))));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}
