import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../kernel/index.ts';
import { advance, createRoomState, danmakuShownTo, tickAllowance, handle, summary, type DanmakuBatch, type RoomInput, type RoomOutbound } from './index.ts';

type Step = { dt: number; viewer: number; kind: 'join' | 'leave' | 'comment' };
const stepArb = fc.record({
  // bursts (many comments at one instant) saturate the cap, so windows at the cap are common
  dt: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 150 }) }),
  viewer: fc.integer({ min: 0, max: 11 }),
  kind: fc.constantFrom<Step['kind']>('join', 'leave', 'comment', 'comment', 'comment'),
});

/**
 * Drives a room with an epoch loop (advance at every 100 ms boundary, so at every tick end), recording the
 * batches, who was present right after each boundary, and every comment the room should have accepted.
 */
function drive(n: number, tickMs: number, steps: readonly Step[]) {
  const state = createRoomState({ seed: 7, maxShownPerSecond: n, fanoutTickMs: tickMs });
  const batches: { at: number; batch: DanmakuBatch }[] = [];
  const presentAt = new Map<number, number[]>();
  const accepted: { at: number; viewer: number }[] = [];
  const record = (out: RoomOutbound[], at: number) => {
    for (const o of out) if (o.msg.type === 'danmaku.batch') batches.push({ at, batch: o.msg });
  };
  const boundary = (t: number) => {
    record(advance(state, t), t);
    presentAt.set(t, [...state.presence.joinedAt.keys()]);
  };
  let now = 0;
  let epoch = 100;
  for (const s of steps) {
    now += s.dt;
    for (; epoch <= now; epoch += 100) boundary(epoch);
    const msg: RoomInput =
      s.kind === 'join'
        ? { type: 'room.join', viewer: s.viewer, network: 'wifi', follower: false }
        : s.kind === 'leave'
          ? { type: 'room.leave', viewer: s.viewer, reason: 'boredom', watchedMs: 0 }
          : { type: 'danmaku.sent', viewer: s.viewer, text: `m${s.viewer}`, lang: 'zh' };
    if (s.kind === 'comment' && state.presence.joinedAt.has(s.viewer)) accepted.push({ at: now, viewer: s.viewer });
    record(handle(state, msg, now), now);
  }
  const end = Math.ceil((now + 1) / 1000) * 1000;
  for (; epoch <= end; epoch += 100) boundary(epoch);
  return { state, batches, presentAt, accepted };
}

describe('room danmaku fan-out', () => {
  it('never shows any viewer more than N comments in any 1-second window, and counts shown/dropped exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.constantFrom(100, 200, 500), fc.array(stepArb, { maxLength: 300, size: 'max' }), (n, tickMs, steps) => {
        // Arrange + Act
        const { state, batches, presentAt, accepted } = drive(n, tickMs, steps);
        // Assert: one batch per tick that allows anything, sent at the end of its tick, with that tick's comments
        const byTick = new Map<number, number[]>();
        for (const c of accepted) byTick.set(Math.floor(c.at / tickMs), [...(byTick.get(Math.floor(c.at / tickMs)) ?? []), c.viewer]);
        const expectedBatches = [...byTick].filter(([tick]) => tickAllowance(n, tickMs, tick) > 0);
        expect(batches.map((b) => [b.at, b.batch.items.map((it) => it.viewer), b.batch.perViewer])).toEqual(
          expectedBatches.map(([tick, senders]) => [(tick + 1) * tickMs, senders, tickAllowance(n, tickMs, tick)]),
        );
        // every viewer: at most N shown in any 1-second window
        const shownAt = new Map<number, number[]>();
        let shown = 0;
        for (const { at, batch } of batches) {
          for (const v of presentAt.get(at)!) {
            const mine = danmakuShownTo(batch, v);
            shown += mine.length;
            const times = shownAt.get(v) ?? [];
            for (let k = 0; k < mine.length; k++) times.push(at);
            shownAt.set(v, times);
          }
        }
        for (const times of shownAt.values()) {
          for (let i = 0; i + n < times.length; i++) expect(times[i + n]! - times[i]!).toBeGreaterThanOrEqual(1000);
        }
        // counters: shown is what the sampling rule shows; shown + dropped is everything offered to present viewers
        let offered = 0;
        for (const [tick, senders] of byTick) {
          for (const v of presentAt.get((tick + 1) * tickMs)!) offered += senders.filter((s) => s !== v).length;
        }
        const c = state.fanout.counters;
        expect([c.received, c.batches, c.shown, c.shown + c.dropped]).toEqual([accepted.length, expectedBatches.length, shown, offered]);
      }),
      { numRuns: 200 },
    );
  });

  it('drops exactly what the cap keeps from viewers when every tick allows something', () => {
    // Arrange: 1 sender, 3 watchers, N = 10/s with 200 ms ticks → 2 per viewer per tick
    const state = createRoomState({ seed: 1, maxShownPerSecond: 10, fanoutTickMs: 200 });
    for (let v = 0; v < 4; v++) handle(state, { type: 'room.join', viewer: v, network: 'wifi', follower: false }, 0);
    // Act: viewer 0 sends 5 comments in tick 0
    for (let i = 0; i < 5; i++) handle(state, { type: 'danmaku.sent', viewer: 0, text: `x${i}`, lang: 'en' }, 10 * i);
    const out = advance(state, 200);
    // Assert: one broadcast, 3 watchers × 2 shown, 3 × 3 dropped; the sender is shown none of their own
    expect(out).toHaveLength(1);
    expect(out[0]!.to).toBe('all');
    const c = state.fanout.counters;
    expect([c.batches, c.shown, c.dropped]).toEqual([1, 6, 9]);
    expect(summary(state).danmaku.shownRatio).toBeCloseTo(6 / 15);
  });

  it('rejects comments from absent viewers and, with a sender gap, comments sent too soon', () => {
    const state = createRoomState({ seed: 1, senderMinGapMs: 1000 });
    handle(state, { type: 'danmaku.sent', viewer: 9, text: 'ghost', lang: 'en' }, 0);
    handle(state, { type: 'room.join', viewer: 1, network: '4g', follower: false }, 0);
    handle(state, { type: 'danmaku.sent', viewer: 1, text: 'a', lang: 'en' }, 0);
    handle(state, { type: 'danmaku.sent', viewer: 1, text: 'b', lang: 'en' }, 999);
    handle(state, { type: 'danmaku.sent', viewer: 1, text: 'c', lang: 'en' }, 1000);
    const d = summary(state).danmaku;
    expect([d.received, d.rejectedRate]).toEqual([2, 1]);
    expect(summary(state).ignored).toEqual({ 'danmaku.sent:absent': 1 });
  });
});

