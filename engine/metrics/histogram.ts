// Latency and duration distributions: an HDR histogram (3 significant digits) so that a million
// viewers' startup delays cost a few KB, merge across shards by addition, and give the same percentiles
// whatever order the values arrived in (a requirement for results identical across worker counts).
import * as hdr from 'hdr-histogram-js';

export interface Percentiles {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const round = (x: number, digits = 1) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

export class Histogram {
  private readonly h: hdr.Histogram;

  /** `resolution`: values are recorded as round(value / resolution) (e.g. 1 = whole ms) */
  constructor(readonly highest = 24 * 3_600_000, readonly resolution = 1) {
    this.h = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: Math.ceil(highest / resolution), numberOfSignificantValueDigits: 3, useWebAssembly: false });
  }

  record(value: number, count = 1): void {
    if (typeof value !== "number" || !(value >= 0)) return;
    const v = Math.min(Math.round(value / this.resolution), Math.ceil(this.highest / this.resolution));
    this.h.recordValueWithCount(v, count);
  }

  get count(): number {
    return this.h.totalCount;
  }

  percentile(p: number): number {
    return this.count === 0 ? 0 : this.h.getValueAtPercentile(p) * this.resolution;
  }

  mean(): number {
    return this.count === 0 ? 0 : this.h.mean * this.resolution;
  }

  max(): number {
    return this.count === 0 ? 0 : this.h.maxValue * this.resolution;
  }

  merge(other: Histogram): void {
    this.h.add(other.h);
  }

  summary(digits = 1): Percentiles {
    return {
      count: this.count,
      mean: round(this.mean(), digits),
      p50: round(this.percentile(50), digits),
      p95: round(this.percentile(95), digits),
      p99: round(this.percentile(99), digits),
      max: round(this.max(), digits),
    };
  }
}
