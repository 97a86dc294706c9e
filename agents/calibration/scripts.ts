// Scripted worlds for the experiments: what the media model and the stack would send one viewer.
import type { TimedEvent } from './harness.ts';

/** playback starts after `startupMs`; then stalls of `stallMs` every `everyMs` of playback until `until` */
export function mediaScript(startupMs: number, until: number, stallMs = 0, everyMs = Infinity, firstStallAt = everyMs): TimedEvent[] {
  const out: TimedEvent[] = [{ at: startupMs, event: { type: 'playback.started', startupMs } }];
  if (stallMs <= 0 || !Number.isFinite(everyMs)) return out;
  for (let t = startupMs + firstStallAt; t < until; t += everyMs + stallMs) {
    out.push({ at: t, event: { type: 'stall.started' } }, { at: t + stallMs, event: { type: 'stall.ended', stallMs } });
  }
  return out;
}

export interface ShowSku {
  sku: string;
  category: string;
  subcategory?: string;
  price: number;
  listPrice: number;
  stock: number;
}

/** a show: one SKU per segment, pitched at its start and again halfway (times from the viewer's arrival) */
export function showScript(skus: readonly ShowSku[], segmentMs: number, until: number, offset = 0): TimedEvent[] {
  const out: TimedEvent[] = [];
  for (let k = 0, t = offset; t < until; k++, t += segmentMs) {
    const s = skus[k % skus.length]!;
    const sub = s.subcategory === undefined ? {} : { subcategory: s.subcategory };
    out.push({ at: t, event: { type: 'show.segment', sku: s.sku, category: s.category, ...sub } });
    for (const at of [t + 1000, t + segmentMs / 2]) {
      out.push({ at, event: { type: 'product.pitched', sku: s.sku, category: s.category, price: s.price, listPrice: s.listPrice, stockLeft: s.stock, ...sub } });
    }
  }
  return out;
}

export const SAMPLE_SKUS: readonly ShowSku[] = [
  { sku: 'sku-01', category: 'beauty', subcategory: 'lipstick', price: 128, listPrice: 139, stock: 500 },
  { sku: 'sku-02', category: 'apparel', subcategory: 'dress', price: 239, listPrice: 259, stock: 300 },
  { sku: 'sku-03', category: 'food', subcategory: 'snacks', price: 45, listPrice: 49, stock: 800 },
  { sku: 'sku-04', category: 'beauty', subcategory: 'serum', price: 299, listPrice: 329, stock: 200 },
  { sku: 'sku-05', category: 'apparel', subcategory: 'top', price: 89, listPrice: 99, stock: 400 },
  { sku: 'sku-06', category: 'food', subcategory: 'nuts', price: 69, listPrice: 79, stock: 600 },
];
