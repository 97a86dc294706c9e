// Counters binned over virtual time (per second, per minute): the audience curve, arrivals and
// departures, the per-second funnel. Bins grow on demand; values are plain numbers.
export class BinnedSeries {
  private bins: Float64Array;
  length = 0;

  constructor(readonly binMs: number, initialBins = 64) {
    if (!(binMs > 0)) throw new RangeError(`BinnedSeries: binMs must be > 0, got ${binMs}`);
    this.bins = new Float64Array(initialBins);
  }

  add(t: number, value = 1): void {
    const i = Math.floor(t / this.binMs);
    if (i < 0) return;
    if (i >= this.bins.length) {
      let n = this.bins.length;
      while (n <= i) n *= 2;
      const b = new Float64Array(n);
      b.set(this.bins);
      this.bins = b;
    }
    this.bins[i] += value;
    if (i + 1 > this.length) this.length = i + 1;
  }

  get(i: number): number {
    return i < this.length ? this.bins[i]! : 0;
  }

  /** the first `n` bins (zero-padded) as a plain array */
  toArray(n = this.length): number[] {
    return Array.from({ length: n }, (_, i) => this.get(i));
  }

  merge(other: BinnedSeries): void {
    if (other.binMs !== this.binMs) throw new RangeError(`BinnedSeries.merge: bin widths differ (${this.binMs} vs ${other.binMs})`);
    for (let i = 0; i < other.length; i++) if (other.get(i) !== 0) this.add(i * this.binMs, other.get(i));
  }
}

/** Running sum of +1/−1 changes → the level at the end of each bin (e.g. concurrent viewers). */
export function levelsFromChanges(changes: BinnedSeries, bins: number): number[] {
  const out: number[] = [];
  let level = 0;
  for (let i = 0; i < bins; i++) {
    level += changes.get(i);
    out.push(level);
  }
  return out;
}
