// Exact integration of the rate curve: when have `bytes` passed the bottleneck, starting at t? The curve
// is the trace's piecewise-constant rate times the overlay's piecewise-constant factor, so the answer is
// exact (no time stepping). Fixed traces are inverted through their prefix sums in O(log n); family traces
// are walked step by step (1-s steps, so a transfer crosses a handful).
import { DOWN, type Direction } from '../../network-profiles/index.ts';
import { locateAt, type Link } from './link.ts';

/** Earliest run time at which `bytes` have drained in direction dir, starting at t (Infinity if never). */
export function drainTime(link: Link, t: number, bytes: number, dir: Direction): number {
  if (!(bytes > 0)) return t;
  const o = link.overlay;
  // fast path: no overlay and the whole drain fits in the piece of trace already located
  if (o === null) {
    const seg = link.seg;
    const x = t + link.phaseMs;
    if (x >= seg.startMs && x < seg.endMs) {
      const rate = (dir === DOWN ? seg.downKbps : seg.upKbps) / 8;
      if (rate > 0) {
        const f = t + bytes / rate;
        if (f + link.phaseMs <= seg.endMs) return f;
      }
    }
  }
  // the same under an overlay, for a trace walked piece by piece (drainWithin's first piece, term for term)
  else if (link.trace.capacityTo === undefined) {
    const w = o.windowAt(t, link.ow);
    link.ow = w;
    const factor = o.factorIn(w);
    if (factor > 0) {
      locateAt(link, t);
      const seg = link.seg;
      const rate = ((dir === DOWN ? seg.downKbps : seg.upKbps) * factor) / 8;
      if (rate > 0 && rate * (Math.min(seg.endMs - link.phaseMs, o.endOf(w)) - t) >= bytes) return t + bytes / rate;
    }
  }
  let left = bytes;
  for (;;) {
    let factor = 1;
    let until = Infinity;
    if (o !== null) {
      const w = o.windowAt(t, link.ow);
      link.ow = w;
      factor = o.factorIn(w);
      until = o.endOf(w);
    }
    if (factor > 0) {
      const f = drainWithin(link, t, left, dir, factor, until);
      if (f === f) return f;
      left = link.rest;
    }
    if (until === Infinity) return Infinity;
    t = until;
  }
}

/** Drains at the trace's rate × factor on [t, until): the finish time, or NaN with link.rest = bytes left. */
function drainWithin(link: Link, t: number, bytes: number, dir: Direction, factor: number, until: number): number {
  const trace = link.trace;
  const ph = link.phaseMs;
  if (trace.capacityTo !== undefined && trace.timeAtCapacity !== undefined) {
    const c0 = trace.capacityTo(t + ph, dir);
    const need = bytes / factor;
    if (until !== Infinity) {
      const have = trace.capacityTo(until + ph, dir) - c0;
      if (have < need) {
        link.rest = bytes - have * factor;
        return NaN;
      }
    }
    const f = trace.timeAtCapacity(c0 + need, dir) - ph;
    return f > t ? f : t;
  }
  const seg = link.seg;
  let left = bytes;
  while (t < until) {
    locateAt(link, t);
    const end = Math.min(seg.endMs - ph, until);
    const rate = ((dir === DOWN ? seg.downKbps : seg.upKbps) * factor) / 8; // bytes per ms
    if (rate > 0) {
      const cap = rate * (end - t);
      if (cap >= left) return t + left / rate;
      left -= cap;
    }
    if (end === Infinity) return Infinity;
    t = end;
  }
  link.rest = left;
  return NaN;
}

/** The earliest time ≥ t at which the link carries anything in direction dir (Infinity if never). */
export function linkUpAt(link: Link, t: number, dir: Direction): number {
  const o = link.overlay;
  const seg = link.seg;
  for (;;) {
    locateAt(link, t);
    let end = seg.endMs - link.phaseMs;
    let factor = 1;
    if (o !== null) {
      const w = o.windowAt(t, link.ow);
      link.ow = w;
      factor = o.factorIn(w);
      end = Math.min(end, o.endOf(w));
    }
    if (factor > 0 && (dir === DOWN ? seg.downKbps : seg.upKbps) > 0) return t;
    if (end === Infinity) return Infinity;
    t = end;
  }
}

/** Bytes the bottleneck can carry in [t0, t1) in direction dir (the integral drainTime inverts). */
export function capacityBetween(link: Link, t0: number, t1: number, dir: Direction): number {
  let total = 0;
  let t = t0;
  const o = link.overlay;
  const seg = link.seg;
  while (t < t1) {
    locateAt(link, t);
    let end = Math.min(seg.endMs - link.phaseMs, t1);
    let factor = 1;
    if (o !== null) {
      const w = o.windowAt(t, link.ow);
      link.ow = w;
      factor = o.factorIn(w);
      end = Math.min(end, o.endOf(w));
    }
    total += (((dir === DOWN ? seg.downKbps : seg.upKbps) * factor) / 8) * (end - t);
    t = end;
  }
  return total;
}
