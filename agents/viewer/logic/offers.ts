// The offers a viewer has in mind: pitched products, product cards pushed to them, flash sales; plus
// the coupon they hold and the social proof they saw. At most maxOffers, newest first, forgotten when
// they expire.
import type { ViewerDown } from '../../../engine/protocol.ts';
import { categoryIndex, goesWithIndex } from '../../personas/index.ts';
import type { ViewerContext } from '../context.ts';
import { anticipation, type Offer, type Situation } from '../models/choice.ts';

type Msg<T extends ViewerDown['type']> = Extract<ViewerDown, { type: T }>;

function withOffer(ctx: ViewerContext, o: Offer, now: number): readonly Offer[] {
  const kept = ctx.offers.filter((x) => x.sku !== o.sku && x.until > now && x.endsAt > now);
  const old = ctx.offers.find((x) => x.sku === o.sku && x.endsAt > now);
  // a plain pitch of a SKU on flash sale keeps the sale's price and countdown
  const merged = old && Number.isFinite(old.endsAt) && !Number.isFinite(o.endsAt) ? { ...o, price: old.price, endsAt: old.endsAt } : o;
  return [merged, ...kept].slice(0, ctx.p.shopping.maxOffers);
}

export function pitched(ctx: ViewerContext, m: Msg<'product.pitched'>): Partial<ViewerContext> {
  const now = ctx.clock.now();
  const o: Offer = {
    sku: m.sku, cat: categoryIndex(m.category, m.sku, m.subcategory), price: m.price, listPrice: m.listPrice,
    stock: m.stockLeft, endsAt: Infinity, until: now + ctx.p.shopping.offerTtlMs,
  };
  return { offers: withOffer(ctx, o, now), lastPitchAt: now };
}

export function card(ctx: ViewerContext, m: Msg<'product.card'>): Partial<ViewerContext> {
  const now = ctx.clock.now();
  const o: Offer = {
    sku: m.sku, cat: categoryIndex(m.category, m.sku, m.subcategory), price: m.price, listPrice: m.price,
    stock: Infinity, endsAt: Infinity, until: now + ctx.p.shopping.cardTtlMs,
  };
  return { offers: withOffer(ctx, o, now), lastPitchAt: now };
}

/** the host counts down to a sale: the viewer notes it (and waits for it, attention.ts) */
export function announced(ctx: ViewerContext, m: Msg<'flashsale.announced'>): Partial<ViewerContext> {
  return { heardSku: m.sku, heardAt: ctx.clock.now(), awaitUntil: m.opensAt };
}

export function flashStarted(ctx: ViewerContext, m: Msg<'flashsale.started'>): Partial<ViewerContext> {
  const now = ctx.clock.now();
  const known = ctx.offers.find((x) => x.sku === m.sku);
  // a sale the viewer heard counted down pulls them, less the longer they waited (models/choice.ts)
  const lift = m.sku === ctx.heardSku ? anticipation(now - ctx.heardAt, ctx.p.choice) : 0;
  const o: Offer = {
    sku: m.sku, cat: known?.cat ?? ctx.segCat, price: m.price, listPrice: Math.max(known?.listPrice ?? m.price, known?.price ?? m.price),
    stock: m.stock, endsAt: m.endsAt, until: Math.max(m.endsAt, now), ...(lift > 0 ? { lift } : {}),
  };
  return { offers: withOffer(ctx, o, now), lastPitchAt: now };
}

export function flashEnded(ctx: ViewerContext, sku: string): Partial<ViewerContext> {
  return { offers: ctx.offers.filter((x) => x.sku !== sku || !Number.isFinite(x.endsAt)) };
}

export function coupon(ctx: ViewerContext, m: Msg<'coupon.offered'>): Partial<ViewerContext> {
  return { couponId: m.couponId, couponSku: m.sku ?? '', couponOff: m.discount, couponMin: m.minSpend, couponUntil: m.expiresAt };
}

/** claim a targeted coupon? price-sensitive viewers more often (one draw) */
export function claimsCoupon(ctx: ViewerContext): boolean {
  const s = Math.min(2, ctx.persona.priceSensitivity) / 2;
  return ctx.rng.shop.next() < ctx.p.shopping.claimCoupon * (0.5 + 0.5 * s);
}

export function socialPurchase(ctx: ViewerContext, sku: string, count: number): Partial<ViewerContext> {
  const now = ctx.clock.now();
  const seen = sku === ctx.socialSku ? decayedSocial(ctx, now) : 0;
  return { socialSku: sku, socialSeen: seen + Math.max(0, count), socialAt: now };
}

function socialSeen(ctx: ViewerContext, sku: string, now: number): number {
  if (ctx.social !== null) return ctx.social.seen(sku, ctx.joinedAt, now, ctx.p.shopping.socialHalfLifeMs);
  return sku === ctx.socialSku ? decayedSocial(ctx, now) : 0;
}

function decayedSocial(ctx: ViewerContext, now: number): number {
  return ctx.socialSeen * Math.pow(0.5, (now - ctx.socialAt) / ctx.p.shopping.socialHalfLifeMs);
}

/** the coupon amount off an offer (single-SKU view; checkout applies it to the whole cart) */
export function couponOff(ctx: ViewerContext, o: Offer, now: number): number {
  if (ctx.couponId === '' || now >= ctx.couponUntil) return 0;
  if (ctx.couponSku !== '' && ctx.couponSku !== o.sku) return 0;
  return o.price >= ctx.couponMin ? ctx.couponOff : 0;
}

export function situation(ctx: ViewerContext, o: Offer, now: number): Situation {
  const cartValue = ctx.cart.reduce((s, l) => s + l.price, 0);
  return {
    now,
    budgetLeft: ctx.p.choice.showBudgetShare * ctx.persona.budgetMonthly - ctx.spent - cartValue,
    couponOff: couponOff(ctx, o, now),
    socialSeen: socialSeen(ctx, o.sku, now),
    doubt: ctx.doubt !== '' && (ctx.doubt === 'sizing' || ctx.doubt === 'suitability') && ctx.doubtCat === o.cat,
    watchedMs: ctx.playingAt >= 0 ? now - ctx.playingAt : 0,
    goesWith: ctx.cart.some((l) => goesWithIndex(l.cat, o.cat)),
  };
}
