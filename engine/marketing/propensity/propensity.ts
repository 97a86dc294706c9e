// Spending propensity: an index in [0, 1] per viewer from what they did, not who they are.
//   index = wPrice·priceLevel + wSpend·spend + wFrequency·frequency + wIntent·intent
// priceLevel: where the SKUs they looked at, carted or bought sit between the catalog's cheapest and
//   dearest (log scale), shrunk towards 0.5 with one pseudo-observation so a newcomer starts mid;
// spend: 1 − exp(−order value / (2 × median price)); frequency: 1 − exp(−orders / 2);
// intent: 1 − exp(−(carts + 2·checkouts + gift value / 50) / 4).
// Bucketed low / mid / high by two thresholds. The weights are a design choice (no published model
// of live-room spending propensity was found); tests check the orderings they must produce.
import type { CatalogIndex } from '../core/catalog.ts';
import type { ProfileStore } from '../profiles/profile-store.ts';

export interface PropensityParams {
  enabled: boolean;
  weights: { price: number; spend: number; frequency: number; intent: number };
  /** index < low → 'low'; < high → 'mid'; else 'high' */
  thresholds: { low: number; high: number };
}

export const PROPENSITY_BUCKETS = ['low', 'mid', 'high'] as const;
export type PropensityBucket = (typeof PROPENSITY_BUCKETS)[number];

/** The raw inputs, so the formula can be tested without a store. */
export interface PropensityInputs {
  priceLevelSum: number;
  priceLevelWeight: number;
  orderValue: number;
  orders: number;
  carts: number;
  checkouts: number;
  giftValue: number;
}

export function propensityIndex(x: PropensityInputs, medianPrice: number, p: PropensityParams): number {
  const w = p.weights;
  const level = (x.priceLevelSum + 0.5) / (x.priceLevelWeight + 1);
  const spend = 1 - Math.exp(-x.orderValue / (2 * medianPrice));
  const frequency = 1 - Math.exp(-x.orders / 2);
  const intent = 1 - Math.exp(-(x.carts + 2 * x.checkouts + x.giftValue / 50) / 4);
  const total = w.price + w.spend + w.frequency + w.intent;
  return (w.price * level + w.spend * spend + w.frequency * frequency + w.intent * intent) / total;
}

/** 0 low, 1 mid, 2 high */
export function bucketOf(index: number, p: PropensityParams): 0 | 1 | 2 {
  return index < p.thresholds.low ? 0 : index < p.thresholds.high ? 1 : 2;
}

export function viewerPropensity(store: ProfileStore, slot: number, cat: CatalogIndex, p: PropensityParams): number {
  return propensityIndex(
    {
      priceLevelSum: store.priceLevelSum.a[slot]!,
      priceLevelWeight: store.priceLevelWeight.a[slot]!,
      orderValue: store.orderValue.a[slot]!,
      orders: store.count(slot, 'orders'),
      carts: store.count(slot, 'carts'),
      checkouts: store.count(slot, 'checkouts'),
      giftValue: store.giftValue.a[slot]!,
    },
    cat.medianPrice,
    p,
  );
}
