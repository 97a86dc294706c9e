// The host's script, from the scenario's timeline (categories or SKUs, minutes) to the room's
// ShowTimeline (SKUs, ms). A category resolves to its SKUs in catalog order: segments take the first,
// pitches cycle through the segment's SKUs (the fixed script a baseline host follows; strategies may
// re-order at pitch time, see hub.ts). An empty timeline scripts equal segments over the catalog.
import type { Catalog } from '../../../engine/commerce/index.ts';
import { createTimeline, type ScriptedEvent, type ShowTimeline, type TimelineSegment } from '../../../engine/room/index.ts';
import type { Scenario } from '../../../scenarios/schema/index.ts';
import { skusOf } from './catalog.ts';

const MIN = 60_000;

export interface ScriptedShow {
  timeline: ShowTimeline;
  /** flash sales whose countdown the strategy decides (no countdownSeconds in the script): their `at`s */
  strategyCountdowns: Set<number>;
  /** the scripted countdowns (countdownSeconds given), by the flash sale's `at`, ms */
  countdowns: Map<number, number>;
  /** Q&A blocks for the report: [startMs, endMs, topic] */
  qa: { startMs: number; endMs: number; topic: string }[];
}

export function buildShow(s: Scenario, catalog: Catalog): ScriptedShow {
  const durationMs = s.show.durationMinutes * MIN;
  const entries = s.show.timeline;
  const segments: TimelineSegment[] = [];
  const events: ScriptedEvent[] = [];
  const strategyCountdowns = new Set<number>();
  const countdowns = new Map<number, number>();
  const qa: ScriptedShow['qa'] = [];
  const pick = (sku: string | undefined, category: string | undefined, n: number): string | undefined => {
    if (sku !== undefined) return sku;
    const list = category !== undefined ? skusOf(catalog, category) : [];
    return list.length > 0 ? list[n % list.length] : undefined;
  };
  if (entries.length === 0) {
    const per = durationMs / Math.max(1, Math.min(catalog.skus.length, 12));
    catalog.skus.slice(0, 12).forEach((k, i) => {
      segments.push({ sku: k.id, category: k.subcategory, startMs: i * per, endMs: (i + 1) * per });
      events.push({ at: i * per + 60_000, kind: 'pitch', sku: k.id });
    });
    return { timeline: createTimeline({ durationMs, segments, events }), strategyCountdowns, countdowns, qa };
  }
  const segEntries = entries.filter((e) => e.type === 'segment');
  let current: { category: string; pitches: number } | null = null;
  for (const e of entries) {
    const at = e.at * MIN;
    if (at >= durationMs) break; // a shorter run (--duration) cuts the script
    if (e.type === 'segment') {
      const next = segEntries[segEntries.indexOf(e) + 1];
      const endMs = Math.min(durationMs, e.durationMinutes !== undefined ? at + e.durationMinutes * MIN : next ? next.at * MIN : durationMs);
      const sku = pick(e.sku, e.category, 0);
      if (sku !== undefined) segments.push({ sku, category: e.category, startMs: at, endMs });
      current = { category: e.category, pitches: 0 };
    } else if (e.type === 'pitch') {
      const category = e.category ?? current?.category;
      const sku = pick(e.sku, category, current && category === current.category ? current.pitches++ : 0);
      if (sku !== undefined) events.push({ at, kind: 'pitch', sku });
    } else if (e.type === 'flashsale') {
      const category = e.category ?? current?.category;
      const sku = pick(e.sku, category, 0);
      if (sku === undefined) continue;
      const live = catalog.byId.get(sku)!.price;
      const price = e.price ?? Math.round(live * (1 - (e.discount ?? 0.2)) * 100) / 100;
      // the host starts the countdown at `at`; the sale opens when it ends and stays open durationMinutes
      // (docs/scenario-reference.md). The event carries the sale's own length; the hub holds the sale back
      // for the countdown (the scripted one, or the strategy's when countdownSeconds is left out).
      if (e.countdownSeconds === undefined) strategyCountdowns.add(at);
      else countdowns.set(at, e.countdownSeconds * 1000);
      events.push({ at, kind: 'flashsale', sku, price, stock: e.stock, durationMs: e.durationMinutes * MIN });
    } else {
      events.push({ at, kind: 'qa', durationMs: e.durationMinutes * MIN });
      qa.push({ startMs: at, endMs: at + e.durationMinutes * MIN, topic: e.topic ?? '' });
    }
  }
  return { timeline: createTimeline({ durationMs, segments, events: events.filter((x) => x.at < durationMs) }), strategyCountdowns, countdowns, qa };
}
