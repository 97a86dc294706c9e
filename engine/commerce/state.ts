// The commerce service's whole state. `handle` and `advance` (commerce.ts) are its only writers: they
// mutate it in place for speed, which is safe because nothing else holds a reference that writes.
import { IdAllocator } from '../kernel/index.ts';
import type { Catalog, Sku } from './catalog/index.ts';
import type { Carts } from './cart/index.ts';
import { resolveCommerceConfig, type CommerceConfig } from './config.ts';
import type { CouponBook } from './coupons/index.ts';
import { createFlashSales, type FlashSales } from './flash-sale/index.ts';
import { createInventory, type Inventory } from './inventory/index.ts';
import { toFen, type Fen } from './money.ts';
import { createOrderBook, type OrderBook } from './orders/index.ts';

export type RejectReason = 'out-of-stock' | 'payment-failed' | 'empty-cart' | 'invalid';

export interface SkuEntry {
  readonly sku: Sku;
  readonly priceFen: Fen;
  readonly listPriceFen: Fen;
  readonly costFen: Fen;
  // per-SKU activity, for summary().perSku
  views: number;
  dwellMs: number;
  cartAdds: number;
  pitches: number;
  orders: number;
  units: number;
  flashUnits: number;
  /** Σ line amounts before coupons */
  revenueFen: Fen;
  returnedUnits: number;
}

export interface CommerceCounters {
  checkoutsSubmitted: number;
  /** retried checkouts answered with the order their key already made */
  checkoutReplays: number;
  rejected: Record<RejectReason, number>;
  /** what the payment-failed checkouts would have paid */
  paymentFailedFen: Fen;
  couponsIssued: number;
  couponClaims: number;
  couponsRedeemed: number;
  discountFen: Fen;
  returnedLines: number;
  refundFen: Fen;
  flashSalesStarted: number;
  outageToggles: number;
}

export interface CommerceState {
  readonly config: CommerceConfig;
  readonly catalog: Catalog;
  /** the latest virtual time seen; time never goes back */
  now: number;
  readonly skus: Map<string, SkuEntry>;
  readonly inventory: Inventory;
  readonly carts: Carts;
  readonly coupons: CouponBook;
  readonly flash: FlashSales;
  readonly orders: OrderBook;
  /** per-run ids for orders and coupons */
  readonly ids: IdAllocator;
  /** the outage switch of payment.outage messages (scripted windows come from config) */
  outageOn: boolean;
  /** distinct viewers at each funnel step commerce sees */
  readonly funnel: { viewed: Set<number>; carted: Set<number>; checkedOut: Set<number>; paid: Set<number> };
  readonly counters: CommerceCounters;
  /** purchases per SKU since the last social-proof announcement, and when the next one is due */
  readonly social: { pending: Map<string, number>; nextAt: number | undefined };
  /** ignored messages by `type:reason` */
  readonly ignored: Map<string, number>;
  ended: boolean;
}

export function createCommerceState(config: Partial<CommerceConfig> & { catalog: Catalog }): CommerceState {
  const cfg = resolveCommerceConfig(config);
  const skus = new Map<string, SkuEntry>();
  for (const sku of cfg.catalog.skus) {
    skus.set(sku.id, {
      sku,
      priceFen: toFen(sku.price),
      listPriceFen: toFen(sku.listPrice),
      costFen: toFen(sku.cost),
      views: 0,
      dwellMs: 0,
      cartAdds: 0,
      pitches: 0,
      orders: 0,
      units: 0,
      flashUnits: 0,
      revenueFen: 0,
      returnedUnits: 0,
    });
  }
  return {
    config: cfg,
    catalog: cfg.catalog,
    now: 0,
    skus,
    inventory: createInventory(cfg.catalog.skus.map((s) => [s.id, s.stock] as const)),
    carts: new Map(),
    coupons: new Map(),
    flash: createFlashSales(),
    orders: createOrderBook(),
    ids: new IdAllocator(),
    outageOn: false,
    funnel: { viewed: new Set(), carted: new Set(), checkedOut: new Set(), paid: new Set() },
    counters: {
      checkoutsSubmitted: 0,
      checkoutReplays: 0,
      rejected: { 'out-of-stock': 0, 'payment-failed': 0, 'empty-cart': 0, invalid: 0 },
      paymentFailedFen: 0,
      couponsIssued: 0,
      couponClaims: 0,
      couponsRedeemed: 0,
      discountFen: 0,
      returnedLines: 0,
      refundFen: 0,
      flashSalesStarted: 0,
      outageToggles: 0,
    },
    social: { pending: new Map(), nextAt: undefined },
    ignored: new Map(),
    ended: false,
  };
}

/** Is the payment provider down at `now` (switched off by a message, or inside a scripted window)? */
export function paymentDown(state: CommerceState, now: number): boolean {
  return state.outageOn || state.config.paymentOutages.some((o) => o.startMs <= now && now < o.endMs);
}

export function ignore(state: CommerceState, what: string): [] {
  state.ignored.set(what, (state.ignored.get(what) ?? 0) + 1);
  return [];
}
