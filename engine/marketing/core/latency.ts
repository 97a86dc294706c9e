// Exact virtual-latency percentiles with 1 ms buckets: latencies here are multiples of the epoch tick
// and rarely above a few seconds, so a fixed array beats storing every sample (and costs O(1) per add).
export interface Percentiles {
  p50: number | null;
  p99: number | null;
}

export class LatencyRecorder {
  private readonly buckets: Uint32Array;
  private overflowMax = 0;
  count = 0;
  sum = 0;

  /** `maxMs`: the largest latency kept exactly; larger ones land in one overflow bucket (reported as their max). */
  constructor(private readonly maxMs = 60_000) {
    this.buckets = new Uint32Array(maxMs + 2);
  }

  add(ms: number): void {
    const v = Math.max(0, Math.round(ms));
    if (v > this.maxMs) {
      this.buckets[this.maxMs + 1]!++;
      this.overflowMax = Math.max(this.overflowMax, v);
    } else this.buckets[v]!++;
    this.count++;
    this.sum += v;
  }

  /** Nearest-rank percentile (q in (0, 1]); null when nothing was recorded. */
  percentile(q: number): number | null {
    if (this.count === 0) return null;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let v = 0; v <= this.maxMs; v++) {
      seen += this.buckets[v]!;
      if (seen >= rank) return v;
    }
    return this.overflowMax;
  }

  summary(): Percentiles {
    return { p50: this.percentile(0.5), p99: this.percentile(0.99) };
  }
}

/** Nearest-rank percentile of a list of numbers (used by summaries and the benchmark); null if empty. */
export function percentileOf(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
