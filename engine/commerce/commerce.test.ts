import { describe, expect, it } from 'vitest';
import { advance, conversionRate, createCatalog, createCommerceState, handle, nextDueAt, summary, type CommerceInput } from './index.ts';

const catalog = () =>
  createCatalog([
    { id: 'lip', category: 'beauty', name: { zh: '口红', en: 'Lipstick' }, price: 100, listPrice: 108, cost: 30, stock: 10 },
    { id: 'dress', category: 'apparel', name: { zh: '连衣裙', en: 'Dress' }, price: 200, cost: 100, stock: 10 },
  ]);
const buy = (viewer: number, sku: string, qty: number, key: string, t: number, s = createCommerceState({ catalog: catalog() })) => {
  handle(s, { type: 'cart.added', viewer, sku, qty }, t);
  return { s, out: handle(s, { type: 'checkout.submitted', viewer, idempotencyKey: key }, t) };
};

describe('commerce: orders and metrics', () => {
  it('computes GMV, AOV, cross-sell, funnel and per-SKU sales', () => {
    // Arrange + Act: viewer 1 buys lip ×2 + dress (cross-sell), viewer 2 buys lip, viewer 3 only looks
    const s = createCommerceState({ catalog: catalog() });
    const send = (m: CommerceInput, t = 0) => handle(s, m, t);
    send({ type: 'product.viewed', viewer: 3, sku: 'lip' });
    send({ type: 'product.closed', viewer: 3, sku: 'lip', dwellMs: 4000 });
    send({ type: 'cart.added', viewer: 1, sku: 'lip', qty: 2 });
    send({ type: 'cart.added', viewer: 1, sku: 'dress', qty: 1 });
    send({ type: 'checkout.submitted', viewer: 1, idempotencyKey: 'a' });
    buy(2, 'lip', 1, 'b', 0, s);
    // Assert
    const m = summary(s);
    expect([m.orders, m.gmv, m.aov, m.units, m.buyers, m.crossSellRate]).toEqual([2, 500, 250, 4, 2, 0.5]);
    expect(m.funnel).toEqual({ productViewed: 1, addedToCart: 2, checkedOut: 2, paid: 2 });
    expect(conversionRate(m, 10)).toBe(0.2);
    const lip = m.perSku.find((x) => x.sku === 'lip')!;
    expect([lip.units, lip.orders, lip.revenue, lip.stockLeft, lip.views, lip.dwellMs]).toEqual([3, 2, 300, 7, 1, 4000]);
    expect(m.grossProfit).toBe(500 - 3 * 30 - 100);
  });

  it('records returns from the return model and computes rates and refunds, refusing bad requests', () => {
    const { s } = buy(1, 'dress', 2, 'k1', 0);
    handle(s, { type: 'cart.added', viewer: 2, sku: 'lip', qty: 2 }, 0);
    handle(s, { type: 'checkout.submitted', viewer: 2, idempotencyKey: 'k2' }, 0);
    handle(s, { type: 'return.requested', viewer: 1, orderId: 'order-000000', sku: 'dress' }, 9_000_000);
    handle(s, { type: 'return.requested', viewer: 1, orderId: 'order-000000', sku: 'dress' }, 9_000_001);
    handle(s, { type: 'return.requested', viewer: 2, orderId: 'order-000000', sku: 'dress' }, 9_000_002);
    handle(s, { type: 'return.requested', viewer: 2, orderId: 'order-000009', sku: 'lip' }, 9_000_003);
    const m = summary(s);
    expect([m.returnRate, m.returnOrderRate, m.refunds, m.netGmv]).toEqual([0.5, 0.5, 400, 200]);
    expect(m.returnRateByCategory).toEqual({ apparel: 1, beauty: 0 });
    expect(m.ignored).toEqual({ 'return.requested:already-returned': 1, 'return.requested:not-the-buyer': 1, 'return.requested:unknown-order': 1 });
  });

  it('splits a line across the flash price and the live price when the flash stock runs out, and ends the sale', () => {
    const s = createCommerceState({ catalog: catalog() });
    const started = handle(s, { type: 'host.flashsale', sku: 'lip', price: 59.9, stock: 2, durationMs: 60_000 }, 1_000);
    expect(started).toEqual([{ to: 'all', msg: { type: 'flashsale.started', sku: 'lip', price: 59.9, stock: 2, endsAt: 61_000 } }]);
    handle(s, { type: 'cart.added', viewer: 1, sku: 'lip', qty: 3 }, 2_000);
    const out = handle(s, { type: 'checkout.submitted', viewer: 1, idempotencyKey: 'x' }, 2_000);
    expect(out.map((o) => o.msg)).toEqual([
      { type: 'order.confirmed', orderId: 'order-000000', idempotencyKey: 'x', total: 219.8, skus: ['lip'] },
      { type: 'flashsale.ended', sku: 'lip' },
    ]);
    expect(summary(s).flashSales).toEqual({ started: 1, soldOut: 1, units: 2 });
  });

  it('ends a flash sale at its countdown and says when it is next due', () => {
    const s = createCommerceState({ catalog: catalog(), socialProofEveryMs: 0 });
    handle(s, { type: 'host.flashsale', sku: 'dress', price: 150, stock: 5, durationMs: 30_000 }, 0);
    expect(nextDueAt(s)).toBe(30_000);
    expect(advance(s, 29_999)).toEqual([]);
    expect(advance(s, 30_000)).toEqual([{ to: 'all', msg: { type: 'flashsale.ended', sku: 'dress' } }]);
    expect(nextDueAt(s)).toBeUndefined();
  });

  it('announces purchases as social proof once per period', () => {
    const s = createCommerceState({ catalog: catalog(), socialProofEveryMs: 5_000 });
    buy(1, 'lip', 1, 'a', 1_000, s);
    buy(2, 'lip', 1, 'b', 2_000, s);
    expect(nextDueAt(s)).toBe(5_000);
    expect(advance(s, 5_000)).toEqual([{ to: 'all', msg: { type: 'social.purchase', sku: 'lip', count: 2 } }]);
    expect(advance(s, 10_000)).toEqual([]);
  });

  it('fails checkouts inside a scripted outage window, keeps the cart, and a retry afterwards makes one order', () => {
    const s = createCommerceState({ catalog: catalog(), paymentOutages: [{ startMs: 1_000, endMs: 2_000 }] });
    const { out } = buy(1, 'lip', 1, 'r', 1_500, s);
    expect(out[0]!.msg).toMatchObject({ type: 'order.rejected', reason: 'payment-failed' });
    const retry = handle(s, { type: 'checkout.submitted', viewer: 1, idempotencyKey: 'r' }, 2_000);
    expect(retry[0]!.msg).toMatchObject({ type: 'order.confirmed', orderId: 'order-000000' });
    const again = handle(s, { type: 'checkout.submitted', viewer: 1, idempotencyKey: 'r' }, 2_100);
    expect(again).toEqual(retry);
    const m = summary(s);
    expect([m.orders, m.checkouts.replays, m.payment.failures, m.checkouts.paymentFailedValue]).toEqual([1, 1, 1, 100]);
  });
});

