// Shared steps of ingesting behaviour into profiles: interest (and with it the segment), the prices a
// viewer looks at, and the propensity bucket (and with it the room's mix). Each is O(C) or O(1).
import { priceLevel } from './core/catalog.ts';
import { viewerBucket } from './propensity/propensity.ts';
import type { MarketingState } from './state.ts';

/** Adds interest in category c and re-evaluates the viewer's segment. */
export function addInterest(s: MarketingState, slot: number, c: number, amount: number, now: number): void {
  if (s.profiles === null || c < 0 || amount <= 0) return;
  s.profiles.interest.add(slot, c, amount, now);
  s.segments?.update(slot, now);
}

/** Interest in SKU i's category plus its price level seen with `weight` (1 view, 2 cart, 3 order). */
export function touchSku(s: MarketingState, slot: number, i: number, interest: number, priceWeight: number, now: number): void {
  if (s.profiles === null || i < 0) return;
  s.profiles.seePrice(slot, priceLevel(s.catalog, s.catalog.skus[i]!.price), priceWeight);
  addInterest(s, slot, s.catalog.categoryOfSku[i]!, interest, now);
}

/** Recomputes the viewer's propensity bucket (and the room's mix) after spending behaviour. */
export function refreshPropensity(s: MarketingState, slot: number): void {
  if (s.audience === null || s.profiles === null) return;
  s.audience.set(slot, viewerBucket(s.profiles, slot, s.catalog, s.config.propensity));
}

/** The SKU index of an id, -1 when unknown to the catalog. */
export function skuOf(s: MarketingState, sku: string): number {
  return s.catalog.skuIndex.get(sku) ?? -1;
}
