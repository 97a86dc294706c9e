// From looking to paying: which offer to open (MNL), whether to buy it, when to check out, and the
// messages that go with each step. Pure functions of the context and the clock.
import type { ViewerUp } from '../../../engine/protocol.ts';
import { logNormal } from '../../../engine/kernel/index.ts';
import { familyOf } from '../../personas/index.ts';
import { EMPTY, type CartLine, type ViewerContext } from '../context.ts';
import { topic } from '../context.ts';
import { buyProbability, buyUtility, chooseIndex, hype, utility, type Offer, type Shopper } from '../models/choice.ts';
import { drift } from '../models/interest-drift.ts';
import { nextEventMs } from '../models/rates.ts';
import { impulseOf, returnProbability, stretchOf } from '../models/returns.ts';
import { delay, NEVER_MS } from '../models/time.ts';
import { situation } from './offers.ts';

function shopper(ctx: ViewerContext): Shopper {
  const p = ctx.persona;
  return { interests: ctx.interests, priceSensitivity: p.priceSensitivity, priceExponent: p.priceExponent, budgetMonthly: p.budgetMonthly, deals: topic(ctx, 'deals') };
}

/** offers still live and not in the cart */
function candidates(ctx: ViewerContext, now: number): readonly Offer[] {
  return ctx.offers.filter((o) => o.until > now && o.endsAt > now && !ctx.cart.some((l) => l.sku === o.sku));
}

export function offerUtility(ctx: ViewerContext, o: Offer, now: number): number {
  return utility(shopper(ctx), o, situation(ctx, o, now), ctx.p.choice);
}

/** time to the next look at the offers: never without offers, sooner right after a pitch */
export function considerDelay(ctx: ViewerContext): number {
  const now = ctx.clock.now();
  if (candidates(ctx, now).length === 0 || ctx.cart.length >= ctx.p.shopping.maxCart) return NEVER_MS;
  const s = ctx.p.shopping;
  const window = Math.max(0, ctx.lastPitchAt + s.pitchBuzzMs - now);
  return delay(nextEventMs(ctx.rng.shop.next(), 1 / s.considerMeanMs, s.pitchBoost, window));
}

/** the offer chosen with the pre-drawn uniform uShop (so guard and action agree), or null */
export function chosenOffer(ctx: ViewerContext): Offer | null {
  const now = ctx.clock.now();
  const list = candidates(ctx, now);
  const i = chooseIndex(list.map((o) => offerUtility(ctx, o, now)), ctx.uShop, ctx.p.choice);
  return i < 0 ? null : list[i]!;
}

/** log-normal wait whose median moves from the impulse to the deliberate value with decisionCycle */
function cycleWait(ctx: ViewerContext, impulseMs: number, deliberateMs: number): number {
  const median = impulseMs * Math.pow(deliberateMs / impulseMs, ctx.persona.decisionCycle);
  return delay(logNormal(ctx.rng.shop, median, 0.5));
}

export function dwellDelay(ctx: ViewerContext): number {
  return cycleWait(ctx, ctx.p.shopping.impulseDwellMs, ctx.p.shopping.deliberateDwellMs);
}

export function checkoutDelay(ctx: ViewerContext): number {
  return cycleWait(ctx, ctx.p.shopping.impulseCheckoutMs, ctx.p.shopping.deliberateCheckoutMs);
}

/** opening a card counts as an engagement (one RecSim update) */
export function viewFocus(ctx: ViewerContext): Partial<ViewerContext> {
  const cat = ctx.focus?.cat ?? -1;
  return { focusAt: ctx.clock.now(), interests: drift(ctx.interests, cat, 1, ctx.rng.drift, ctx.p.drift) };
}

export function buysFocus(ctx: ViewerContext): boolean {
  const o = ctx.focus;
  if (o === null || ctx.cart.length >= ctx.p.shopping.maxCart) return false;
  const now = ctx.clock.now();
  const p = buyProbability(buyUtility(shopper(ctx), o, situation(ctx, o, now), ctx.p.choice), ctx.p.choice);
  return ctx.rng.shop.next() < p;
}

export function cartLine(ctx: ViewerContext): CartLine {
  const o = ctx.focus!;
  const now = ctx.clock.now();
  const u = offerUtility(ctx, o, now);
  const h = hype(o, situation(ctx, o, now), ctx.p.choice);
  const share = u > 0 ? Math.min(1, h / u) : h > 0 ? 1 : 0;
  // the line carries the live price; a coupon applies to the whole cart at checkout
  return { sku: o.sku, cat: o.cat, price: o.price, impulse: impulseOf(ctx.persona.decisionCycle, share) };
}

export function proceedsToCheckout(ctx: ViewerContext): boolean {
  const s = ctx.p.shopping;
  const p = s.proceedImpulse + (s.proceedDeliberate - s.proceedImpulse) * ctx.persona.decisionCycle;
  return ctx.cart.length > 0 && ctx.rng.shop.next() < p;
}

/** the coupon goes with the checkout when it applies to the cart */
export function checkoutMessage(ctx: ViewerContext): ViewerUp {
  const now = ctx.clock.now();
  const total = ctx.cart.reduce((s, l) => s + l.price, 0);
  const applies = ctx.couponId !== '' && now < ctx.couponUntil && total >= ctx.couponMin && (ctx.couponSku === '' || ctx.cart.some((l) => l.sku === ctx.couponSku));
  return { type: 'checkout.submitted', viewer: ctx.id, idempotencyKey: ctx.orderKey, ...(applies ? { couponId: ctx.couponId } : {}) };
}

/** after payment: spend, drift on every line, and the return decisions (one draw per line) */
export function paid(ctx: ViewerContext, orderId: string, total: number): { patch: Partial<ViewerContext>; returns: ViewerUp[] } {
  let interests = ctx.interests;
  const returns: ViewerUp[] = [];
  // the buyer's usual price: the reference of the choice model's price term
  const ref = Math.max(1, ctx.p.choice.priceRefShare * ctx.persona.budgetMonthly);
  for (const line of ctx.cart) {
    interests = drift(interests, line.cat, 1, ctx.rng.drift, ctx.p.drift);
    const asked = (ctx.doubtCat === line.cat && ctx.doubt !== '') || ctx.answeredCat === line.cat;
    const stretch = stretchOf(line.price, ref, ctx.p.returns);
    const prob = returnProbability({ family: familyOf(line.cat), impulse: line.impulse, asked, answered: ctx.answeredCat === line.cat, stretch }, ctx.p.returns);
    if (ctx.rng.shop.next() < prob) returns.push({ type: 'return.requested', viewer: ctx.id, orderId, sku: line.sku });
  }
  const usedCoupon = 'couponId' in checkoutMessage(ctx);
  return {
    patch: { interests, cart: EMPTY, orders: ctx.orders + 1, spent: ctx.spent + total, ...(usedCoupon ? { couponId: '' } : {}) },
    returns,
  };
}
