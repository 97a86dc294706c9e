// Machine tests: XState's own interpreter on a virtual clock, with implementations swapped by
// .provide() where a test needs a decision or a delay pinned down.
import { describe, expect, it } from 'vitest';
import { assign, type AnyStateMachine } from 'xstate';
import type { ViewerUp } from '../../engine/protocol.ts';
import { runSession, type TimedEvent } from '../calibration/harness.ts';
import { hostMachine } from '../host/machine.ts';
import { fixturePersona } from './fixtures.ts';
import { viewerMachine } from './machine.ts';

const types = (r: { emitted: { msg: ViewerUp }[] }) => r.emitted.map((e) => e.msg.type);
const play = (at = 1000): TimedEvent => ({ at, event: { type: 'playback.started', startupMs: at } });
const pitch = (at: number, sku = 'sku-1', price = 99): TimedEvent => ({
  at, event: { type: 'product.pitched', sku, category: 'beauty', subcategory: 'serum', price, listPrice: 129, stockLeft: 100 },
});
/** a viewer who stays and does nothing on their own unless a test turns it on; when it looks, it opens the newest offer */
const quiet = viewerMachine.provide({
  delays: { leaveDue: 1e9, boredomDue: 1e9, commentDue: 1e9, cheerDue: 1e9, considerDue: 1e9 },
  actions: { drawShopU: assign({ uShop: 0 }) },
});

function afterKeys(machine: AnyStateMachine): { state: string; delay: unknown }[] {
  const out: { state: string; delay: unknown }[] = [];
  const visit = (node: { id: string; after: { delay: unknown }[]; states: Record<string, unknown> }) => {
    for (const a of node.after) out.push({ state: node.id, delay: a.delay });
    for (const child of Object.values(node.states)) visit(child as typeof node);
  };
  visit(machine.root as never);
  return out;
}

describe('every `after` key resolves (a misspelled named delay would fire at once)', () => {
  it.each([
    ['viewer', viewerMachine],
    ['host', hostMachine as unknown as AnyStateMachine],
  ])('%s', (_name, machine) => {
    const keys = afterKeys(machine);
    expect(keys.length).toBeGreaterThan(3);
    const delays = (machine.implementations as { delays: Record<string, unknown> }).delays;
    for (const k of keys) {
      const ok = typeof k.delay === 'number' || (typeof k.delay === 'string' && typeof delays[k.delay] === 'function');
      expect(ok, `${k.state}: after '${String(k.delay)}'`).toBe(true);
    }
  });
});

