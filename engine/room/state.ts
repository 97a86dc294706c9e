// The room's whole state. `handle` and `advance` (room.ts) are its only writers: they mutate it in place
// for speed, which is safe because nothing else holds a reference that writes.
import { createFanout, type Fanout } from './danmaku/index.ts';
import { createPresence, type Presence } from './presence/index.ts';
import { resolveRoomConfig, type ResolvedRoomConfig, type RoomConfig } from './config.ts';

export interface RoomState {
  readonly config: ResolvedRoomConfig;
  /** the latest virtual time seen; time never goes back */
  now: number;
  readonly presence: Presence;
  readonly fanout: Fanout;
  likes: number;
  gifts: number;
  /** Σ gift value, in fen (integer, so sums are exact) */
  giftFen: number;
  /** viewers who follow the host (joined as followers, or followed during the show) */
  readonly followers: Set<number>;
  newFollows: number;
  answers: number;
  /** SKU on stage (from host.segment), '' before the first segment */
  segmentSku: string;
  /** comments accepted while each SKU was on stage */
  readonly commentsBySku: Map<string, number>;
  /** ignored messages by `type:reason` (e.g. 'like.sent:absent', 'gift.sent:invalid-value') */
  readonly ignored: Map<string, number>;
  ended: boolean;
}

export function createRoomState(config: Partial<RoomConfig> & { seed: number }): RoomState {
  const cfg = resolveRoomConfig(config);
  return {
    config: cfg,
    now: 0,
    presence: createPresence(),
    fanout: createFanout({
      tickMs: cfg.fanoutTickMs,
      maxShownPerSecond: cfg.maxShownPerSecond,
      senderMinGapMs: cfg.senderMinGapMs,
      salt: cfg.salt,
    }),
    likes: 0,
    gifts: 0,
    giftFen: 0,
    followers: new Set(),
    newFollows: 0,
    answers: 0,
    segmentSku: '',
    commentsBySku: new Map(),
    ignored: new Map(),
    ended: false,
  };
}
