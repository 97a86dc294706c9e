// Properties of whole sessions under random scripts of stack and media events: determinism (same
// seed → same behaviour), the shopping invariant (never pays without a cart), nothing after leaving,
// and agreement between XState's interpreter and the statechart fast path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMENT_INTENTS, type ViewerUp } from '../../engine/protocol.ts';
import { runCohort } from '../calibration/cohort.ts';
import { runSession, type TimedEvent } from '../calibration/harness.ts';
import { PersonaSampler } from '../personas/index.ts';
import { DEFAULT_VIEWER_PARAMS, type ViewerParams } from './params.ts';

/** an eager shopper's parameters, so that random worlds reach carts, checkouts and payments */
const KEEN: ViewerParams = {
  ...DEFAULT_VIEWER_PARAMS,
  choice: { ...DEFAULT_VIEWER_PARAMS.choice, none: -3, buyThreshold: -3 },
  shopping: { ...DEFAULT_VIEWER_PARAMS.shopping, considerMeanMs: 20_000, proceedImpulse: 1, proceedDeliberate: 0.9 },
};

const UNTIL = 2 * 3_600_000;
const SKUS = ['sku-a', 'sku-b', 'sku-c'] as const;
const t = fc.integer({ min: 0, max: 3_600_000 });
const sku = fc.constantFrom(...SKUS);

const stackEvent: fc.Arbitrary<TimedEvent[]> = fc.oneof(
  fc.record({ at: t, sku, price: fc.integer({ min: 5, max: 800 }), cat: fc.constantFrom('beauty', 'apparel', 'food') }).map(({ at, sku, price, cat }) => [
    { at, event: { type: 'product.pitched' as const, sku, category: cat, price, listPrice: Math.round(price * 1.2), stockLeft: 50 } },
  ]),
  fc.record({ at: t, sku, price: fc.integer({ min: 5, max: 300 }) }).map(({ at, sku, price }) => [{ at, event: { type: 'product.card' as const, sku, category: 'beauty', price, reason: 'targeted' as const } }]),
  fc.record({ at: t, sku, dur: fc.integer({ min: 10_000, max: 300_000 }) }).map(({ at, sku, dur }) => [
    { at, event: { type: 'flashsale.started' as const, sku, price: 19.9, stock: 20, endsAt: at + dur } },
    { at: at + dur, event: { type: 'flashsale.ended' as const, sku } },
  ]),
  fc.record({ at: t, sku: fc.option(sku, { nil: undefined }) }).map(({ at, sku }) => [
    { at, event: { type: 'coupon.offered' as const, couponId: `c-${at}`, discount: 10, minSpend: 30, expiresAt: at + 600_000, ...(sku ? { sku } : {}) } },
  ]),
  fc.record({ at: t, sku, count: fc.integer({ min: 1, max: 30 }) }).map(({ at, sku, count }) => [{ at, event: { type: 'social.purchase' as const, sku, count } }]),
  fc.record({ at: t, intent: fc.constantFrom(...COMMENT_INTENTS) }).map(({ at, intent }) => [{ at, event: { type: 'host.answered' as const, intent } }]),
  fc.record({ at: t, sku, cat: fc.constantFrom('beauty', 'apparel', 'food') }).map(({ at, sku, cat }) => [{ at, event: { type: 'show.segment' as const, sku, category: cat } }]),
  fc.record({ at: t, len: fc.integer({ min: 300, max: 20_000 }) }).map(({ at, len }) => [
    { at, event: { type: 'stall.started' as const } },
    { at: at + len, event: { type: 'stall.ended' as const, stallMs: len } },
  ]),
  fc.record({ at: t, kbps: fc.integer({ min: 100, max: 4000 }) }).map(({ at, kbps }) => [{ at, event: { type: 'quality.changed' as const, kbps } }]),
  fc.record({ at: t, ms: fc.integer({ min: 1000, max: 15_000 }) }).map(({ at, ms }) => [{ at, event: { type: 'latency.high' as const, latencyMs: ms } }]),
);

