// The reference model for the fc.commands test of commerce: a deliberately plain re-statement of the rules
// (prices, stock, flash sales, coupons, idempotency), and the invariants every real state must satisfy.
import { createCatalog } from './catalog/index.ts';
import { summary, type CommerceState } from './index.ts';

export const SKUS = ['A', 'B', 'C'] as const;
export const VIEWERS = [0, 1, 2] as const;
export const PRICE_FEN: Record<string, number> = { A: 1000, B: 2550, C: 9999 };
export const INITIAL: Record<string, number> = { A: 12, B: 6, C: 2 };

export const catalog = () =>
  createCatalog(SKUS.map((id) => ({ id, category: 'beauty' as const, name: id, price: PRICE_FEN[id]! / 100, stock: INITIAL[id]! })));

export interface ModelCoupon {
  id: string;
  to: number | 'all';
  sku: string | undefined;
  discountFen: number;
  minSpendFen: number;
  expiresAt: number;
  limit: number;
  redeemedBy: Set<number>;
}

export interface ModelOrder {
  id: string;
  viewer: number;
  totalFen: number;
  skus: string[];
  returned: Set<string>;
}

export interface Model {
  now: number;
  stock: Record<string, number>;
  carts: Map<number, Map<string, number>>;
  flash: Map<string, { priceFen: number; left: number; endsAt: number }>;
  coupons: ModelCoupon[];
  outage: boolean;
  orders: ModelOrder[];
  byKey: Map<string, ModelOrder>;
  returnedLines: number;
}

export function initialModel(): Model {
  return {
    now: 0,
    stock: { ...INITIAL },
    carts: new Map(),
    flash: new Map(),
    coupons: [],
    outage: false,
    orders: [],
    byKey: new Map(),
    returnedLines: 0,
  };
}

/** True when the model says the coupon does not apply to this order. */
export function modelCouponProblem(m: Model, c: ModelCoupon, viewer: number, cart: Map<string, number>, subtotal: number): boolean {
  return (
    (c.to !== 'all' && c.to !== viewer) ||
    m.now >= c.expiresAt ||
    c.redeemedBy.has(viewer) ||
    c.redeemedBy.size >= c.limit ||
    (c.sku !== undefined && !cart.has(c.sku)) ||
    subtotal < c.minSpendFen
  );
}

/** A plain check (cheaper than expect() in a loop that runs after every command); the message says what broke. */
function ok(cond: boolean, what: () => string): void {
  if (!cond) throw new Error(`invariant broken: ${what()}`);
}

/** Invariants of the real state, whatever happened before. */
export function checkInvariants(s: CommerceState, m: Model): void {
  const soldBy = new Map<string, number>();
  let gmvFen = 0;
  for (const o of s.orders.list) {
    gmvFen += o.totalFen;
    ok(o.totalFen === o.subtotalFen - o.discountFen && o.totalFen >= 0, () => `order ${o.id}: total ${o.totalFen} = subtotal ${o.subtotalFen} − discount ${o.discountFen} ≥ 0`);
    for (const l of o.lines) soldBy.set(l.sku, (soldBy.get(l.sku) ?? 0) + l.qty);
  }
  for (const [sku, line] of s.inventory) {
    // never oversells
    ok(line.available >= 0, () => `${sku}: stock ${line.available} ≥ 0`);
    ok(line.sold <= line.initial + line.restocked, () => `${sku}: sold ${line.sold} ≤ initial ${line.initial} + restocked ${line.restocked}`);
    ok(line.available === line.initial + line.restocked - line.sold, () => `${sku}: available = initial + restocked − sold`);
    ok(line.sold === (soldBy.get(sku) ?? 0), () => `${sku}: sold ${line.sold} = Σ order lines ${soldBy.get(sku) ?? 0}`);
    ok(line.available === m.stock[sku], () => `${sku}: stock ${line.available} = model ${m.stock[sku]}`);
  }
  // never loses or duplicates an order: key ↔ order is a bijection, and matches the model's
  ok(s.orders.byKey.size === s.orders.list.length && s.orders.byId.size === s.orders.list.length, () => 'one key and one id per order');
  for (const o of s.orders.list) ok(s.orders.byKey.get(o.idempotencyKey) === o.id, () => `key ${o.idempotencyKey} → ${o.id}`);
  ok(s.orders.list.length === m.orders.length && s.orders.list.every((o, i) => o.id === m.orders[i]!.id), () => 'orders match the model');
  // GMV = Σ order totals
  ok(Math.round(summary(s).gmv * 100) === gmvFen, () => `GMV ${summary(s).gmv} = Σ totals ${gmvFen / 100}`);
  ok(gmvFen === m.orders.reduce((a, o) => a + o.totalFen, 0), () => 'GMV matches the model');
  // coupons: single use per viewer, within the limit, never after expiry
  for (const c of s.coupons.values()) {
    const uses = s.orders.list.filter((o) => o.couponId === c.id);
    ok(uses.length === c.redeemedBy.size && new Set(uses.map((o) => o.viewer)).size === uses.length, () => `${c.id}: one use per viewer`);
    ok(uses.length <= c.limit, () => `${c.id}: ${uses.length} uses ≤ limit ${c.limit}`);
    for (const o of uses) ok(o.at < c.expiresAt, () => `${c.id}: used at ${o.at} before expiry ${c.expiresAt}`);
  }
  for (const f of s.flash.all) ok(f.left >= 0, () => `flash sale of ${f.sku}: ${f.left} left ≥ 0`);
  ok(s.counters.returnedLines === m.returnedLines, () => `returned lines ${s.counters.returnedLines} = model ${m.returnedLines}`);
}
