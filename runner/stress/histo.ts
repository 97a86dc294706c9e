// Latency histograms of the stress run: HDR histograms in microseconds (3 significant digits) that the
// client processes fill, encode (compressed base64) and the coordinator merges.
import * as hdr from 'hdr-histogram-js';

const HIGHEST_US = 3_600_000_000; // one hour

export interface LatencySummary {
  count: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
  p999: number | null;
  max: number | null;
  mean: number | null;
}

export class Latency {
  readonly h: hdr.Histogram;

  constructor() {
    this.h = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: HIGHEST_US, numberOfSignificantValueDigits: 3, useWebAssembly: false });
  }

  /** records a latency in ms (negative values from clock skew between processes are clamped to 0) */
  record(ms: number): void {
    if (!(ms === ms) || ms === Infinity) return;
    const us = Math.round(ms * 1000);
    this.h.recordValue(us < 1 ? 1 : us > HIGHEST_US ? HIGHEST_US : us);
  }

  get count(): number {
    return this.h.totalCount;
  }

  merge(other: Latency): void {
    this.h.add(other.h);
  }

  encode(): string {
    return hdr.encodeIntoCompressedBase64(this.h);
  }

  static decode(s: string): Latency {
    const l = new Latency();
    l.h.add(hdr.decodeFromCompressedBase64(s, 32, false));
    return l;
  }

  /** percentiles in ms, rounded to 0.1 ms; nulls when empty */
  summary(): LatencySummary {
    const n = this.h.totalCount;
    const at = (p: number) => (n === 0 ? null : Math.round(this.h.getValueAtPercentile(p) / 100) / 10);
    return {
      count: n,
      p50: at(50),
      p90: at(90),
      p99: at(99),
      p999: at(99.9),
      max: n === 0 ? null : Math.round(this.h.maxValue / 100) / 10,
      mean: n === 0 ? null : Math.round(this.h.mean / 100) / 10,
    };
  }
}

/** A set of named histograms (created on first use). */
export class LatencySet {
  readonly map = new Map<string, Latency>();

  get(name: string): Latency {
    let l = this.map.get(name);
    if (l === undefined) this.map.set(name, (l = new Latency()));
    return l;
  }

  record(name: string, ms: number): void {
    this.get(name).record(ms);
  }

  encode(): Record<string, string> {
    const o: Record<string, string> = {};
    for (const [k, v] of this.map) o[k] = v.encode();
    return o;
  }

  mergeEncoded(enc: Record<string, string>): void {
    for (const [k, s] of Object.entries(enc)) this.get(k).merge(Latency.decode(s));
  }

  summaries(): Record<string, LatencySummary> {
    const o: Record<string, LatencySummary> = {};
    for (const [k, v] of [...this.map].sort(([a], [b]) => a.localeCompare(b))) o[k] = v.summary();
    return o;
  }
}