const world = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  viewer: fc.nat(10_000),
  startupMs: fc.integer({ min: 100, max: 12_000 }),
  events: fc.array(stackEvent, { maxLength: 25 }).map((xs) => xs.flat()),
  endAt: fc.option(fc.integer({ min: 60_000, max: UNTIL }), { nil: undefined }),
  payment: fc.constantFrom('confirm', 'fail', 'out-of-stock', 'silent'),
  keen: fc.boolean(),
});
type World = typeof world extends fc.Arbitrary<infer W> ? W : never;

const personas = new PersonaSampler(77);

function script(w: World): TimedEvent[] {
  const out: TimedEvent[] = [{ at: w.startupMs, event: { type: 'playback.started', startupMs: w.startupMs } }, ...w.events];
  if (w.endAt !== undefined) out.push({ at: w.endAt, event: { type: 'show.ended' } });
  return out;
}

function responder(w: World) {
  return (msg: ViewerUp, now: number): TimedEvent[] => {
    if (msg.type !== 'checkout.submitted' || w.payment === 'silent') return [];
    const key = msg.idempotencyKey;
    if (w.payment === 'confirm') return [{ at: now + 250, event: { type: 'order.confirmed', orderId: `o-${key}`, idempotencyKey: key, total: 50, skus: [] } }];
    return [{ at: now + 250, event: { type: 'order.rejected', idempotencyKey: key, reason: w.payment === 'fail' ? 'payment-failed' : 'out-of-stock' } }];
  };
}

const params = (w: World) => (w.keen ? KEEN : DEFAULT_VIEWER_PARAMS);
const session = (w: World) => runSession({ persona: personas.persona(w.viewer), seed: w.seed, until: UNTIL, events: script(w), respond: responder(w), params: params(w) });

describe('viewer sessions (properties)', () => {
  it('same seed and script → the same behaviour, message for message', () => {
    fc.assert(
      fc.property(world, (w) => {
        expect(session(w).emitted).toEqual(session(w).emitted);
      }),
      { numRuns: 40 },
    );
  });

  it('never checks out without a cart, and every checkout carries a key', () => {
    fc.assert(
      fc.property(world, (w) => {
        const cart: string[] = [];
        for (const { msg } of session(w).emitted) {
          if (msg.type === 'cart.added') cart.push(msg.sku);
          if (msg.type === 'cart.removed') {
            expect(cart).toContain(msg.sku);
            cart.splice(cart.indexOf(msg.sku), 1);
          }
          if (msg.type === 'checkout.submitted') {
            expect(cart.length).toBeGreaterThan(0);
            expect(msg.idempotencyKey).not.toBe('');
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('joins first, leaves at most once, and does nothing after leaving', () => {
    fc.assert(
      fc.property(world, (w) => {
        const r = session(w);
        const kinds = r.emitted.map((e) => e.msg.type);
        expect(kinds[0]).toBe('room.join');
        const leave = kinds.indexOf('room.leave');
        expect(kinds.lastIndexOf('room.leave')).toBe(leave);
        if (leave >= 0) expect(leave).toBe(kinds.length - 1);
        if (w.endAt !== undefined) expect(leave).toBeGreaterThan(0); // the show's end sends everyone home
      }),
      { numRuns: 60 },
    );
  });

  it('runs identically on the statechart fast path and on XState actors', () => {
    fc.assert(
      fc.property(world, (w) => {
        const x = session(w).emitted;
        const respond = responder(w);
        const [f] = runCohort({ personas: [personas.persona(w.viewer)], seed: w.seed, until: UNTIL, params: params(w), script: () => script(w), respond: (_i, m, now) => respond(m, now) }, undefined, true);
        expect(f!.emitted).toEqual(x);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the random worlds above are not vacuous', () => {
  it('reach carts, checkouts, payments, stalls and leaves of several kinds', () => {
    const seen = new Map<string, number>();
    for (const w of fc.sample(world, { numRuns: 150, seed: 42 })) {
      for (const { msg } of session(w).emitted) {
        const key = msg.type === 'room.leave' ? `leave:${msg.reason}` : msg.type;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
    for (const k of ['cart.added', 'cart.removed', 'checkout.submitted', 'return.requested', 'coupon.claimed', 'product.viewed', 'leave:startup', 'leave:end', 'leave:content']) {
      expect(seen.get(k) ?? 0, k).toBeGreaterThan(0);
    }
  });
});
