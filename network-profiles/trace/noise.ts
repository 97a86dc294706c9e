// Counter-based noise: a value for (key, index) computed by hashing, so a viewer's trace can be read
// at any time without storing it (100k viewers × 60 min of 1-s samples would be ~8 GB as arrays).
// The key is drawn once from the viewer's kernel RNG stream, so the randomness still comes from the
// named streams and is reproducible per seed.
import { foldInt, mix32 } from '../../engine/kernel/index.ts';

/** foldInt(n) for 0 ≤ n < 2^32 is mix32(n ^ FOLD_HI0), its high word being 0: one hash saved per call. */
const FOLD_HI0 = mix32(0x9e3779b9);

/** A 32-bit hash of (key, index); index may be any safe integer. */
export function hashAt(key: number, index: number): number {
  const folded = index >= 0 && index < 4294967296 ? mix32((index ^ FOLD_HI0) >>> 0) : foldInt(index);
  return mix32((key ^ folded) >>> 0);
}

/** uniform in [0, 1) */
export function unitAt(key: number, index: number): number {
  return hashAt(key, index) / 4294967296;
}

/** The sum of the four bytes of the hash of (key, index): an integer in [0, 1020] (see gaussAt). */
export function gaussCodeAt(key: number, index: number): number {
  const h = hashAt(key, index);
  return (h & 255) + ((h >>> 8) & 255) + ((h >>> 16) & 255) + (h >>> 24);
}

/** The standard normal that a byte-sum code stands for. */
export function gaussOfCode(code: number): number {
  return ((code + 2) / 256 - 2) * 1.7320508075688772;
}

/**
 * Approximately standard normal: Irwin–Hall sum of the hash's four bytes, each a uniform on 256 levels.
 * Mean 0, sd 1, tails bounded at ±√12 ≈ 3.46 (a bounded tail is harmless, even welcome, for rates).
 */
export function gaussAt(key: number, index: number): number {
  return gaussOfCode(gaussCodeAt(key, index));
}

const LOGNORMAL_TABLES = new Map<number, Float64Array>();

/**
 * exp(sigma · z) for every code z can take: a log-normal factor by table lookup instead of an exponential
 * per step (memoised per sigma; the tables are read-only and the same in every run).
 */
export function lognormalTable(sigma: number): Float64Array {
  let t = LOGNORMAL_TABLES.get(sigma);
  if (t === undefined) {
    t = Float64Array.from({ length: 1021 }, (_, code) => Math.exp(sigma * gaussOfCode(code)));
    LOGNORMAL_TABLES.set(sigma, t);
  }
  return t;
}

/** A sub-key for one purpose, so that different components of a trace are independent. */
export function subKey(key: number, salt: number): number {
  return mix32((key ^ Math.imul(salt, 0x9e3779b1)) >>> 0);
}
