// What the engine advises the host's show timeline, from the tools that are switched on: the order of
// the next pitches (propensity mix of the room, time of day, SKU heat), the flash-sale countdown length
// (time of day, or the fixed one), and the SKU to spend time on now (the hottest). With every ordering
// tool off the order is the script's: the baseline's fixed script. When several tools order, each
// gives every SKU its rank and the sum of ranks decides (ties: script order).
import type { CatalogSku } from './core/catalog.ts';
import { promoTiming, type DayPart } from './promo/promo-timing.ts';
import { orderPitches } from './propensity/pitch-order.ts';
import type { MarketingState } from './state.ts';

export interface Advice {
  /** SKU ids, next pitch first */
  skuOrder: string[];
  countdownMs: number;
  dayPart: DayPart;
  /** the hottest SKU when SKU heat is on */
  focusSku: string | undefined;
  /** present viewers per propensity bucket when propensity is on */
  audienceMix: { low: number; mid: number; high: number } | undefined;
  /** which tools shaped the order */
  orderedBy: ('propensity' | 'promo' | 'heat')[];
}

/** `script`: the planned SKU order (default: catalog order); unknown SKUs in it are dropped. */
export function advise(s: MarketingState, now: number, script?: readonly string[]): Advice {
  const skus: CatalogSku[] = (script ?? s.catalog.skus.map((k) => k.sku)).flatMap((id) => {
    const i = s.catalog.skuIndex.get(id);
    return i === undefined ? [] : [s.catalog.skus[i]!];
  });
  const plan = promoTiming(s.showStartOfDayMs, now, skus, s.config.promo);
  const orders: string[][] = [];
  const orderedBy: Advice['orderedBy'] = [];
  let audienceMix: Advice['audienceMix'];
  if (s.audience !== null) {
    const [low, mid, high] = s.audience.counts as [number, number, number];
    audienceMix = { low, mid, high };
    if (low + mid + high > 0) {
      orders.push(orderPitches([low, mid, high], skus));
      orderedBy.push('propensity');
    }
  }
  if (s.config.promo.enabled) {
    orders.push(plan.skuOrder);
    orderedBy.push('promo');
  }
  let focusSku: string | undefined;
  if (s.heat !== null) {
    const allowed = new Set(skus.map((k) => k.sku));
    const ranking = s.heat.ranking(now).filter((e) => allowed.has(e.sku));
    focusSku = ranking[0]?.sku;
    orders.push(ranking.map((e) => e.sku));
    orderedBy.push('heat');
  }
  const rankSum = new Map<string, number>(skus.map((k) => [k.sku, 0]));
  for (const o of orders) o.forEach((id, r) => rankSum.set(id, rankSum.get(id)! + r));
  const skuOrder = skus.map((k, i) => ({ id: k.sku, i })).sort((a, b) => rankSum.get(a.id)! - rankSum.get(b.id)! || a.i - b.i);
  return { skuOrder: skuOrder.map((x) => x.id), countdownMs: plan.countdownMs, dayPart: plan.dayPart, focusSku, audienceMix, orderedBy };
}
