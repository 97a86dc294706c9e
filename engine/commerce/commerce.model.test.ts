// fc.commands model run of commerce: random add/remove/checkout (with retried and foreign idempotency
// keys), flash sales, coupons, payment outages, restocks, returns and time. Every command's output is
// compared with the model's prediction, and the invariants hold after every command.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { advance, createCommerceState, handle, type CommerceOutbound, type CommerceState } from './index.ts';
import { catalog, checkInvariants, initialModel, modelCouponProblem, PRICE_FEN, SKUS, VIEWERS, type Model } from './model.testkit.ts';

type Real = { s: CommerceState };
type Cmd = fc.Command<Model, Real>;
const pad = (n: number) => String(n).padStart(6, '0');
const run = (r: Real, m: Model, msg: Parameters<typeof handle>[1]): CommerceOutbound[] => handle(r.s, msg, m.now);

class Add implements Cmd {
  constructor(readonly viewer: number, readonly sku: string, readonly qty: number) {}
  check = () => true;
  run(m: Model, r: Real) {
    expect(run(r, m, { type: 'cart.added', viewer: this.viewer, sku: this.sku, qty: this.qty })).toEqual([]);
    const cart = m.carts.get(this.viewer) ?? new Map<string, number>();
    cart.set(this.sku, Math.min(99, (cart.get(this.sku) ?? 0) + this.qty));
    m.carts.set(this.viewer, cart);
    checkInvariants(r.s, m);
  }
  toString = () => `add(${this.viewer},${this.sku},${this.qty})`;
}

class Remove implements Cmd {
  constructor(readonly viewer: number, readonly sku: string) {}
  check = () => true;
  run(m: Model, r: Real) {
    expect(run(r, m, { type: 'cart.removed', viewer: this.viewer, sku: this.sku })).toEqual([]);
    const cart = m.carts.get(this.viewer);
    cart?.delete(this.sku);
    if (cart?.size === 0) m.carts.delete(this.viewer);
    checkInvariants(r.s, m);
  }
  toString = () => `remove(${this.viewer},${this.sku})`;
}

class Checkout implements Cmd {
  constructor(readonly viewer: number, readonly keyOwner: number, readonly keyIdx: number, readonly couponPick: number) {}
  check = () => true;
  run(m: Model, r: Real) {
    const key = `k${this.keyOwner}-${this.keyIdx}`;
    const couponId = this.couponPick < Math.min(4, m.coupons.length) ? m.coupons[this.couponPick]!.id : this.couponPick === 9 ? 'cpn-bogus' : undefined;
    const out = run(r, m, { type: 'checkout.submitted', viewer: this.viewer, idempotencyKey: key, ...(couponId ? { couponId } : {}) });
    const rejected = (reason: string) => expect(out.map((o) => [o.to, o.msg.type, 'reason' in o.msg ? o.msg.reason : ''])).toEqual([[this.viewer, 'order.rejected', reason]]);
    const known = m.byKey.get(key);
    const cart = m.carts.get(this.viewer);
    if (known) {
      // a retried key: the same order again, never a second one (or refused if the key is someone else's)
      if (known.viewer !== this.viewer) rejected('invalid');
      else expect(out).toEqual([{ to: this.viewer, msg: { type: 'order.confirmed', orderId: known.id, idempotencyKey: key, total: known.totalFen / 100, skus: known.skus } }]);
    } else if (!cart) rejected('empty-cart');
    else if ([...cart].some(([sku, q]) => q > m.stock[sku]!)) rejected('out-of-stock');
    else {
      const lines = [...cart].map(([sku, qty]) => {
        const f = m.flash.get(sku);
        const fu = f && m.now < f.endsAt ? Math.min(qty, f.left) : 0;
        return { sku, qty, fu, fen: fu * (f?.priceFen ?? 0) + (qty - fu) * PRICE_FEN[sku]! };
      });
      const subtotal = lines.reduce((a, l) => a + l.fen, 0);
      const coupon = couponId === undefined ? undefined : m.coupons.find((c) => c.id === couponId);
      if (couponId !== undefined && (!coupon || modelCouponProblem(m, coupon, this.viewer, cart, subtotal))) rejected('invalid');
      else if (m.outage) rejected('payment-failed');
      else {
        const total = subtotal - (coupon ? Math.min(coupon.discountFen, subtotal) : 0);
        const order = { id: `order-${pad(m.orders.length)}`, viewer: this.viewer, totalFen: total, skus: lines.map((l) => l.sku), returned: new Set<string>() };
        const ended: CommerceOutbound[] = [];
        for (const l of lines) {
          m.stock[l.sku]! -= l.qty;
          const f = m.flash.get(l.sku);
          if (f && l.fu > 0) {
            f.left -= l.fu;
            if (f.left === 0) {
              m.flash.delete(l.sku);
              ended.push({ to: 'all', msg: { type: 'flashsale.ended', sku: l.sku } });
            }
          }
        }
        coupon?.redeemedBy.add(this.viewer);
        m.orders.push(order);
        m.byKey.set(key, order);
        m.carts.delete(this.viewer);
        expect(out).toEqual([{ to: this.viewer, msg: { type: 'order.confirmed', orderId: order.id, idempotencyKey: key, total: total / 100, skus: order.skus } }, ...ended]);
      }
    }
    checkInvariants(r.s, m);
  }
  toString = () => `checkout(${this.viewer},k${this.keyOwner}-${this.keyIdx},coupon#${this.couponPick})`;
}

