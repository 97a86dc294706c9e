// The room service: `handle(state, message, now)` applies one message and returns what to send; `advance`
// lets virtual time pass (due danmaku batches go out). Both mutate `state` in place and are its only writers.
import type { Addressed, ControlMsg, HostUp, ViewerDown, ViewerUp } from '../protocol.ts';
import { flushDue, nextFlushAt, offerComment } from './danmaku/index.ts';
import { closeAll, isPresent, join, leave } from './presence/index.ts';
import type { RoomState } from './state.ts';

/** Everything the room may be handed; it ignores the types that are not its business (cart, checkout, …). */
export type RoomInput = ViewerUp | HostUp | ControlMsg;
export type RoomOutbound = Addressed<ViewerDown>;

function checkTime(state: RoomState, now: number): void {
  if (!(Number.isFinite(now) && now >= state.now)) {
    throw new RangeError(`room: now must be a finite virtual time ≥ the last one (${state.now} ms), got ${now}`);
  }
  state.now = now;
}

function ignore(state: RoomState, what: string): RoomOutbound[] {
  state.ignored.set(what, (state.ignored.get(what) ?? 0) + 1);
  return [];
}

function flush(state: RoomState, now: number): RoomOutbound[] {
  const p = state.presence.joinedAt;
  return flushDue(state.fanout, now, p.size, (v) => p.has(v));
}

/** Lets time pass to `now`: sends the danmaku batch whose tick has ended. Call it at every epoch boundary. */
export function advance(state: RoomState, now: number): RoomOutbound[] {
  checkTime(state, now);
  return flush(state, now);
}

/** When the room next has something to send without any new message (undefined: nothing pending). */
export function nextDueAt(state: RoomState): number | undefined {
  return nextFlushAt(state.fanout);
}

export function handle(state: RoomState, msg: RoomInput, now: number): RoomOutbound[] {
  const out = advance(state, now);
  if (state.ended) {
    // the end of the show closed every session: late leaves are expected and not worth counting
    if (msg.type === 'room.leave' || msg.type === 'show.ended') return out;
    return ignore(state, `${msg.type}:ended`);
  }
  const p = state.presence;
  switch (msg.type) {
    case 'room.join':
      if (join(p, msg.viewer, now) && msg.follower) state.followers.add(msg.viewer);
      return out;
    case 'room.leave':
      // watch time is measured by the room's clock; the agent's own `watchedMs` is not trusted
      leave(p, msg.viewer, now);
      return out;
    case 'danmaku.sent':
      if (!isPresent(p, msg.viewer)) return [...out, ...ignore(state, 'danmaku.sent:absent')];
      if (!offerComment(state.fanout, msg.viewer, msg.text, now)) return out;
      if (state.segmentSku !== '') {
        state.commentsBySku.set(state.segmentSku, (state.commentsBySku.get(state.segmentSku) ?? 0) + 1);
      }
      return out;
    case 'like.sent':
      if (!isPresent(p, msg.viewer)) return [...out, ...ignore(state, 'like.sent:absent')];
      state.likes++;
      return out;
    case 'gift.sent':
      if (!isPresent(p, msg.viewer)) return [...out, ...ignore(state, 'gift.sent:absent')];
      if (!(Number.isFinite(msg.value) && msg.value > 0)) return [...out, ...ignore(state, 'gift.sent:invalid-value')];
      state.gifts++;
      state.giftFen += Math.round(msg.value * 100);
      return out;
    case 'follow.sent':
      if (!isPresent(p, msg.viewer)) return [...out, ...ignore(state, 'follow.sent:absent')];
      if (state.followers.has(msg.viewer)) return [...out, ...ignore(state, 'follow.sent:already')];
      state.followers.add(msg.viewer);
      state.newFollows++;
      return out;
    case 'host.segment':
      state.segmentSku = msg.sku;
      return out;
    case 'host.answer':
      state.answers++;
      out.push({ to: 'all', msg: { type: 'host.answered', intent: msg.intent, ...(msg.sku === undefined ? {} : { sku: msg.sku }) } });
      return out;
    case 'show.ended': {
      // the last batch goes out now, then every open session closes at the end of the show
      const last = nextFlushAt(state.fanout);
      if (last !== undefined) out.push(...flushDue(state.fanout, last, p.joinedAt.size, (v) => p.joinedAt.has(v)));
      closeAll(p, now);
      state.ended = true;
      return out;
    }
    default:
      return out;
  }
}
