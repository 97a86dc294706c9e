// Latency to live over the show, observed in the viewer shards for the report (reads the players only;
// nothing here feeds back into the run). At every bin boundary a shard reached, and when a viewer leaves,
// each player's mean latency over the window since its last look (∫latency dt / playing time, from the
// player's own running integral) is added to the window's bin: integer sums (Σ round(∫), Σ ms) and a
// histogram of window means weighted by playing ms. Integers only, so merging shards in any grouping
// gives the same numbers, and the series is the same for any --workers (a viewer's player depends on
// the viewer only, and epoch ends do not depend on the worker count).

/** histogram of a window's mean latency: 250 ms buckets up to 30 s, the last one open */
export const LATENCY_BUCKET_MS = 250;
export const LATENCY_BUCKETS = 121;

/** what a shard sends back (plain numbers: it crosses threads as structured clone) */
export interface LatencyObservation {
  binMs: number;
  /** per bin: Σ round(∫ latency dt) over windows, ms·ms */
  integral: number[];
  /** per bin: Σ playing ms over windows */
  timeMs: number[];
  /** per bin: playing ms per latency bucket, flattened [bin * LATENCY_BUCKETS + bucket] */
  hist: number[];
}

interface LatencySource {
  readonly latencyIntegral: number;
  readonly latencyTimeMs: number;
}

export class LatencySampler {
  private readonly integral: number[];
  private readonly timeMs: number[];
  private readonly hist: number[];
  private lastI: number[] = [];
  private lastT: number[] = [];
  private next: number;

  constructor(readonly binMs: number, readonly bins: number) {
    this.integral = new Array<number>(bins).fill(0);
    this.timeMs = new Array<number>(bins).fill(0);
    this.hist = new Array<number>(bins * LATENCY_BUCKETS).fill(0);
    this.next = binMs;
  }

  /** a new player on handle h (handles are reused after a viewer leaves) */
  start(h: number): void {
    this.lastI[h] = 0;
    this.lastT[h] = 0;
  }

  /** the window of player `p` on handle h ending at t */
  private window(h: number, p: LatencySource, t: number): void {
    const dT = p.latencyTimeMs - (this.lastT[h] ?? 0);
    const dI = p.latencyIntegral - (this.lastI[h] ?? 0);
    this.lastT[h] = p.latencyTimeMs;
    this.lastI[h] = p.latencyIntegral;
    const ms = Math.round(dT);
    if (!(ms > 0) || !(dI >= 0)) return;
    const bin = Math.min(this.bins - 1, Math.max(0, Math.floor((t - 1) / this.binMs)));
    this.integral[bin]! += Math.round(dI);
    this.timeMs[bin]! += ms;
    const b = Math.min(LATENCY_BUCKETS - 1, Math.floor(dI / dT / LATENCY_BUCKET_MS));
    this.hist[bin * LATENCY_BUCKETS + b]! += ms;
  }

  /** after the shard ran to `now`: looks at every player in the room at each bin boundary reached */
  sample(now: number, players: () => Iterable<[number, LatencySource]>): void {
    if (now < this.next) return;
    const at = this.next;
    while (this.next <= now) this.next += this.binMs;
    for (const [h, p] of players()) this.window(h, p, at);
  }

  /** a viewer leaving at t: their last window */
  leave(h: number, p: LatencySource, t: number): void {
    this.window(h, p, t);
  }

  observation(): LatencyObservation {
    return { binMs: this.binMs, integral: [...this.integral], timeMs: [...this.timeMs], hist: [...this.hist] };
  }
}

/** Adds shards' observations (integer sums: the result does not depend on how viewers were split). */
export function mergeLatency(obs: readonly LatencyObservation[]): LatencyObservation | undefined {
  const first = obs[0];
  if (!first) return undefined;
  const out: LatencyObservation = { binMs: first.binMs, integral: [...first.integral], timeMs: [...first.timeMs], hist: [...first.hist] };
  for (const o of obs.slice(1)) {
    o.integral.forEach((x, i) => (out.integral[i]! += x));
    o.timeMs.forEach((x, i) => (out.timeMs[i]! += x));
    o.hist.forEach((x, i) => (out.hist[i]! += x));
  }
  return out;
}

/** Per bin: time-weighted mean, p50 and p95 of latency (ms, rounded); 0 where nobody was playing. */
export function latencySeries(o: LatencyObservation): { mean: number[]; p50: number[]; p95: number[] } {
  const q = (bin: number, p: number): number => {
    const total = o.timeMs[bin]!;
    if (total <= 0) return 0;
    const want = p * total;
    let acc = 0;
    for (let b = 0; b < LATENCY_BUCKETS; b++) {
      const w = o.hist[bin * LATENCY_BUCKETS + b]!;
      if (w > 0 && acc + w >= want) return Math.round((b + (want - acc) / w) * LATENCY_BUCKET_MS);
      acc += w;
    }
    return LATENCY_BUCKETS * LATENCY_BUCKET_MS;
  };
  return {
    mean: o.timeMs.map((t, i) => (t > 0 ? Math.round(o.integral[i]! / t) : 0)),
    p50: o.timeMs.map((_, i) => q(i, 0.5)),
    p95: o.timeMs.map((_, i) => q(i, 0.95)),
  };
}