class Advance implements Cmd {
  constructor(readonly ms: number) {}
  check = () => true;
  run(m: Model, r: Real) {
    m.now += this.ms;
    const out = advance(r.s, m.now);
    const ending = [...m.flash].filter(([, f]) => f.endsAt <= m.now).sort((a, b) => a[1].endsAt - b[1].endsAt);
    for (const [sku] of ending) m.flash.delete(sku);
    expect(out).toEqual(ending.map(([sku]) => ({ to: 'all', msg: { type: 'flashsale.ended', sku } })));
    checkInvariants(r.s, m);
  }
  toString = () => `advance(${this.ms})`;
}

class FlashStart implements Cmd {
  constructor(readonly sku: string, readonly priceFen: number, readonly stock: number, readonly durationMs: number) {}
  check = () => true;
  run(m: Model, r: Real) {
    const out = run(r, m, { type: 'host.flashsale', sku: this.sku, price: this.priceFen / 100, stock: this.stock, durationMs: this.durationMs });
    if (m.flash.has(this.sku) || m.stock[this.sku] === 0) expect(out).toEqual([]);
    else {
      const stock = Math.min(this.stock, m.stock[this.sku]!);
      m.flash.set(this.sku, { priceFen: this.priceFen, left: stock, endsAt: m.now + this.durationMs });
      expect(out).toEqual([{ to: 'all', msg: { type: 'flashsale.started', sku: this.sku, price: this.priceFen / 100, stock, endsAt: m.now + this.durationMs } }]);
    }
    checkInvariants(r.s, m);
  }
  toString = () => `flash(${this.sku},${this.priceFen},${this.stock},${this.durationMs})`;
}

class Coupon implements Cmd {
  constructor(readonly to: number | 'all', readonly sku: string | undefined, readonly discountFen: number, readonly minSpendFen: number, readonly ttlMs: number, readonly limit: number) {}
  check = () => true;
  run(m: Model, r: Real) {
    const id = `cpn-${pad(m.coupons.length)}`;
    const out = run(r, m, { type: 'coupon.issue', to: this.to, ...(this.sku ? { sku: this.sku } : {}), discount: this.discountFen / 100, minSpend: this.minSpendFen / 100, ttlMs: this.ttlMs, limit: this.limit });
    const limit = this.to === 'all' ? this.limit : 1;
    m.coupons.push({ id, to: this.to, sku: this.sku, discountFen: this.discountFen, minSpendFen: this.minSpendFen, expiresAt: m.now + this.ttlMs, limit, redeemedBy: new Set() });
    const msg = { type: 'coupon.offered', couponId: id, ...(this.sku ? { sku: this.sku } : {}), discount: this.discountFen / 100, minSpend: this.minSpendFen / 100, expiresAt: m.now + this.ttlMs };
    expect(out).toEqual([{ to: this.to, msg }]);
    checkInvariants(r.s, m);
  }
  toString = () => `coupon(${this.to},${this.sku},${this.discountFen},${this.minSpendFen},${this.ttlMs},${this.limit})`;
}

