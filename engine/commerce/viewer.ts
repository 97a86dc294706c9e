// A viewer's commerce actions other than checkout: product views, cart edits, coupon claims, returns.
// Bad viewer input (an unknown SKU, a silly quantity) is ignored and counted, never thrown: agents are
// the outside world here.
import type { ViewerUp } from '../protocol.ts';
import { addToCart, removeFromCart } from './cart/index.ts';
import { claimCoupon } from './coupons/index.ts';
import { applyReturn } from './returns/index.ts';
import { ignore, type CommerceState } from './state.ts';

export function handleViewer(state: CommerceState, m: ViewerUp, now: number): [] {
  switch (m.type) {
    case 'product.viewed': {
      const e = state.skus.get(m.sku);
      if (!e) return ignore(state, 'product.viewed:unknown-sku');
      e.views++;
      state.funnel.viewed.add(m.viewer);
      return [];
    }
    case 'product.closed': {
      const e = state.skus.get(m.sku);
      if (!e || !(m.dwellMs >= 0)) return ignore(state, 'product.closed:invalid');
      e.dwellMs += m.dwellMs;
      return [];
    }
    case 'cart.added': {
      const e = state.skus.get(m.sku);
      if (!e) return ignore(state, 'cart.added:unknown-sku');
      if (!(Number.isSafeInteger(m.qty) && m.qty > 0)) return ignore(state, 'cart.added:invalid-qty');
      addToCart(state.carts, m.viewer, m.sku, m.qty, state.config.maxQtyPerLine);
      e.cartAdds++;
      state.funnel.carted.add(m.viewer);
      return [];
    }
    case 'cart.removed':
      if (!removeFromCart(state.carts, m.viewer, m.sku)) return ignore(state, 'cart.removed:not-in-cart');
      return [];
    case 'coupon.claimed':
      if (!claimCoupon(state.coupons.get(m.couponId), m.viewer, now)) return ignore(state, 'coupon.claimed:refused');
      state.counters.couponClaims++;
      return [];
    case 'return.requested': {
      const problem = applyReturn(state, m.viewer, m.orderId, m.sku, now);
      return problem ? ignore(state, `return.requested:${problem}`) : [];
    }
    default:
      return [];
  }
}
