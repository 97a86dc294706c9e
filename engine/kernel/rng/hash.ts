// Integer hashing used to derive RNG stream keys and digests. Pure 32-bit arithmetic, no allocation.

/** "lowbias32" integer hash (a bijection on 32-bit integers), as in bench-ref's spec. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a over the UTF-16 code units of a string, finished with mix32. Stable across runs and platforms. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h >>> 0);
}

/** Folds any safe integer (e.g. an owner id above 2^32) into 32 bits. */
export function foldInt(n: number): number {
  const lo = n >>> 0;
  const hi = Math.floor(n / 4294967296) >>> 0;
  return mix32(lo ^ mix32(hi + 0x9e3779b9));
}