class Outage implements Cmd {
  constructor(readonly active: boolean) {}
  check = () => true;
  run(m: Model, r: Real) {
    expect(run(r, m, { type: 'payment.outage', active: this.active })).toEqual([]);
    m.outage = this.active;
    checkInvariants(r.s, m);
  }
  toString = () => `outage(${this.active})`;
}

class Restock implements Cmd {
  constructor(readonly sku: string, readonly qty: number) {}
  check = () => true;
  run(m: Model, r: Real) {
    expect(run(r, m, { type: 'stock.restock', sku: this.sku, qty: this.qty })).toEqual([]);
    m.stock[this.sku]! += this.qty;
    checkInvariants(r.s, m);
  }
  toString = () => `restock(${this.sku},${this.qty})`;
}

class Return implements Cmd {
  constructor(readonly viewer: number, readonly orderPick: number, readonly sku: string) {}
  check = (m: Readonly<Model>) => m.orders.length > 0;
  run(m: Model, r: Real) {
    const o = m.orders[this.orderPick % m.orders.length]!;
    run(r, m, { type: 'return.requested', viewer: this.viewer, orderId: o.id, sku: this.sku });
    if (o.viewer === this.viewer && o.skus.includes(this.sku) && !o.returned.has(this.sku)) {
      o.returned.add(this.sku);
      m.returnedLines++;
    }
    checkInvariants(r.s, m);
  }
  toString = () => `return(${this.viewer},#${this.orderPick},${this.sku})`;
}

const viewer = fc.constantFrom(...VIEWERS);
const sku = fc.constantFrom(...SKUS);
const keyOwner = fc.oneof(viewer, viewer, fc.constant(0));
// coupon pick: an issued coupon by index (if that many exist), 8 = none, 9 = a coupon that does not exist
const couponPick = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }) }, { weight: 2, arbitrary: fc.constant(8) }, { weight: 1, arbitrary: fc.constant(9) });
const add = fc.tuple(viewer, sku, fc.integer({ min: 1, max: 3 })).map(([v, s, q]) => new Add(v, s, q));
const checkout = fc.tuple(viewer, keyOwner, fc.integer({ min: 0, max: 2 }), couponPick).map(([v, o, k, c]) => new Checkout(v, o, k, c));
const coupon = fc
  .tuple(fc.oneof(viewer, fc.constant('all' as const)), fc.option(sku, { nil: undefined }), fc.integer({ min: 100, max: 1500 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1000, max: 20000 }), fc.integer({ min: 1, max: 3 }))
  .map(([to, s, d, ms, ttl, lim]) => new Coupon(to, s, d, ms, ttl, lim));
// repeats weight the mix toward carts and checkouts, so that orders, retries and redemptions are common
const commands = [
  add,
  add,
  add,
  add,
  checkout,
  checkout,
  checkout,
  coupon,
  coupon,
  fc.tuple(viewer, sku).map(([v, s]) => new Remove(v, s)),
  fc.integer({ min: 1, max: 3000 }).map((ms) => new Advance(ms)),
  fc.tuple(sku, fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 500, max: 5000 })).map(([s, p, n, d]) => new FlashStart(s, p, n, d)),
  fc.constantFrom(false, false, true).map((a) => new Outage(a)),
  fc.tuple(sku, fc.integer({ min: 1, max: 3 })).map(([s, q]) => new Restock(s, q)),
  fc.tuple(viewer, fc.nat(20), sku).map(([v, o, s]) => new Return(v, o, s)),
];

describe('commerce model run (fc.commands)', () => {
  it('never oversells, never loses or duplicates an order, GMV = Σ totals, coupons single-use and expiring', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 100, size: "max" }), (cmds) => {
        fc.modelRun(() => ({ model: initialModel(), real: { s: createCommerceState({ catalog: catalog(), socialProofEveryMs: 0 }) } }), cmds);
      }),
      { numRuns: 300 },
    );
  });
});
