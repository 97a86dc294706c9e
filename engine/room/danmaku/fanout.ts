// Danmaku fan-out: comments are buffered per tick and sent as ONE broadcast batch per tick, carrying the
// per-viewer cap and the sampling salt (see sampling.ts). Nothing is copied per viewer: what each viewer
// is shown and what is dropped for them is counted in closed form from the number of present viewers and
// the few senders of the tick, so a tick costs O(comments + senders), whatever the audience size.
import type { Addressed, ViewerDown } from '../../protocol.ts';
import { tickAllowance } from './cap.ts';

export interface FanoutConfig {
  /** fan-out tick length, ms; must divide 1000 so that the cap holds over every 1-second window */
  readonly tickMs: number;
  /** N: the most comments one viewer is shown in any 1-second window */
  readonly maxShownPerSecond: number;
  /** a sender's comments closer together than this are rejected at ingest (0: no limit) */
  readonly senderMinGapMs: number;
  readonly salt: number;
}

export interface FanoutCounters {
  /** comments accepted into a batch */
  received: number;
  /** comments rejected because the sender was not in the room */
  rejectedAbsent: number;
  /** comments rejected by the per-sender gap */
  rejectedRate: number;
  batches: number;
  /** Σ over batches and present viewers of the comments shown to that viewer */
  shown: number;
  /** Σ over batches and present viewers of the comments (not their own) that the cap kept from them */
  dropped: number;
}

export interface Fanout {
  readonly cfg: FanoutConfig;
  /** the tick whose comments are being buffered, or -1 when the buffer is empty */
  tick: number;
  items: { viewer: number; text: string }[];
  /** senders of the buffered tick → how many of its comments are theirs */
  own: Map<number, number>;
  /** id of the next comment accepted */
  nextId: number;
  lastSentAt: Map<number, number>;
  readonly counters: FanoutCounters;
}

export function createFanout(cfg: FanoutConfig): Fanout {
  return {
    cfg,
    tick: -1,
    items: [],
    own: new Map(),
    nextId: 0,
    lastSentAt: new Map(),
    counters: { received: 0, rejectedAbsent: 0, rejectedRate: 0, batches: 0, shown: 0, dropped: 0 },
  };
}

/** When the buffered batch is due (the end of its tick), or undefined if nothing is buffered. */
export function nextFlushAt(f: Fanout): number | undefined {
  return f.tick < 0 ? undefined : (f.tick + 1) * f.cfg.tickMs;
}

/**
 * Accepts a comment into the current tick's batch, or rejects it by the sender gap. The caller flushes
 * due batches first (flushDue), so the buffer only ever holds the tick that contains `now`.
 */
export function offerComment(f: Fanout, viewer: number, text: string, now: number): boolean {
  const gap = f.cfg.senderMinGapMs;
  if (gap > 0) {
    const last = f.lastSentAt.get(viewer);
    if (last !== undefined && now - last < gap) {
      f.counters.rejectedRate++;
      return false;
    }
    f.lastSentAt.set(viewer, now);
  }
  f.tick = Math.floor(now / f.cfg.tickMs);
  f.items.push({ viewer, text });
  f.own.set(viewer, (f.own.get(viewer) ?? 0) + 1);
  f.counters.received++;
  return true;
}

/**
 * Sends the buffered batch if its tick has ended by `now`. `present` says who is in the room at the flush;
 * `presentCount` is how many are. Returns the broadcast (none if the buffer is empty or the tick's
 * allowance is 0, in which case everything offered is counted as dropped).
 */
export function flushDue(
  f: Fanout,
  now: number,
  presentCount: number,
  present: (viewer: number) => boolean,
): Addressed<ViewerDown>[] {
  const due = nextFlushAt(f);
  if (due === undefined || due > now) return [];
  const n = f.items.length;
  const cap = tickAllowance(f.cfg.maxShownPerSecond, f.cfg.tickMs, f.tick);
  let presentSenders = 0;
  let offered = 0;
  let shown = 0;
  for (const [sender, mine] of f.own) {
    if (!present(sender)) continue;
    presentSenders++;
    offered += n - mine;
    shown += Math.min(cap, n - mine);
  }
  const others = presentCount - presentSenders;
  offered += others * n;
  shown += others * Math.min(cap, n);
  f.counters.shown += shown;
  f.counters.dropped += offered - shown;
  const out: Addressed<ViewerDown>[] = [];
  if (cap > 0) {
    f.counters.batches++;
    const msg: ViewerDown = { type: 'danmaku.batch', items: f.items, firstId: f.nextId, perViewer: cap, salt: f.cfg.salt };
    out.push({ to: 'all', msg });
  }
  f.nextId += n;
  f.items = [];
  f.own = new Map();
  f.tick = -1;
  return out;
}
