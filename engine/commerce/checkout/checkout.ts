// Checkout: idempotency first (a known key answers with its order), then cart, stock, coupon and payment
// checks, then one atomic placement (stock taken, flash units counted, coupon used, order recorded,
// cart emptied). A rejected checkout changes nothing and does not bind its key, so a retry after a
// payment outage can still succeed, and then makes exactly one order.
import type { Addressed, ViewerDown, ViewerUp } from '../../protocol.ts';
import { cartOf, clearCart } from '../cart/index.ts';
import { couponProblem, redeemCoupon } from '../coupons/index.ts';
import { endFlashSale, liveFlashSale } from '../flash-sale/index.ts';
import { take } from '../inventory/index.ts';
import { toYuan } from '../money.ts';
import { orderForKey, orderSkus, recordOrder, type Order } from '../orders/index.ts';
import { paymentDown, type CommerceState, type RejectReason } from '../state.ts';
import { quoteCart } from './quote.ts';

type Submit = Extract<ViewerUp, { type: 'checkout.submitted' }>;
type Out = Addressed<ViewerDown>;

function confirmed(order: Order): Out {
  const msg: ViewerDown = { type: 'order.confirmed', orderId: order.id, idempotencyKey: order.idempotencyKey, total: toYuan(order.totalFen), skus: orderSkus(order) };
  return { to: order.viewer, msg };
}

function reject(state: CommerceState, m: Submit, reason: RejectReason, detail: string): Out[] {
  state.counters.rejected[reason]++;
  return [{ to: m.viewer, msg: { type: 'order.rejected', idempotencyKey: m.idempotencyKey, reason, detail } }];
}

export function checkout(state: CommerceState, m: Submit, now: number): Out[] {
  state.counters.checkoutsSubmitted++;
  state.funnel.checkedOut.add(m.viewer);
  const known = orderForKey(state.orders, m.idempotencyKey);
  if (known) {
    if (known.viewer !== m.viewer) return reject(state, m, 'invalid', `idempotency key ${m.idempotencyKey} belongs to another viewer`);
    state.counters.checkoutReplays++;
    return [confirmed(known)];
  }
  if (typeof m.idempotencyKey !== 'string' || m.idempotencyKey === '') return reject(state, m, 'invalid', 'missing idempotency key');
  const cart = cartOf(state.carts, m.viewer);
  if (!cart || cart.size === 0) return reject(state, m, 'empty-cart', 'the cart is empty');
  const q = quoteCart(state, cart, now);
  if (!q.ok) return reject(state, m, 'out-of-stock', q.detail);
  const coupon = m.couponId === undefined ? undefined : state.coupons.get(m.couponId);
  if (m.couponId !== undefined) {
    const problem = couponProblem(coupon, m.viewer, cart.keys(), q.subtotalFen, now);
    if (problem) return reject(state, m, 'invalid', problem);
  }
  const discountFen = coupon ? Math.min(coupon.discountFen, q.subtotalFen) : 0;
  const totalFen = q.subtotalFen - discountFen;
  if (paymentDown(state, now)) {
    state.counters.paymentFailedFen += totalFen;
    return reject(state, m, 'payment-failed', 'the payment provider is down');
  }

  // place the order: every check passed, so nothing below can fail halfway
  const out: Out[] = [];
  for (const line of q.lines) {
    take(state.inventory, line.sku, line.qty);
    const entry = state.skus.get(line.sku)!;
    entry.orders++;
    entry.units += line.qty;
    entry.flashUnits += line.flashUnits;
    entry.revenueFen += line.lineFen;
    if (line.flashUnits > 0) {
      const sale = liveFlashSale(state.flash, line.sku, now)!;
      sale.left -= line.flashUnits;
      if (sale.left === 0) {
        endFlashSale(state.flash, sale, now, 'sold-out');
        out.push({ to: 'all', msg: { type: 'flashsale.ended', sku: line.sku } });
      }
    }
    if (state.config.socialProofEveryMs > 0) {
      state.social.pending.set(line.sku, (state.social.pending.get(line.sku) ?? 0) + 1);
      state.social.nextAt ??= (Math.floor(now / state.config.socialProofEveryMs) + 1) * state.config.socialProofEveryMs;
    }
  }
  if (coupon) {
    redeemCoupon(coupon, m.viewer);
    state.counters.couponsRedeemed++;
    state.counters.discountFen += discountFen;
  }
  const order: Order = {
    id: state.ids.nextLabel('order'),
    viewer: m.viewer,
    idempotencyKey: m.idempotencyKey,
    at: now,
    lines: q.lines,
    subtotalFen: q.subtotalFen,
    discountFen,
    totalFen,
    couponId: coupon?.id,
  };
  // each line's refund share: its part of the subtotal applied to what was paid
  for (const line of q.lines) line.refundFen = q.subtotalFen > 0 ? Math.round((line.lineFen * totalFen) / q.subtotalFen) : 0;
  recordOrder(state.orders, order);
  clearCart(state.carts, m.viewer);
  state.funnel.paid.add(m.viewer);
  out.unshift(confirmed(order));
  return out;
}
