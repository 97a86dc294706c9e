// A default show script from a product list: equal SKU segments in list order (cycling if the show is
// longer than the list), a pitch at each segment start and then every `pitchEveryMs`, a flash sale in
// every `flashEvery`-th segment, and a Q&A block at the end of each segment. The baseline strategy's
// fixed script; the defaults are assumptions (no published figure), chosen to look like a typical show.
import { createTimeline } from './create.ts';
import type { ScriptedEvent, ShowTimeline, TimelineSegment } from './types.ts';

export interface ScriptProduct {
  sku: string;
  category: string;
  /** the live price; a flash sale takes `flashDiscount` off it */
  price: number;
}

export interface ScriptOptions {
  durationMs: number;
  segmentMs?: number;
  pitchEveryMs?: number;
  /** a flash sale in segments 0, k, 2k, … (0: none) */
  flashEvery?: number;
  flashDiscount?: number;
  flashStock?: number;
  flashDurationMs?: number;
  qaMs?: number;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function scriptShow(products: readonly ScriptProduct[], o: ScriptOptions): ShowTimeline {
  const segmentMs = o.segmentMs ?? 10 * 60_000;
  const pitchEveryMs = o.pitchEveryMs ?? 3 * 60_000;
  const flashEvery = o.flashEvery ?? 3;
  const flashDurationMs = o.flashDurationMs ?? 60_000;
  const qaMs = Math.min(o.qaMs ?? 60_000, segmentMs / 4);
  const segments: TimelineSegment[] = [];
  const events: ScriptedEvent[] = [];
  if (products.length > 0) {
    for (let i = 0, start = 0; start < o.durationMs; i++, start += segmentMs) {
      const p = products[i % products.length]!;
      const end = Math.min(start + segmentMs, o.durationMs);
      segments.push({ sku: p.sku, category: p.category, startMs: start, endMs: end });
      for (let t = start; t < end - qaMs; t += pitchEveryMs) events.push({ at: t, kind: 'pitch', sku: p.sku });
      const flashAt = start + Math.floor((end - start) / 2);
      if (flashEvery > 0 && i % flashEvery === 0 && flashAt + flashDurationMs <= end) {
        const price = Math.max(0.01, round2(p.price * (1 - (o.flashDiscount ?? 0.2))));
        events.push({ at: flashAt, kind: 'flashsale', sku: p.sku, price, stock: o.flashStock ?? 100, durationMs: flashDurationMs });
      }
      if (end - qaMs > start) events.push({ at: end - qaMs, kind: 'qa', durationMs: qaMs });
    }
  }
  return createTimeline({ durationMs: o.durationMs, segments, events });
}
