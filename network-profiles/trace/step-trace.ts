// A fixed piecewise-constant trace in typed arrays, shared read-only by every viewer that replays it
// (scripted presets, imported traces). Prefix sums of deliverable bytes make "when have B bytes gone
// through?" an O(log n) lookup, which matters for 1-ms Mahimahi traces where a 1 s transfer spans
// a thousand steps. After its period the trace either wraps (Mahimahi, Pensieve, MMSys patterns played
// in a loop) or holds its last step.
import { DOWN, type BurstLoss, type Direction, type LinkTrace, type ProfileStep, type TraceSegment } from '../types.ts';

export interface StepTraceOptions {
  wrap: boolean;
  jitterMs?: number;
  burst?: BurstLoss | null;
}

/** Column form of a trace: step i holds on [startsMs[i], startsMs[i+1]) (the last one until periodMs). */
export interface StepColumns {
  startsMs: Float64Array;
  downKbps: Float64Array;
  upKbps: Float64Array;
  rttMs: Float64Array;
  loss: Float64Array;
  periodMs: number;
}

export class StepTrace implements LinkTrace {
  readonly n: number;
  readonly periodMs: number;
  readonly wrap: boolean;
  readonly jitterMs: number;
  readonly burst: BurstLoss | null;
  readonly cols: Readonly<StepColumns>;
  /** bytes deliverable from the period start to the start of step i (length n + 1) */
  private readonly cumDown: Float64Array;
  private readonly cumUp: Float64Array;

  constructor(cols: StepColumns, opts: StepTraceOptions) {
    const n = cols.startsMs.length;
    if (n === 0) throw new RangeError('StepTrace: expected at least one step');
    if (!(cols.periodMs > cols.startsMs[n - 1]!)) {
      throw new RangeError(`StepTrace: periodMs must exceed the last step start, got ${cols.periodMs}`);
    }
    this.n = n;
    this.cols = cols;
    this.periodMs = cols.periodMs;
    this.wrap = opts.wrap;
    this.jitterMs = opts.jitterMs ?? 0;
    this.burst = opts.burst ?? null;
    this.cumDown = prefixBytes(cols.startsMs, cols.downKbps, cols.periodMs);
    this.cumUp = prefixBytes(cols.startsMs, cols.upKbps, cols.periodMs);
  }

  static fromSteps(steps: readonly ProfileStep[], opts: StepTraceOptions): StepTrace {
    const n = steps.length;
    const cols: StepColumns = {
      startsMs: new Float64Array(n),
      downKbps: new Float64Array(n),
      upKbps: new Float64Array(n),
      rttMs: new Float64Array(n),
      loss: new Float64Array(n),
      periodMs: 0,
    };
    let t = 0;
    steps.forEach((s, i) => {
      if (!(s.durationMs > 0) || !(s.downKbps >= 0) || !(s.upKbps >= 0) || !(s.rttMs >= 0) || !(s.loss >= 0 && s.loss <= 1)) {
        throw new RangeError(`StepTrace.fromSteps: step ${i} is invalid: ${JSON.stringify(s)}`);
      }
      cols.startsMs[i] = t;
      cols.downKbps[i] = s.downKbps;
      cols.upKbps[i] = s.upKbps;
      cols.rttMs[i] = s.rttMs;
      cols.loss[i] = s.loss;
      t += s.durationMs;
    });
    cols.periodMs = t;
    return new StepTrace(cols, opts);
  }

  /** bytes one period delivers in direction dir */
  periodBytes(dir: Direction): number {
    return (dir === DOWN ? this.cumDown : this.cumUp)[this.n]!;
  }

  /** index of the step holding at local time x in [0, periodMs) */
  private indexAt(x: number, hint: number): number {
    const s = this.cols.startsMs;
    const n = this.n;
    if (hint >= 0 && hint < n && s[hint]! <= x) {
      if (hint + 1 === n || x < s[hint + 1]!) return hint;
      if (hint + 2 === n || x < s[hint + 2]!) return hint + 1;
    }
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (s[mid]! <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  locate(t: number, seg: TraceSegment): void {
    if (this.n === 1) {
      // a constant trace is one piece for ever (saves a lookup per period on the hot path)
      this.fill(0, 0, seg);
      seg.startMs = 0;
      seg.endMs = Infinity;
      return;
    }
    const P = this.periodMs;
    let base = 0;
    let x = t;
    if (t >= P) {
      if (!this.wrap) {
        this.fill(this.n - 1, 0, seg);
        seg.endMs = Infinity;
        return;
      }
      const p = Math.floor(t / P);
      base = p * P;
      x = t - base;
    }
    const i = this.indexAt(x, seg.hint);
    this.fill(i, base, seg);
    if (!this.wrap && i === this.n - 1) seg.endMs = Infinity;
  }

  private fill(i: number, base: number, seg: TraceSegment): void {
    const c = this.cols;
    seg.hint = i;
    seg.startMs = base + c.startsMs[i]!;
    seg.endMs = base + (i + 1 < this.n ? c.startsMs[i + 1]! : this.periodMs);
    seg.downKbps = c.downKbps[i]!;
    seg.upKbps = c.upKbps[i]!;
    seg.rttMs = c.rttMs[i]!;
    seg.loss = c.loss[i]!;
  }

  capacityTo(t: number, dir: Direction): number {
    if (!(t > 0)) return 0;
    const cum = dir === DOWN ? this.cumDown : this.cumUp;
    const rates = dir === DOWN ? this.cols.downKbps : this.cols.upKbps;
    const P = this.periodMs;
    const PB = cum[this.n]!;
    if (t >= P && !this.wrap) return PB + (rates[this.n - 1]! / 8) * (t - P);
    const p = Math.floor(t / P);
    const x = t - p * P;
    const i = this.indexAt(x, -1);
    return p * PB + cum[i]! + (rates[i]! / 8) * (x - this.cols.startsMs[i]!);
  }

  timeAtCapacity(bytes: number, dir: Direction): number {
    if (!(bytes > 0)) return 0;
    const cum = dir === DOWN ? this.cumDown : this.cumUp;
    const rates = dir === DOWN ? this.cols.downKbps : this.cols.upKbps;
    const PB = cum[this.n]!;
    let p = 0;
    let rem = bytes;
    if (bytes > PB) {
      if (!this.wrap) {
        const last = rates[this.n - 1]!;
        return last > 0 ? this.periodMs + (bytes - PB) / (last / 8) : Infinity;
      }
      if (PB === 0) return Infinity;
      p = Math.floor(bytes / PB);
      rem = bytes - p * PB;
      // exactly at a period boundary: the earliest time is the end of the previous period's last busy step
      if (rem === 0) {
        p -= 1;
        rem = PB;
      }
    }
    // first step i whose end-of-step cumulative reaches rem; cum[i] < rem there, so its rate is > 0
    let lo = 1;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! >= rem) hi = mid;
      else lo = mid + 1;
    }
    const i = lo - 1;
    return p * this.periodMs + this.cols.startsMs[i]! + (rem - cum[i]!) / (rates[i]! / 8);
  }
}

function prefixBytes(starts: Float64Array, kbps: Float64Array, periodMs: number): Float64Array {
  const n = starts.length;
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    const end = i + 1 < n ? starts[i + 1]! : periodMs;
    cum[i + 1] = cum[i]! + (kbps[i]! / 8) * (end - starts[i]!);
  }
  return cum;
}
