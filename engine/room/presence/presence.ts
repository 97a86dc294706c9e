// Who is in the room right now, for how long each viewer has watched, and the peak concurrency.
// Mutated in place by the room's handler (its only writer); everything here is O(1) per event.

/** Sessions shorter than this count as negative watches (Kuaishou papers, CALIBRATION.md §2: a view under 3 s). */
export const NEGATIVE_WATCH_MS = 3_000;

export interface Presence {
  /** present viewers → start of their current session (virtual ms) */
  readonly joinedAt: Map<number, number>;
  /** every viewer who ever joined → total ms of their closed sessions */
  readonly watchMs: Map<number, number>;
  sessions: number;
  /** closed sessions shorter than NEGATIVE_WATCH_MS */
  negativeWatches: number;
  peak: number;
  peakAt: number;
  /** a join from a viewer already present (ignored) */
  duplicateJoins: number;
  /** a leave from a viewer not present (ignored) */
  strayLeaves: number;
}

export function createPresence(): Presence {
  return {
    joinedAt: new Map(),
    watchMs: new Map(),
    sessions: 0,
    negativeWatches: 0,
    peak: 0,
    peakAt: 0,
    duplicateJoins: 0,
    strayLeaves: 0,
  };
}

/** Opens a session; false (and nothing changes) if the viewer is already present. */
export function join(p: Presence, viewer: number, now: number): boolean {
  if (p.joinedAt.has(viewer)) {
    p.duplicateJoins++;
    return false;
  }
  p.joinedAt.set(viewer, now);
  if (!p.watchMs.has(viewer)) p.watchMs.set(viewer, 0);
  p.sessions++;
  if (p.joinedAt.size > p.peak) {
    p.peak = p.joinedAt.size;
    p.peakAt = now;
  }
  return true;
}

/** Closes the viewer's session and returns its length, or undefined if the viewer was not present. */
export function leave(p: Presence, viewer: number, now: number): number | undefined {
  const since = p.joinedAt.get(viewer);
  if (since === undefined) {
    p.strayLeaves++;
    return undefined;
  }
  p.joinedAt.delete(viewer);
  const ms = now - since;
  p.watchMs.set(viewer, (p.watchMs.get(viewer) ?? 0) + ms);
  if (ms < NEGATIVE_WATCH_MS) p.negativeWatches++;
  return ms;
}

/** Closes every open session at `now` (the end of the show), in join order. */
export function closeAll(p: Presence, now: number): number {
  const viewers = [...p.joinedAt.keys()];
  for (const v of viewers) leave(p, v, now);
  return viewers.length;
}

/** Total watch time of one viewer, counting an open session up to `now`. */
export function watchedMs(p: Presence, viewer: number, now: number): number {
  const open = p.joinedAt.get(viewer);
  return (p.watchMs.get(viewer) ?? 0) + (open === undefined ? 0 : now - open);
}

export function isPresent(p: Presence, viewer: number): boolean {
  return p.joinedAt.has(viewer);
}
