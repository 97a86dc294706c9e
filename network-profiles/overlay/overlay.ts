// A compiled overlay: scripted events (tunnel, handover, congestion) folded into one piecewise-constant
// modifier over absolute run time. Window i = [times[i], times[i+1]) scales both directions' rates by
// rateFactor[i] and adds rttAddMs[i] to the round trip; outside all windows the profile holds unchanged.
// One overlay is shared by every viewer it applies to (e.g. all viewers on one congested cell).

export class Overlay {
  /** breakpoints, ascending; n breakpoints make n − 1 windows */
  readonly times: Float64Array;
  readonly rateFactor: Float64Array;
  readonly rttAddMs: Float64Array;

  constructor(times: Float64Array, rateFactor: Float64Array, rttAddMs: Float64Array) {
    if (times.length < 2 || rateFactor.length !== times.length - 1 || rttAddMs.length !== times.length - 1) {
      throw new RangeError('Overlay: expected n ≥ 2 breakpoints and n − 1 windows');
    }
    for (let i = 1; i < times.length; i++) {
      if (!(times[i]! > times[i - 1]!)) throw new RangeError(`Overlay: breakpoints must increase, got ${times[i - 1]} then ${times[i]}`);
    }
    this.times = times;
    this.rateFactor = rateFactor;
    this.rttAddMs = rttAddMs;
  }

  /** the window holding t, or −1 before the first / n − 1 after the last breakpoint (no change there) */
  windowAt(t: number, hint: number): number {
    const ts = this.times;
    const last = ts.length - 1;
    if (t < ts[0]!) return -1;
    if (t >= ts[last]!) return last;
    if (hint >= 0 && hint < last && ts[hint]! <= t && t < ts[hint + 1]!) return hint;
    let lo = 0;
    let hi = last - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ts[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  factorIn(w: number): number {
    return w < 0 || w >= this.rateFactor.length ? 1 : this.rateFactor[w]!;
  }

  rttAddIn(w: number): number {
    return w < 0 || w >= this.rttAddMs.length ? 0 : this.rttAddMs[w]!;
  }

  /** the end of window w (where the modifier may next change) */
  endOf(w: number): number {
    return w < 0 ? this.times[0]! : w >= this.rateFactor.length ? Infinity : this.times[w + 1]!;
  }
}
