// Commerce metrics: orders, GMV, AOV, funnel inputs, return and cross-sell rates, coupons, flash sales,
// payment failures, and per-SKU sales. Money in yuan (two decimals), rates as fractions.
import { toYuan } from './money.ts';
import type { CommerceState, RejectReason } from './state.ts';

export interface SkuSales {
  sku: string;
  category: string;
  views: number;
  dwellMs: number;
  cartAdds: number;
  pitches: number;
  orders: number;
  units: number;
  flashUnits: number;
  /** Σ line amounts before coupons, yuan */
  revenue: number;
  returnedUnits: number;
  stockLeft: number;
  restocked: number;
}

export interface CommerceSummary {
  orders: number;
  /** Σ order totals (what buyers paid), yuan */
  gmv: number;
  /** gmv / orders */
  aov: number;
  units: number;
  buyers: number;
  /** distinct viewers at each step commerce sees; `entered` comes from the room */
  funnel: { productViewed: number; addedToCart: number; checkedOut: number; paid: number };
  checkouts: { submitted: number; replays: number; rejected: Record<RejectReason, number>; paymentFailedValue: number };
  /** returned units / sold units */
  returnRate: number;
  /** orders with at least one returned line / orders */
  returnOrderRate: number;
  returnRateByCategory: Record<string, number>;
  refunds: number;
  /** gmv − refunds */
  netGmv: number;
  /** Σ (line amounts − cost) over kept lines, minus coupon discounts on them, yuan */
  grossProfit: number;
  /** orders with ≥ 2 distinct SKUs / orders */
  crossSellRate: number;
  coupons: { issued: number; claims: number; redeemed: number; discount: number };
  flashSales: { started: number; soldOut: number; units: number };
  payment: { failures: number; outageToggles: number };
  perSku: SkuSales[];
  ignored: Record<string, number>;
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** paid viewers / viewers who entered the room (the room's `arrived`) */
export function conversionRate(s: CommerceSummary, entered: number): number {
  return ratio(s.funnel.paid, entered);
}

export function summary(state: CommerceState): CommerceSummary {
  let gmvFen = 0;
  let units = 0;
  let multiSku = 0;
  let ordersWithReturn = 0;
  let profitFen = 0;
  const soldBy = new Map<string, number>();
  const returnedBy = new Map<string, number>();
  for (const o of state.orders.list) {
    gmvFen += o.totalFen;
    if (o.lines.length >= 2) multiSku++;
    let anyReturn = false;
    for (const l of o.lines) {
      units += l.qty;
      const cat = state.skus.get(l.sku)!.sku.category;
      soldBy.set(cat, (soldBy.get(cat) ?? 0) + l.qty);
      if (l.returnedAt !== undefined) {
        anyReturn = true;
        returnedBy.set(cat, (returnedBy.get(cat) ?? 0) + l.qty);
      } else {
        profitFen += l.refundFen - l.costFen;
      }
    }
    if (anyReturn) ordersWithReturn++;
  }
  const orders = state.orders.list.length;
  const returnedUnits = [...returnedBy.values()].reduce((a, b) => a + b, 0);
  const flash = state.flash.all;
  return {
    orders,
    gmv: toYuan(gmvFen),
    aov: ratio(toYuan(gmvFen), orders),
    units,
    buyers: state.funnel.paid.size,
    funnel: {
      productViewed: state.funnel.viewed.size,
      addedToCart: state.funnel.carted.size,
      checkedOut: state.funnel.checkedOut.size,
      paid: state.funnel.paid.size,
    },
    checkouts: {
      submitted: state.counters.checkoutsSubmitted,
      replays: state.counters.checkoutReplays,
      rejected: { ...state.counters.rejected },
      paymentFailedValue: toYuan(state.counters.paymentFailedFen),
    },
    returnRate: ratio(returnedUnits, units),
    returnOrderRate: ratio(ordersWithReturn, orders),
    returnRateByCategory: Object.fromEntries([...soldBy].map(([c, n]) => [c, ratio(returnedBy.get(c) ?? 0, n)])),
    refunds: toYuan(state.counters.refundFen),
    netGmv: toYuan(gmvFen - state.counters.refundFen),
    grossProfit: toYuan(profitFen),
    crossSellRate: ratio(multiSku, orders),
    coupons: {
      issued: state.counters.couponsIssued,
      claims: state.counters.couponClaims,
      redeemed: state.counters.couponsRedeemed,
      discount: toYuan(state.counters.discountFen),
    },
    flashSales: {
      started: flash.length,
      soldOut: flash.filter((s) => s.endReason === 'sold-out').length,
      units: flash.reduce((a, s) => a + s.stock - s.left, 0),
    },
    payment: { failures: state.counters.rejected['payment-failed'], outageToggles: state.counters.outageToggles },
    perSku: [...state.skus.values()].map((e) => {
      const inv = state.inventory.get(e.sku.id)!;
      return {
        sku: e.sku.id,
        category: e.sku.category,
        views: e.views,
        dwellMs: e.dwellMs,
        cartAdds: e.cartAdds,
        pitches: e.pitches,
        orders: e.orders,
        units: e.units,
        flashUnits: e.flashUnits,
        revenue: toYuan(e.revenueFen),
        returnedUnits: e.returnedUnits,
        stockLeft: inv.available,
        restocked: inv.restocked,
      };
    }),
    ignored: Object.fromEntries(state.ignored),
  };
}
