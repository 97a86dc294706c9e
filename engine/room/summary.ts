// The room's metrics: audience (arrivals, peak, watch time, retention), chat fan-out, likes/gifts/follows.
import { watchedMs } from './presence/index.ts';
import type { RoomState } from './state.ts';

export interface RoomSummary {
  arrived: number;
  concurrent: number;
  peakConcurrent: number;
  peakAt: number;
  sessions: number;
  meanWatchSeconds: number;
  /** share of arrived viewers whose total watch reached 60 s, 300 s, 1800 s */
  retention: { '60': number; '300': number; '1800': number };
  /** closed sessions under NEGATIVE_WATCH_MS (3 s) */
  negativeWatches: number;
  danmaku: {
    received: number;
    rejectedAbsent: number;
    rejectedRate: number;
    batches: number;
    shown: number;
    dropped: number;
    /** shown / (shown + dropped): the share of chat a viewer gets to see */
    shownRatio: number;
    /** comments per second of show, over the whole room */
    perSecond: number;
  };
  likes: number;
  gifts: { count: number; value: number };
  follows: { followers: number; new: number };
  answers: number;
  commentsBySku: Record<string, number>;
  ignored: Record<string, number>;
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** Metrics at `now` (default: the latest time the room saw); open sessions count up to `now`. */
export function summary(state: RoomState, now: number = state.now): RoomSummary {
  const p = state.presence;
  let totalMs = 0;
  let r60 = 0;
  let r300 = 0;
  let r1800 = 0;
  for (const v of p.watchMs.keys()) {
    const ms = watchedMs(p, v, now);
    totalMs += ms;
    if (ms >= 60_000) r60++;
    if (ms >= 300_000) r300++;
    if (ms >= 1_800_000) r1800++;
  }
  const arrived = p.watchMs.size;
  const f = state.fanout.counters;
  return {
    arrived,
    concurrent: p.joinedAt.size,
    peakConcurrent: p.peak,
    peakAt: p.peakAt,
    sessions: p.sessions,
    meanWatchSeconds: ratio(totalMs, arrived) / 1000,
    retention: { '60': ratio(r60, arrived), '300': ratio(r300, arrived), '1800': ratio(r1800, arrived) },
    negativeWatches: p.negativeWatches,
    danmaku: {
      ...f,
      shownRatio: ratio(f.shown, f.shown + f.dropped),
      perSecond: ratio(f.received, now / 1000),
    },
    likes: state.likes,
    gifts: { count: state.gifts, value: state.giftFen / 100 },
    follows: { followers: state.followers.size, new: state.newFollows },
    answers: state.answers,
    commentsBySku: Object.fromEntries(state.commentsBySku),
    ignored: Object.fromEntries(state.ignored),
  };
}

