// The viewer's side of the three seed-article mechanisms, on the machine (XState's interpreter, virtual
// clock): a flash sale counted down pulls when it opens, less the longer the wait, and the wait holds a
// bored viewer; a card that pops up while the cart is open gets a look, and an item that goes with the
// cart is worth more (cross-sell); a buy above one's price level is returned more (shopping.paid).
import { describe, expect, it } from 'vitest';
import { assign } from 'xstate';
import type { ViewerUp } from '../../engine/protocol.ts';
import { runSession, type TimedEvent } from '../calibration/harness.ts';
import { categoryIndex, goesWithIndex, INTEREST_SIZE } from '../personas/index.ts';
import { fixturePersona } from './fixtures.ts';
import { viewerMachine } from './machine.ts';
import { anticipation, CHOICE, utility, type Offer, type Situation } from './models/choice.ts';
import { RETURNS, returnProbability, stretchOf } from './models/returns.ts';

const types = (r: { emitted: { msg: ViewerUp }[] }) => r.emitted.map((e) => e.msg.type);
const play = (at = 1000): TimedEvent => ({ at, event: { type: 'playback.started', startupMs: at } });
const quiet = viewerMachine.provide({
  delays: { leaveDue: 1e9, boredomDue: 1e9, commentDue: 1e9, cheerDue: 1e9, considerDue: 1e9 },
  actions: { drawShopU: assign({ uShop: 0 }) },
});
const announce = (at: number, opensAt: number, sku = 'tea-1'): TimedEvent => ({ at, event: { type: 'flashsale.announced', sku, price: 80, stock: 100, opensAt } });
const open = (at: number, sku = 'tea-1'): TimedEvent => ({ at, event: { type: 'flashsale.started', sku, price: 80, stock: 100, endsAt: at + 180_000 } });

describe('a flash sale counted down (food room)', () => {
  it('pulls when it opens by anticipation(wait): a 45 s countdown more than a 120 s one, an unheard sale not at all', () => {
    const liftAfter = (events: TimedEvent[], at: number) => {
      const r = runSession({ persona: fixturePersona(), seed: 1, machine: quiet, until: at + 1_000, events: [play(), ...events] });
      return r.context.offers.find((o) => o.sku === 'tea-1')?.lift ?? 0;
    };
    const short = liftAfter([announce(10_000, 55_000), open(55_000)], 55_000);
    const long = liftAfter([announce(10_000, 130_000), open(130_000)], 130_000);
    const unheard = liftAfter([open(55_000)], 55_000);
    expect(short).toBeCloseTo(anticipation(45_000), 9);
    expect(long).toBeCloseTo(anticipation(120_000), 9);
    expect(short).toBeGreaterThan(long);
    expect(unheard).toBe(0);
    expect(anticipation(CHOICE.anticipationHalfLifeMs)).toBeCloseTo(CHOICE.anticipation / 2, 9);
  });

  it('holds a bored viewer while they wait for it (the boredom clock slows until the sale opens)', () => {
    // no interest in the stage: temper falls from 10 to 1
    const bored = viewerMachine.provide({ delays: { leaveDue: 1e9, commentDue: 1e9, cheerDue: 1e9, considerDue: 1e9 } });
    const persona = fixturePersona({ interests: new Float32Array(INTEREST_SIZE) });
    const alone = runSession({ persona, seed: 3, machine: bored, until: 3_600_000, events: [play()] });
    const waiting = runSession({ persona, seed: 3, machine: bored, until: 3_600_000, events: [play(), announce(30_000, 150_000), open(150_000)] });
    expect(alone.emitted.at(-1)!.msg).toMatchObject({ type: 'room.leave', reason: 'boredom' });
    expect(waiting.emitted.at(-1)!.msg).toMatchObject({ type: 'room.leave', reason: 'boredom' });
    // the wait's boost stops (or slows) the fall for the 120 s of the countdown, and only then
    expect(waiting.endAt - alone.endAt).toBeGreaterThan(0);
    expect(waiting.endAt - alone.endAt).toBeLessThanOrEqual(120_000 + 1_000);
  });
});