describe('commerce: host, control and bad input', () => {
  it('pitches with the live (or flash) price and stock left, and announces segments', () => {
    const s = createCommerceState({ catalog: catalog() });
    expect(handle(s, { type: 'host.pitch', sku: 'lip' }, 0)[0]!.msg).toEqual({ type: 'product.pitched', sku: 'lip', category: 'beauty', price: 100, listPrice: 108, stockLeft: 10 });
    handle(s, { type: 'host.flashsale', sku: 'lip', price: 80, stock: 3, durationMs: 1_000 }, 0);
    expect(handle(s, { type: 'host.pitch', sku: 'lip' }, 10)[0]!.msg).toMatchObject({ price: 80 });
    expect(handle(s, { type: 'host.segment', sku: 'dress' }, 20)).toEqual([{ to: 'all', msg: { type: 'show.segment', sku: 'dress', category: 'apparel' } }]);
    expect(handle(s, { type: 'host.pitch', sku: 'nope' }, 30)).toEqual([]);
    expect(summary(s).ignored).toEqual({ 'host.pitch:unknown-sku': 1 });
  });

  it('targets coupons at one viewer: others cannot use it', () => {
    const s = createCommerceState({ catalog: catalog() });
    const [offer] = handle(s, { type: 'coupon.issue', to: 7, discount: 10, minSpend: 50, ttlMs: 60_000 }, 0);
    expect(offer).toEqual({ to: 7, msg: { type: 'coupon.offered', couponId: 'cpn-000000', discount: 10, minSpend: 50, expiresAt: 60_000 } });
    handle(s, { type: 'cart.added', viewer: 8, sku: 'lip', qty: 1 }, 1);
    const out = handle(s, { type: 'checkout.submitted', viewer: 8, idempotencyKey: 'z', couponId: 'cpn-000000' }, 1);
    expect(out[0]!.msg).toMatchObject({ reason: 'invalid', detail: 'coupon cpn-000000 is for another viewer' });
  });

  it('ignores bad viewer input and throws on bad control input, naming field and value', () => {
    const s = createCommerceState({ catalog: catalog() });
    handle(s, { type: 'cart.added', viewer: 1, sku: 'lip', qty: 0 }, 0);
    handle(s, { type: 'cart.added', viewer: 1, sku: 'ghost', qty: 1 }, 0);
    expect(summary(s).ignored).toEqual({ 'cart.added:invalid-qty': 1, 'cart.added:unknown-sku': 1 });
    expect(() => handle(s, { type: 'stock.restock', sku: 'lip', qty: -2 }, 0)).toThrow('inventory.restock: lip: qty: expected a positive integer, got -2');
    expect(() => handle(s, { type: 'coupon.issue', to: 'all', discount: 0, minSpend: 0, ttlMs: 1 }, 0)).toThrow('coupon.issue: discount: expected a positive amount in yuan, got 0');
    expect(() => advance(s, -1)).toThrow(/got -1/);
  });

  it('ends running flash sales when the show ends', () => {
    const s = createCommerceState({ catalog: catalog() });
    handle(s, { type: 'host.flashsale', sku: 'lip', price: 80, stock: 3, durationMs: 100_000 }, 0);
    expect(handle(s, { type: 'show.ended' }, 50_000)).toEqual([{ to: 'all', msg: { type: 'flashsale.ended', sku: 'lip' } }]);
    expect(s.flash.all[0]!.endReason).toBe('show-ended');
  });
});
