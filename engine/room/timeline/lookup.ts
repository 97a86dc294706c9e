// Time lookups on a timeline: the current segment at t, and the events that fire in [t0, t1).
// Both are binary searches, so a runtime can ask at every epoch boundary for free.
import type { ShowTimeline, TimelineEvent, TimelineSegment } from './types.ts';

/** index of the first element whose key is ≥ t (array sorted by key) */
function lowerBound<T>(xs: readonly T[], key: (x: T) => number, t: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(xs[mid]!) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The segment on stage at virtual time t (startMs ≤ t < endMs), or undefined between segments. */
export function segmentAt(tl: ShowTimeline, t: number): TimelineSegment | undefined {
  // the last segment starting at or before t: segments are disjoint, so only it can contain t
  let lo = 0;
  let hi = tl.segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tl.segments[mid]!.startMs <= t) lo = mid + 1;
    else hi = mid;
  }
  const s = tl.segments[lo - 1];
  return s !== undefined && t < s.endMs ? s : undefined;
}

/** The events with t0 ≤ at < t1, in timeline order. Consecutive intervals see every event exactly once. */
export function eventsIn(tl: ShowTimeline, t0: number, t1: number): readonly TimelineEvent[] {
  if (!(t1 > t0)) return [];
  const at = (e: TimelineEvent): number => e.at;
  return tl.events.slice(lowerBound(tl.events, at, t0), lowerBound(tl.events, at, t1));
}

/** The time of the first event at or after t, or undefined when none is left. */
export function nextEventAt(tl: ShowTimeline, t: number): number | undefined {
  return tl.events[lowerBound(tl.events, (e) => e.at, t)]?.at;
}