describe('goes with the cart (apparel room)', () => {
  const top = categoryIndex('apparel', 't', 'top');
  const pants = categoryIndex('apparel', 'p', 'pants');
  const dress = categoryIndex('apparel', 'd', 'dress');

  it('knows which categories go together, symmetrically, and not a category with itself', () => {
    expect(goesWithIndex(top, pants)).toBe(true);
    expect(goesWithIndex(pants, top)).toBe(true);
    expect(goesWithIndex(top, dress)).toBe(false);
    expect(goesWithIndex(top, top)).toBe(false);
    expect(goesWithIndex(-1, pants)).toBe(false);
  });

  it('an offer that goes with the cart is worth `complement` more', () => {
    const shopper = { interests: new Float32Array(INTEREST_SIZE), priceSensitivity: 1, priceExponent: 1, budgetMonthly: 3000, deals: 0 };
    const o: Offer = { sku: 'p', cat: pants, price: 150, listPrice: 169, stock: Infinity, endsAt: Infinity, until: 1e9 };
    const s: Situation = { now: 0, budgetLeft: 900, couponOff: 0, socialSeen: 0, doubt: false, watchedMs: 0 };
    expect(utility(shopper, o, { ...s, goesWith: true }) - utility(shopper, o, s)).toBeCloseTo(CHOICE.complement, 9);
  });

  it('opens a card pushed while the cart is open, and checks out both items in one order', () => {
    const m = quiet.provide({
      delays: { considerDue: 1000, dwellDue: 2000, checkoutDue: 20_000, cooldown: 1e9 },
      guards: { buysFocus: () => true, proceedsToCheckout: () => true, peeksAtCard: () => true },
    });
    const r = runSession({
      persona: fixturePersona(), seed: 2, machine: m, until: 60_000,
      events: [
        play(),
        { at: 5_000, event: { type: 'product.pitched', sku: 'top-1', category: 'apparel', subcategory: 'top', price: 99, listPrice: 119, stockLeft: 100 } },
        { at: 10_000, event: { type: 'product.card', sku: 'pants-1', category: 'apparel', subcategory: 'pants', price: 159, reason: 'heat' } },
      ],
      respond: (msg, now) => (msg.type === 'checkout.submitted' ? [{ at: now + 200, event: { type: 'order.confirmed', orderId: 'o-1', idempotencyKey: msg.idempotencyKey, total: 258, skus: ['top-1', 'pants-1'] } }] : []),
    });
    const carts = r.emitted.flatMap((e) => (e.msg.type === 'cart.added' ? [e.msg.sku] : []));
    expect(carts).toEqual(['top-1', 'pants-1']);
    expect(types(r).filter((t) => t === 'checkout.submitted')).toHaveLength(1);
    expect(r.context.orders).toBe(1);
    // without the look at the card, the order has the top alone
    const blind = runSession({
      persona: fixturePersona(), seed: 2, machine: m.provide({ guards: { peeksAtCard: () => false } }), until: 60_000,
      events: [
        play(),
        { at: 5_000, event: { type: 'product.pitched', sku: 'top-1', category: 'apparel', subcategory: 'top', price: 99, listPrice: 119, stockLeft: 100 } },
        { at: 10_000, event: { type: 'product.card', sku: 'pants-1', category: 'apparel', subcategory: 'pants', price: 159, reason: 'heat' } },
      ],
    });
    expect(blind.emitted.flatMap((e) => (e.msg.type === 'cart.added' ? [e.msg.sku] : []))).toEqual(['top-1']);
  });
});

describe('a buy above one’s price level (beauty room returns)', () => {
  it('stretch: 0 up to the reference price, 1 at stretchSpan × reference, log-linear between', () => {
    expect(stretchOf(100, 125)).toBe(0);
    expect(stretchOf(125, 125)).toBe(0);
    expect(stretchOf(125 * Math.sqrt(RETURNS.stretchSpan), 125)).toBeCloseTo(0.5, 9);
    expect(stretchOf(125 * RETURNS.stretchSpan, 125)).toBeCloseTo(1, 9);
    expect(stretchOf(5_000, 125)).toBe(1);
  });

  it('raises the return probability of an impulse buy, and leaves a deliberate one as it was', () => {
    const impulse = { family: 'beauty' as const, impulse: 0.8, asked: false, answered: false };
    expect(returnProbability({ ...impulse, stretch: 1 })).toBeGreaterThan(returnProbability({ ...impulse, stretch: 0.3 }));
    expect(returnProbability({ ...impulse, stretch: 0.3 })).toBeGreaterThan(returnProbability(impulse));
    const deliberate = { ...impulse, impulse: 0 };
    expect(returnProbability({ ...deliberate, stretch: 1 })).toBe(returnProbability(deliberate));
  });
});