describe('room presence, social and the end of the show', () => {
  it('reports arrivals, peak, watch time and retention', () => {
    const state = createRoomState({ seed: 3 });
    handle(state, { type: 'room.join', viewer: 1, network: 'wifi', follower: true }, 0);
    handle(state, { type: 'room.join', viewer: 2, network: '3g', follower: false }, 1_000);
    handle(state, { type: 'room.leave', viewer: 2, reason: 'stall', watchedMs: 2_000 }, 3_000);
    handle(state, { type: 'room.join', viewer: 3, network: '4g', follower: false }, 4_000);
    handle(state, { type: 'show.ended' }, 400_000);
    const s = summary(state);
    expect([s.arrived, s.peakConcurrent, s.peakAt, s.concurrent, s.negativeWatches]).toEqual([3, 2, 1_000, 0, 1]);
    expect(s.meanWatchSeconds).toBeCloseTo((400 + 2 + 396) / 3);
    expect(s.retention).toEqual({ '60': 2 / 3, '300': 2 / 3, '1800': 0 });
    expect(handle(state, { type: 'room.join', viewer: 4, network: '4g', follower: false }, 400_001)).toEqual([]);
    handle(state, { type: 'room.leave', viewer: 1, reason: 'end', watchedMs: 400_000 }, 400_002);
    expect(summary(state).ignored).toEqual({ 'room.join:ended': 1 });
    expect(summary(state).meanWatchSeconds).toBeCloseTo((400 + 2 + 396) / 3);
  });

  it('counts likes, gifts and new follows; broadcasts host answers', () => {
    const state = createRoomState({ seed: 3 });
    handle(state, { type: 'room.join', viewer: 1, network: 'wifi', follower: true }, 0);
    handle(state, { type: 'room.join', viewer: 2, network: 'wifi', follower: false }, 0);
    handle(state, { type: 'like.sent', viewer: 1 }, 10);
    handle(state, { type: 'gift.sent', viewer: 2, value: 0.1 }, 20);
    handle(state, { type: 'gift.sent', viewer: 2, value: 0.2 }, 20);
    handle(state, { type: 'follow.sent', viewer: 1 }, 30);
    handle(state, { type: 'follow.sent', viewer: 2 }, 30);
    const out = handle(state, { type: 'host.answer', promptId: 'p1', intent: 'sizing', sku: 'sku-1' }, 40);
    const s = summary(state);
    expect([s.likes, s.gifts.count, s.gifts.value, s.follows.followers, s.follows.new, s.answers]).toEqual([1, 2, 0.3, 2, 1, 1]);
    expect(out).toEqual([{ to: 'all', msg: { type: 'host.answered', intent: 'sizing', sku: 'sku-1' } }]);
  });

  it('counts comments per SKU segment', () => {
    const state = createRoomState({ seed: 3 });
    handle(state, { type: 'room.join', viewer: 1, network: 'wifi', follower: false }, 0);
    handle(state, { type: 'host.segment', sku: 'a' }, 0);
    handle(state, { type: 'danmaku.sent', viewer: 1, text: 'x', lang: 'zh' }, 1);
    handle(state, { type: 'host.segment', sku: 'b' }, 5);
    handle(state, { type: 'danmaku.sent', viewer: 1, text: 'y', lang: 'zh' }, 6);
    handle(state, { type: 'danmaku.sent', viewer: 1, text: 'z', lang: 'zh' }, 7);
    expect(summary(state).commentsBySku).toEqual({ a: 1, b: 2 });
  });

  it('refuses time going back and bad settings, naming the value', () => {
    const state = createRoomState({ seed: 3 });
    advance(state, 500);
    expect(() => advance(state, 499)).toThrow(/got 499/);
    expect(() => createRoomState({ seed: 3, fanoutTickMs: 300, maxShownPerSecond: 0 })).toThrow(InputError);
    expect(() => createRoomState({ seed: 3, fanoutTickMs: 300 })).toThrow(/room.fanoutTickMs: expected .* divides 1000, got 300/);
  });
});