describe('viewer machine', () => {
  it('joins, then abandons a startup that takes longer than its patience', () => {
    const m = quiet.provide({ delays: { startupPatience: 3000 } });
    const r = runSession({ persona: fixturePersona(), seed: 1, machine: m, until: 60_000, events: [play(3500)] });
    expect(types(r)).toEqual(['room.join', 'room.leave']);
    expect(r.emitted[1]).toEqual({ t: 3000, msg: { type: 'room.leave', viewer: 1, reason: 'startup', watchedMs: 0 } });
  });

  it('starts watching when the first frame comes in time, and reports QoE on leaving', () => {
    const m = quiet.provide({ delays: { startupPatience: 3000 } });
    const r = runSession({
      persona: fixturePersona(), seed: 1, machine: m, until: 200_000,
      events: [play(1500), { at: 10_000, event: { type: 'stall.started' } }, { at: 12_500, event: { type: 'stall.ended', stallMs: 2500 } }, { at: 100_000, event: { type: 'show.ended' } }],
    });
    expect(types(r)).toEqual(['room.join', 'qoe.report', 'room.leave']);
    expect(r.emitted[1]!.msg).toMatchObject({ type: 'qoe.report', startupMs: 1500, stalls: 1, rebufferMs: 2500 });
    expect(r.emitted[2]!.msg).toMatchObject({ reason: 'end', watchedMs: 98_500 });
  });

  it('leaves sooner when it stalls, all else equal (same seed, same persona)', () => {
    const persona = fixturePersona({ stayMinutes: 3 });
    const clean = runSession({ persona, seed: 5, until: 3_600_000, events: [play()] });
    const stalls: TimedEvent[] = [play(), { at: 20_000, event: { type: 'stall.started' } }, { at: 26_000, event: { type: 'stall.ended', stallMs: 6000 } }];
    const stalled = runSession({ persona, seed: 5, until: 3_600_000, events: stalls });
    expect(stalled.endAt).toBeLessThan(clean.endAt);
  });

  it('blames boredom when temper runs out first', () => {
    const m = viewerMachine.provide({ delays: { leaveDue: 1e9, boredomDue: 45_000, commentDue: 1e9, cheerDue: 1e9 } });
    const r = runSession({ persona: fixturePersona(), seed: 1, machine: m, until: 600_000, events: [play()] });
    expect(r.emitted.at(-1)).toMatchObject({ t: 46_000, msg: { type: 'room.leave', reason: 'boredom' } });
  });

  it('goes from a pitch to a card, the cart, checkout and payment, and books its returns', () => {
    const m = quiet.provide({
      delays: { considerDue: 1000, dwellDue: 2000, checkoutDue: 3000, cooldown: 1e9 },
      guards: { buysFocus: () => true, proceedsToCheckout: () => true },
    });
    const r = runSession({
      persona: fixturePersona(), seed: 2, machine: m, until: 60_000,
      events: [play(), pitch(5000)],
      respond: (msg, now) => (msg.type === 'checkout.submitted' ? [{ at: now + 200, event: { type: 'order.confirmed', orderId: 'o-1', idempotencyKey: msg.idempotencyKey, total: 99, skus: ['sku-1'] } }] : []),
    });
    const shop = types(r).filter((t) => t !== 'return.requested');
    expect(shop).toEqual(['room.join', 'product.viewed', 'product.closed', 'cart.added', 'checkout.submitted']);
    expect(r.context.orders).toBe(1);
    expect(r.context.cart).toEqual([]);
    expect(JSON.stringify(r.value)).toContain('"shopping":"paid"');
  });

  it('retries an unanswered checkout with the same idempotency key, then gives up', () => {
    const m = quiet.provide({
      delays: { considerDue: 1000, dwellDue: 1000, checkoutDue: 1000, checkoutTimeout: 5000, cooldown: 1e9 },
      guards: { buysFocus: () => true, proceedsToCheckout: () => true },
    });
    const r = runSession({ persona: fixturePersona(), seed: 3, machine: m, until: 60_000, events: [play(), pitch(2000)] });
    const keys = r.emitted.flatMap((e) => (e.msg.type === 'checkout.submitted' ? [e.msg.idempotencyKey] : []));
    expect(keys).toHaveLength(3); // first try + 2 retries (checkoutRetries)
    expect(new Set(keys).size).toBe(1);
    expect(types(r).slice(-2)).toEqual(['checkout.submitted', 'cart.removed']);
  });

  it('never checks out an empty cart, even when its decisions are forced', () => {
    const m = quiet.provide({
      delays: { considerDue: 1000, dwellDue: 1000, checkoutDue: 1000 },
      guards: { picksOffer: () => true, buysFocus: () => true, proceedsToCheckout: () => true },
      actions: { focusChosen: assign({ focus: null }) },
    });
    const r = runSession({ persona: fixturePersona(), seed: 3, machine: m, until: 60_000, events: [play(), pitch(2000)] });
    expect(types(r)).not.toContain('checkout.submitted');
    expect(types(r)).not.toContain('cart.added');
  });

  it('pays again with a new key after a payment failure, and uses its targeted coupon', () => {
    const m = quiet.provide({
      delays: { considerDue: 1000, dwellDue: 1000, checkoutDue: 1000, cooldown: 1e9 },
      guards: { buysFocus: () => true, proceedsToCheckout: () => true, claimsCoupon: () => true, retriesAfterFailure: () => true },
    });
    let failed = false;
    const r = runSession({
      persona: fixturePersona(), seed: 4, machine: m, until: 60_000,
      events: [play(), { at: 1500, event: { type: 'coupon.offered', couponId: 'c-7', discount: 10, minSpend: 50, expiresAt: 600_000 } }, pitch(2000)],
      respond: (msg, now) => {
        if (msg.type !== 'checkout.submitted') return [];
        if (!failed) return (failed = true), [{ at: now + 100, event: { type: 'order.rejected', idempotencyKey: msg.idempotencyKey, reason: 'payment-failed' } }];
        return [{ at: now + 100, event: { type: 'order.confirmed', orderId: 'o-2', idempotencyKey: msg.idempotencyKey, total: 89, skus: ['sku-1'] } }];
      },
    });
    const checkouts = r.emitted.flatMap((e) => (e.msg.type === 'checkout.submitted' ? [e.msg] : []));
    expect(types(r)).toContain('coupon.claimed');
    expect(checkouts).toHaveLength(2);
    expect(checkouts[0]!.idempotencyKey).not.toBe(checkouts[1]!.idempotencyKey);
    expect(checkouts.every((c) => c.couponId === 'c-7')).toBe(true);
    expect(r.context.orders).toBe(1);
  });

  it('asks a question about what is on stage, and a host answer resolves it', () => {
    const m = quiet.provide({ delays: { commentDue: 4000 } });
    const persona = fixturePersona({ lang: 'zh' });
    const events: TimedEvent[] = [play(), pitch(2000)];
    const asked = runSession({ persona, seed: 11, machine: m, until: 6000, events });
    const comment = asked.emitted.find((e) => e.msg.type === 'danmaku.sent')!.msg as Extract<ViewerUp, { type: 'danmaku.sent' }>;
    expect(comment.lang).toBe('zh');
    expect(comment.truth).toBeDefined();
    if (asked.context.doubt === '') return; // this draw was not a question: nothing to answer
    const answered = runSession({ persona, seed: 11, machine: m, until: 8000, events: [...events, { at: 7000, event: { type: 'host.answered', intent: asked.context.doubt } }] });
    expect(answered.context.doubt).toBe('');
    expect(answered.context.hostAnswers).toBe(1);
  });

  it('re-plans its leave clock on a host answer only when the answer is to its own open question', () => {
    const events: TimedEvent[] = [play(), { at: 7000, event: { type: 'host.answered', intent: 'price' } }];
    const other = runSession({ persona: fixturePersona(), seed: 11, machine: quiet, until: 8000, events });
    expect(other.context.doubt).toBe('');
    expect(other.context.armAt).toBe(1000); // planned at playback start, untouched by someone else's answer
    const mine = quiet.provide({ actions: { drawShopU: assign({ uShop: 0, doubt: 'price', doubtCat: 0 }) } });
    const own = runSession({ persona: fixturePersona(), seed: 11, machine: mine, until: 8000, events });
    expect(own.context.hostAnswers).toBe(1);
    expect(own.context.armAt).toBe(7000);
  });

  it('re-plans its leave clock on a quality change only when a bitrate below the low-bitrate line is involved', () => {
    const start: TimedEvent = { at: 1000, event: { type: 'playback.started', startupMs: 1000, kbps: 2000 } };
    const change = (kbps: number): TimedEvent => ({ at: 7000, event: { type: 'quality.changed', kbps } });
    const up = runSession({ persona: fixturePersona(), seed: 11, machine: quiet, until: 8000, events: [start, change(3000)] });
    expect(up.context.bitrateKbps).toBe(3000); // noted all the same
    expect(up.context.armAt).toBe(1000); // the hazard did not change: no re-plan
    const down = runSession({ persona: fixturePersona(), seed: 11, machine: quiet, until: 8000, events: [start, change(500)] });
    expect(down.context.bitrateKbps).toBe(500);
    expect(down.context.armAt).toBe(7000);
    const back = runSession({ persona: fixturePersona(), seed: 11, machine: quiet, until: 9000, events: [start, change(500), { at: 8000, event: { type: 'quality.changed', kbps: 2000 } }] });
    expect(back.context.armAt).toBe(8000); // leaving the low range re-plans too
  });

  it('likes, gifts or follows on its cheer timer', () => {
    const m = quiet.provide({ delays: { cheerDue: 10_000 } });
    const r = runSession({ persona: fixturePersona(), seed: 6, machine: m, until: 100_000, events: [play()] });
    const cheers = types(r).filter((t) => t === 'like.sent' || t === 'gift.sent' || t === 'follow.sent');
    expect(cheers.length).toBe(9);
  });

  it('drifts its interests while watching (RecSim), on a copy: the persona stays as it was', () => {
    const persona = fixturePersona({ interests: Float32Array.from({ length: 19 }, (_, i) => (i <= 1 ? 0.5 : 0)) });
    const segment = (at: number, subcategory: string): TimedEvent => ({ at, event: { type: 'show.segment', sku: `s-${subcategory}`, category: 'beauty', subcategory } });
    const r = runSession({ persona, seed: 9, machine: quiet, until: 20 * 60_000, events: [play(), segment(2000, 'lipstick'), segment(5 * 60_000 + 2000, 'eyeshadow'), segment(15 * 60_000 + 2000, 'serum')] });
    expect(persona.interests[0]).toBe(0.5); // the persona's own vector is untouched
    expect(r.context.interests).not.toBe(persona.interests);
    expect(r.context.interests[0]).not.toBeCloseTo(0.5, 6); // five minutes of lipstick: five updates
    expect(r.context.interests[1]).not.toBeCloseTo(0.5, 6); // ten minutes of eyeshadow: ten updates
  });
});
