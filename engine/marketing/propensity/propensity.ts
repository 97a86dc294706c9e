// Spending propensity: an index in [0, 1] per viewer from what they did, not who they are.
//   index = wPrice·priceLevel + wSpend·spend + wFrequency·frequency + wIntent·intent
// priceLevel: where the SKUs they looked at, carted or bought sit between the catalog's cheapest and
//   dearest (log scale), shrunk towards 0.5 with one pseudo-observation so a newcomer starts mid;
// spend: 1 − exp(−order value / (2 × median price)); frequency: 1 − exp(−orders / 2);
// intent: 1 − exp(−(carts + 2·checkouts + gift value / 50) / 4).
// Bucketed low / mid / high by two thresholds. The weights are a design choice (no published model
// of live-room spending propensity was found); tests check the orderings they must produce.
// A viewer who has not looked at, carted, bought or gifted anything has no bucket (viewerBucket → -1):
// the index's prior (0.30, mid) says nothing about them, and counting every newcomer as a mid spender
// made the room's mix mostly "mid" whoever was in it. The platform's consumption-level tag, when the
// join carries one, is the first evidence (TAG_LEVEL). Without it the mix would follow what the host
// pitched (viewers look at what is pitched), so ordering pitches by it would only echo its own choice.
// Default thresholds 0.2 / 0.4 are the weighted price level's thirds (0.6 × 1/3, 0.6 × 2/3): a viewer
// who has not bought yet is bucketed by the third of the catalog's price range they engage with, and
// spending, frequency and intent lift them from there (0.25 / 0.5 left the lowest third of the
// mid tier "low" and "high" out of reach without purchases).
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

/**
 * The platform's consumption-level tag (room.join spendTier: 0 low, 1 mid, 2 high) as prior evidence of
 * the price level: the middle of that third of the catalog's log-price range, weighted as much as one
 * add-to-cart (2), so what the viewer then looks at, carts and buys moves it (a design choice).
 */
export const TAG_LEVEL = [1 / 6, 1 / 2, 5 / 6] as const;
export const TAG_WEIGHT = 2;

/** The viewer's bucket, or -1 while nothing they did reveals a price level (no evidence). */
export function viewerBucket(store: ProfileStore, slot: number, cat: CatalogIndex, p: PropensityParams): -1 | 0 | 1 | 2 {
  if (!(store.priceLevelWeight.a[slot]! > 0) && !(store.giftValue.a[slot]! > 0)) return -1;
  return bucketOf(viewerPropensity(store, slot, cat, p), p);
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
