// Ingesting what the engine sees: viewers' messages (ViewerUp), the host's actions (HostUp) and the
// stack's replies that carry facts the engine needs (order confirmed or rejected, the SKU on stage).
// Call in the epoch's merged (time, viewerId, seq) order with `now` = the message's time.
import type { HostUp, ViewerDown, ViewerUp } from '../protocol.ts';
import { addInterest, refreshPropensity, skuOf, touchSku } from './behaviour.ts';
import { ingestComment } from './comments.ts';
import { TAG_LEVEL, TAG_WEIGHT, viewerBucket } from './propensity/propensity.ts';
import type { MarketingState } from './state.ts';

function clock(s: MarketingState, now: number): void {
  s.events++;
  if (now > s.now) s.now = now;
}

export function ingest(s: MarketingState, msg: ViewerUp, now: number): MarketingState {
  clock(s, now);
  const w = s.config.profiles.weights;
  const p = s.profiles;
  switch (msg.type) {
    case 'danmaku.sent':
      ingestComment(s, msg.viewer, msg.text, msg.lang, now);
      break;
    case 'room.join': {
      const slot = s.slots.slotOf(msg.viewer);
      s.present.a[slot] = 1;
      s.funnel.count('entered', slot, now);
      if (p !== null && msg.spendTier !== undefined && !(p.priceLevelWeight.a[slot]! > 0)) p.seePrice(slot, TAG_LEVEL[msg.spendTier], TAG_WEIGHT);
      if (s.audience !== null && p !== null) s.audience.join(slot, viewerBucket(p, slot, s.catalog, s.config.propensity));
      break;
    }
    case 'room.leave': {
      const slot = s.slots.slotOf(msg.viewer);
      s.present.a[slot] = 0;
      s.funnel.count('left', slot, now);
      if (msg.watchedMs < s.config.alerts.bounceMs) s.funnel.count('bounced', slot, now);
      s.audience?.leave(slot);
      break;
    }
    case 'product.viewed': {
      const slot = s.slots.slotOf(msg.viewer);
      const i = skuOf(s, msg.sku);
      s.funnel.count('productViewed', slot, now);
      s.heat?.view(i, now);
      if (p !== null) {
        p.bump(slot, 'views');
        p.markFirst(p.firstViewAt, slot, now);
        touchSku(s, slot, i, w.view, 1, now);
        refreshPropensity(s, slot);
      }
      break;
    }
    case 'product.closed': {
      const slot = s.slots.slotOf(msg.viewer);
      const i = skuOf(s, msg.sku);
      if (i >= 0) s.heat?.dwell(i, msg.dwellMs, now);
      if (i >= 0) addInterest(s, slot, s.catalog.categoryOfSku[i]!, (w.dwellPerSec * msg.dwellMs) / 1000, now);
      break;
    }
    case 'cart.added': {
      const slot = s.slots.slotOf(msg.viewer);
      const i = skuOf(s, msg.sku);
      s.funnel.count('addedToCart', slot, now);
      if (i >= 0) s.heat?.cart(i, now);
      const heat = s.heat;
      if (s.pairing !== null && heat !== null && i >= 0) {
        const card = s.pairing.card(slot, i, now, (k) => heat.score(k, now));
        if (card !== undefined) s.pairOut.push({ to: msg.viewer, msg: card });
      }
      if (p !== null) {
        p.bump(slot, 'carts');
        p.markFirst(p.firstCartAt, slot, now);
        touchSku(s, slot, i, w.cart, 2, now);
        refreshPropensity(s, slot);
      }
      break;
    }
    case 'checkout.submitted': {
      const slot = s.slots.slotOf(msg.viewer);
      s.funnel.count('checkedOut', slot, now);
      if (p !== null) {
        p.bump(slot, 'checkouts');
        p.markFirst(p.firstCheckoutAt, slot, now);
        refreshPropensity(s, slot);
      }
      break;
    }
    case 'gift.sent': {
      if (p === null) break;
      const slot = s.slots.slotOf(msg.viewer);
      p.bump(slot, 'gifts');
      p.giftValue.a[slot]! += msg.value;
      refreshPropensity(s, slot);
      break;
    }
    default:
      // likes, follows, QoE reports, coupon claims, returns, cart removals: counted, not used yet
      break;
  }
  return s;
}

/** The host's actions: a pitch or a show segment puts a SKU on stage (comments without a SKU refer to it). */
export function ingestHost(s: MarketingState, msg: HostUp, now: number): MarketingState {
  clock(s, now);
  if (msg.type === 'host.pitch' || msg.type === 'host.segment' || msg.type === 'host.flashsale') {
    const i = skuOf(s, msg.sku);
    if (i >= 0) s.currentSku = i;
  }
  return s;
}

/** Replies of the other services that the engine learns from: orders paid or refused, the SKU on stage. */
export function observe(s: MarketingState, viewer: number, msg: ViewerDown, now: number): MarketingState {
  if (msg.type === 'show.segment' || msg.type === 'product.pitched') {
    const i = skuOf(s, msg.sku);
    if (i >= 0 && i !== s.currentSku) s.currentSku = i;
    return s;
  }
  if (msg.type !== 'order.confirmed' && msg.type !== 'order.rejected') return s;
  clock(s, now);
  const slot = s.slots.slotOf(viewer);
  if (msg.type === 'order.rejected') {
    if (msg.reason === 'payment-failed') s.funnel.count('paymentFailed', slot, now);
    return s;
  }
  s.funnel.count('paid', slot, now);
  const p = s.profiles;
  if (p !== null) {
    p.bump(slot, 'orders');
    p.orderValue.a[slot]! += msg.total;
    for (const sku of msg.skus) touchSku(s, slot, skuOf(s, sku), s.config.profiles.weights.order, 3, now);
    refreshPropensity(s, slot);
  }
  return s;
}
