// Targeting on a segment move: push the viewer a product card or a coupon for a SKU of their new
// segment. The SKU is the one whose price tier is closest to the viewer's propensity bucket (mid when
// unknown), then the hottest, then catalog order. The push is a card, a coupon, or by propensity (a
// coupon to low and mid spenders, whom a discount moves; a card to high spenders, who need no discount).
// A viewer gets at most one push per `minGapMs`; moves inside the gap are counted as suppressed.
import type { ControlMsg, ViewerDown } from '../../protocol.ts';
import type { CatalogIndex } from '../core/catalog.ts';

export interface TargetingParams {
  enabled: boolean;
  push: 'card' | 'coupon' | 'by-propensity';
  minGapMs: number;
  /** coupon value as a share of the SKU price */
  couponRate: number;
  couponTtlMs: number;
}

/** Picks the SKU of category `c` for a viewer in propensity bucket `bucket` (0..2, -1 unknown). */
export function pickSku(cat: CatalogIndex, c: number, bucket: number, heat: ((sku: number) => number) | undefined): number {
  const want = bucket < 0 ? 1 : bucket;
  let best = -1;
  let bestGap = Infinity;
  let bestHeat = -Infinity;
  for (const i of cat.skusByCategory[c] ?? []) {
    const gap = Math.abs(cat.tierOfSku[i]! - want);
    const h = heat === undefined ? 0 : heat(i);
    if (gap < bestGap || (gap === bestGap && h > bestHeat)) {
      best = i;
      bestGap = gap;
      bestHeat = h;
    }
  }
  return best;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The push for a viewer: a product card (straight to them) or a coupon (issued through commerce). */
export function targetedPush(cat: CatalogIndex, i: number, viewer: number, bucket: number, p: TargetingParams): { to: number; msg: ViewerDown } | { to: 'commerce'; msg: ControlMsg } {
  const s = cat.skus[i]!;
  const coupon = p.push === 'coupon' || (p.push === 'by-propensity' && bucket < 2);
  if (coupon) return { to: 'commerce', msg: { type: 'coupon.issue', to: viewer, sku: s.sku, discount: round2(s.price * p.couponRate), minSpend: s.price, ttlMs: p.couponTtlMs } };
  const card: ViewerDown =
    s.parentCategory === undefined
      ? { type: 'product.card', sku: s.sku, category: s.category, price: s.price, reason: 'targeted' }
      : { type: 'product.card', sku: s.sku, category: s.parentCategory, subcategory: s.category, price: s.price, reason: 'targeted' };
  return { to: viewer, msg: card };
}
