// Time spent at each latency to live, per viewer, in a small fixed histogram: latency moves linearly
// between player events (rate × time), so each stretch is spread exactly over the buckets it crosses.
// The p95 is then read to within a bucket (0.5 s wide up to 4 s). A row of LATENCY_BUCKETS numbers per
// viewer, at offset `at` of a shared column (PlayerStore.hist).

/** Bucket lower edges in ms; the last bucket is open-ended. */
export const LATENCY_EDGES_MS = Float64Array.from([
  0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 5000, 6000, 7000, 8000, 10_000, 12_000, 15_000, 20_000, 30_000, 60_000,
]);
export const LATENCY_BUCKETS = LATENCY_EDGES_MS.length;

/** Below 4 s the buckets are 500 ms wide, to 8 s 1 s wide (both direct); above, a short scan of the wider ones. */
function bucketOf(x: number): number {
  if (x < 4000) return x > 0 ? Math.floor(x / 500) : 0;
  if (x < 8000) return 8 + Math.floor((x - 4000) / 1000);
  let i = 12;
  while (i + 1 < LATENCY_BUCKETS && x >= LATENCY_EDGES_MS[i + 1]!) i++;
  return i;
}

/** Adds dt ms during which the latency moved linearly from l0 to l1. */
export function addLinear(h: Float32Array | Float64Array, at: number, l0: number, l1: number, dt: number): void {
  if (!(dt > 0)) return;
  let lo = l0 < l1 ? l0 : l1;
  const hi = l0 < l1 ? l1 : l0;
  if (lo < 0) lo = 0;
  const span = hi - lo;
  let b = bucketOf(lo);
  if (span <= 1e-9 || b === bucketOf(hi)) {
    h[at + b]! += dt;
    return;
  }
  for (let x = lo; x < hi && b < LATENCY_BUCKETS; b++) {
    const end = b + 1 < LATENCY_BUCKETS ? Math.min(hi, LATENCY_EDGES_MS[b + 1]!) : hi;
    h[at + b]! += (dt * (end - x)) / span;
    x = end;
  }
}

/** The q-quantile of the time-weighted latency, interpolated within its bucket (NaN if empty). */
export function latencyQuantile(h: Float32Array | Float64Array, at: number, q: number): number {
  let total = 0;
  for (let i = 0; i < LATENCY_BUCKETS; i++) total += h[at + i]!;
  if (!(total > 0)) return NaN;
  const want = q * total;
  let cum = 0;
  for (let i = 0; i < LATENCY_BUCKETS; i++) {
    const w = h[at + i]!;
    if (cum + w >= want && w > 0) {
      const lo = LATENCY_EDGES_MS[i]!;
      if (i + 1 === LATENCY_BUCKETS) return lo;
      return lo + ((want - cum) / w) * (LATENCY_EDGES_MS[i + 1]! - lo);
    }
    cum += w;
  }
  return LATENCY_EDGES_MS[LATENCY_BUCKETS - 1]!;
}
