// The report's detail (engine/result-detail.ts) from a finished run: curves, CDFs, the show's timeline,
// ground truth and alerts, prompts, SKU ranking. Deterministic (no wall-clock or worker figures).
import type * as mkt from '../../engine/marketing/index.ts';
import { Histogram, kaplanMeier, survivalAt, type Observation } from '../../engine/metrics/index.ts';
import * as mktValues from '../../engine/marketing/index.ts';
import type { Alert, Anomaly, Cdf, Coupons, PropensityBucket, QoeWatchBucket, ReportDetail, Segments, SkuHeat, SurvivalCurve, TimelineItem } from '../../engine/result-detail.ts';
import { formatClock, type Scenario } from '../../scenarios/schema/index.ts';
import type { StackHub } from './hub.ts';
import type { ViewerRecord } from './records.ts';
import { latencySeries } from './latency-series.ts';

const MIN = 60_000;
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** survival on a grid of watch times: every 15 s for 10 min, then every minute up to the show length */
function curve(rs: readonly ViewerRecord[], showMs: number): SurvivalCurve {
  const km = kaplanMeier(rs.map((r): Observation => ({ duration: r.watchedMs, left: r.left })));
  const tSec: number[] = [];
  for (let t = 0; t <= Math.min(600, showMs / 1000); t += 15) tSec.push(t);
  for (let t = 660; t <= showMs / 1000; t += 60) tSec.push(t);
  return { n: rs.length, tSec, survival: tSec.map((t) => round(survivalAt(km, t * 1000), 4)) };
}

function cdf(rs: readonly ViewerRecord[]): Cdf | undefined {
  const h = new Histogram();
  for (const r of rs) if (r.startupMs >= 0) h.record(r.startupMs);
  if (h.count === 0) return undefined;
  const p = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const ms = p.map((q) => h.percentile(q * 100));
  for (let i = 1; i < ms.length; i++) ms[i] = Math.max(ms[i]!, ms[i - 1]!);
  return { ms, p };
}

const WATCH_BUCKETS: [string, number, number][] = [['< 1 min', 0, MIN], ['1–5 min', MIN, 5 * MIN], ['5–15 min', 5 * MIN, 15 * MIN], ['15–30 min', 15 * MIN, 30 * MIN], ['≥ 30 min', 30 * MIN, Infinity]];

function qoeByWatch(rs: readonly ViewerRecord[]): QoeWatchBucket[] {
  return WATCH_BUCKETS.map(([label, lo, hi]) => {
    const b = rs.filter((r) => r.watchedMs >= lo && r.watchedMs < hi);
    let stall = 0, play = 0, bw = 0;
    const h = new Histogram();
    for (const r of b) {
      stall += r.stallMs;
      play += r.playMs;
      if (r.meanBitrateKbps >= 0) bw += r.meanBitrateKbps * r.playMs;
      if (r.startupMs >= 0) h.record(r.startupMs);
    }
    return { label, viewers: b.length, rebufferRatio: stall + play > 0 ? round(stall / (stall + play), 5) : 0, meanBitrateKbps: play > 0 ? round(bw / play) : 0, startupMsP50: h.percentile(50) };
  });
}

function timeline(hub: StackHub): TimelineItem[] {
  const name = (sku: string) => hub.catalog.byId.get(sku)?.name.en ?? sku;
  const items: TimelineItem[] = hub.show.timeline.segments.map((s) => ({ kind: 'segment', startMs: s.startMs, endMs: s.endMs, label: `${s.category}: ${name(s.sku)}`, sku: s.sku }));
  for (const p of hub.pitches) items.push({ kind: 'pitch', startMs: p.t, endMs: p.t, label: name(p.sku), sku: p.sku, ...(p.sku !== p.scripted ? { scripted: p.scripted } : {}) });
  for (const e of hub.show.timeline.events) {
    if (e.kind === 'qa') items.push({ kind: 'qa', startMs: e.at, endMs: e.at + e.durationMs, label: 'Q&A' });
  }
  // the sales as they ran: opened after their countdown, ended on time or sold out
  for (const f of hub.commerce.flash.all) items.push({ kind: 'flashSale', startMs: f.startedAt, endMs: f.endedAt ?? f.endsAt, label: `flash sale: ${name(f.sku)} ¥${f.priceFen / 100}`, sku: f.sku });
  for (const e of hub.scenario.network.events) {
    const who = `${e.share < 1 ? `${Math.round(e.share * 100)} % of ` : ''}${e.profiles.length > 0 ? e.profiles.join('/') : 'all'} viewers`;
    const long = e.type === 'handover' ? 0 : e.durationSeconds * 1000;
    items.push({ kind: 'network', startMs: e.at * MIN, endMs: e.at * MIN + long, label: `${e.type}: ${who}` });
  }
  return items.sort((a, b) => a.startMs - b.startMs);
}

/** §7: present viewers per real-time interest segment at each bin's end, and the moves between segments */
export function segmentsOf(hub: StackHub, bins: number): Segments | undefined {
  const seg = hub.marketing.segments;
  if (seg === null) return undefined;
  const names = hub.marketing.catalog.categories;
  const C = names.length;
  const pad = (row: readonly number[]) => Array.from({ length: bins }, (_, i) => row[i] ?? 0);
  const transitions = names.map((_, i) => Array.from(seg.transitions.subarray(i * C, (i + 1) * C)));
  // segments nobody was ever in, or moved into or out of, are left out (they only add empty rows)
  const keep = names.map((_, i) => seg.sizes[i]! > 0 || transitions[i]!.some((n) => n > 0) || transitions.some((row) => row[i]! > 0));
  const idx = names.map((_, i) => i).filter((i) => keep[i]);
  return {
    names: idx.map((i) => names[i]!),
    sizes: idx.map((i) => pad(hub.marketingSeries.sizes[i] ?? [])),
    transitions: idx.map((i) => idx.map((j) => transitions[i]![j]!)),
  };
}

const HEAT_SKUS = 15;

/**
 * §8: SKUs by their mean heat over the show (the engine's score sampled each bin; at the very end every
 * score has decayed, so the end-of-show ranking says little), with their card views, add-to-carts and
 * card dwell over the whole show.
 */
export function skuRankingOf(hub: StackHub, bins: number): NonNullable<ReportDetail['skuRanking']> {
  const cat = hub.marketing.catalog;
  const rows = hub.marketingSeries.heat.map((row, i) => ({ i, mean: bins > 0 ? Array.from({ length: bins }, (_, b) => row[b] ?? 0).reduce((a, b) => a + b, 0) / bins : 0 }));
  // SKUs nobody looked at sit at the score's floor: listing them would only pad the table
  const floor = Math.min(...rows.map((r) => r.mean));
  return rows
    .filter((r) => r.mean > 1.001 * floor || hub.series.skuTotals.has(cat.skus[r.i]!.sku))
    .sort((a, b) => b.mean - a.mean || a.i - b.i)
    .slice(0, 20)
    .map(({ i, mean }) => {
      const id = cat.skus[i]!.sku;
      const t = hub.series.skuTotals.get(id);
      return { sku: id, name: hub.catalog.byId.get(id)?.name.en ?? cat.skus[i]!.name, score: round(mean, 3), dwellSec: round((t?.dwellMs ?? 0) / 1000), views: t?.views ?? 0, carts: t?.carts ?? 0 };
    });
}

/** §8: the ranking score per SKU per bin, for the SKUs with the most heat over the show */
export function skuHeatOf(hub: StackHub, bins: number): SkuHeat | undefined {
  if (hub.marketing.heat === null) return undefined;
  const cat = hub.marketing.catalog;
  const rows = hub.marketingSeries.heat.map((row, i) => ({ i, row: Array.from({ length: bins }, (_, b) => round(row[b] ?? 0, 3)) }));
  const total = (r: number[]) => r.reduce((a, b) => a + b, 0);
  // every score has a floor (the cart-rate prior); SKUs that never rose well above it only add flat rows
  const floor = Math.min(...rows.map((r) => Math.min(...r.row)));
  const top = rows.filter((r) => total(r.row) > 0 && Math.max(...r.row) > 1.5 * floor).sort((a, b) => total(b.row) - total(a.row) || a.i - b.i).slice(0, HEAT_SKUS);
  return {
    skus: top.map(({ i }) => ({ id: cat.skus[i]!.sku, name: hub.catalog.byId.get(cat.skus[i]!.sku)?.name.en ?? cat.skus[i]!.name, category: cat.skus[i]!.category })),
    heat: top.map((r) => r.row),
  };
}

/**
 * §8: viewers bucketed by the engine's spending-propensity index (low / mid / high by its thresholds):
 * the index at the viewer's first checkout (what they did before buying), else at the end of the show.
 */
export function propensityOf(hub: StackHub, records: readonly ViewerRecord[]): PropensityBucket[] | undefined {
  const m = hub.marketing;
  if (m.profiles === null) return undefined;
  const p = m.config.propensity;
  const { low, high } = p.thresholds;
  const labels = [`low (< ${low})`, `mid (${low}–${high})`, `high (≥ ${high})`];
  const out = labels.map((label) => ({ label, viewers: 0, buyers: 0, orders: 0, gmv: 0, aov: 0 }));
  for (const r of records) {
    let index = hub.marketingSeries.propensityAtCheckout.get(r.id);
    if (index === undefined) {
      const slot = m.slots.find(r.id);
      index = slot >= 0 ? mktValues.viewerPropensity(m.profiles, slot, m.catalog, p) : mktValues.propensityIndex({ priceLevelSum: 0, priceLevelWeight: 0, orderValue: 0, orders: 0, carts: 0, checkouts: 0, giftValue: 0 }, m.catalog.medianPrice, p);
    }
    const b = out[mktValues.bucketOf(index, p)]!;
    b.viewers++;
    if (r.orders > 0) b.buyers++;
    b.orders += r.orders;
    b.gmv += r.spent;
  }
  return out.map((b) => ({ ...b, gmv: round(b.gmv, 2), aov: b.orders > 0 ? round(b.gmv / b.orders, 2) : 0 }));
}

/**
 * §8: coupons the marketing engine pushed to one viewer (targeting), issued and redeemed (an order was
 * confirmed with it), per segment (the category of the coupon's SKU) and per bin. A run without
 * targeting issues none: all zeros.
 */
export function couponsOf(hub: StackHub, bins: number): Coupons {
  const binOf = (t: number) => Math.min(bins - 1, Math.max(0, Math.floor(t / hub.series.binMs)));
  const issuedSeries = new Array<number>(bins).fill(0);
  const redeemedSeries = new Array<number>(bins).fill(0);
  const bySeg = new Map<string, { segment: string; issued: number; redeemed: number }>();
  const segOf = (sku: string | undefined) => {
    const i = sku === undefined ? undefined : hub.marketing.catalog.skuIndex.get(sku);
    const name = i === undefined ? '(any SKU)' : hub.marketing.catalog.categories[hub.marketing.catalog.categoryOfSku[i]!]!;
    let g = bySeg.get(name);
    if (!g) bySeg.set(name, (g = { segment: name, issued: 0, redeemed: 0 }));
    return g;
  };
  let issued = 0;
  for (const c of hub.commerce.coupons.values()) {
    if (c.to === 'all') continue;
    issued++;
    issuedSeries[binOf(c.issuedAt)]!++;
    segOf(c.sku).issued++;
  }
  let redeemed = 0;
  const seen = new Set<string>();
  for (const o of hub.series.couponOrders) {
    const c = hub.commerce.coupons.get(o.couponId);
    if (!c || c.to === 'all' || seen.has(c.id) || !c.redeemedBy.has(o.viewer)) continue;
    seen.add(c.id);
    redeemed++;
    redeemedSeries[binOf(o.t)]!++;
    segOf(c.sku).redeemed++;
  }
  const bySegment = [...bySeg.values()].sort((a, b) => b.issued - a.issued || a.segment.localeCompare(b.segment));
  return { issued, redeemed, bySegment, issuedSeries, redeemedSeries };
}

export function buildDetail(s: Scenario, hub: StackHub, records: readonly ViewerRecord[], ms: mkt.MarketingSummary, truth: readonly mkt.AnomalyInterval[], scenarioFile?: string): ReportDetail & { latencyToLiveMs?: number[] } {
  const showMs = hub.showEndMs;
  const profiles = s.network.mix.map((m) => m.profile);
  const segments = [...new Set(records.map((r) => r.segment))].sort();
  const graceMs = hub.marketing.config.alerts.graceMs;
  const matchOf = (a: { kind: string; at: number }) => truth.findIndex((t) => t.kind === a.kind && a.at >= t.start && a.at < t.end + graceMs);
  const anomalies: Anomaly[] = s.anomalies.map((a, i) => {
    const first = ms.alertList.filter((x) => matchOf(x) === i).map((x) => x.at).sort((x, y) => x - y)[0];
    return { id: `a${i + 1}`, kind: a.type, startMs: truth[i]!.start, endMs: truth[i]!.end, label: `${a.type} at ${formatClock(a.at)}`, detectedAtMs: first ?? null };
  });
  const alerts: Alert[] = ms.alertList.map((a) => {
    const i = matchOf(a);
    return { atMs: a.at, kind: a.kind, detector: a.detector, anomalyId: i >= 0 ? `a${i + 1}` : null };
  });
  const byNetwork: Record<string, Cdf> = {};
  profiles.forEach((p, i) => {
    const c = cdf(records.filter((r) => r.profile === i));
    if (c) byNetwork[p] = c;
  });
  const all = cdf(records);
  const bins = Math.ceil(showMs / hub.series.binMs);
  const latency = hub.viewerLatency ? latencySeries(hub.viewerLatency) : undefined;
  const interest = segmentsOf(hub, bins);
  const skuHeat = skuHeatOf(hub, bins);
  const propensity = propensityOf(hub, records);
  return {
    run: { ...(scenarioFile ? { scenarioFile } : {}), viewers: s.audience.size, durationMinutes: s.show.durationMinutes, startTimeOfDay: s.show.startTime },
    survival: {
      all: curve(records, showMs),
      byNetwork: Object.fromEntries(profiles.map((p, i) => [p, curve(records.filter((r) => r.profile === i), showMs)])),
      byPersona: Object.fromEntries(segments.map((seg) => [seg, curve(records.filter((r) => r.segment === seg), showMs)])),
    },
    startupCdf: { ...(all ? { all } : {}), byNetwork },
    qoeByWatch: qoeByWatch(records),
    timeline: timeline(hub),
    anomalies,
    alerts,
    // latency as in result.marketing.promptLatencyMs: from the comment that completed the cluster
    prompts: hub.prompts.map((p, i) => ({ atMs: Math.round(p.t), intent: p.intent, text: p.text, latencyMs: Math.round(hub.marketing.prompter?.latencies[i] ?? p.t - p.firstCommentAt), comments: p.viewers })),
    ...(hub.marketing.heat !== null ? { skuRanking: skuRankingOf(hub, bins) } : {}),
    cleaning: ms.cleaning,
    intents: ms.intents,
    ...(latency ? { latencyToLiveMs: latency.p50, latencyToLiveP95Ms: latency.p95 } : {}),
    ...(interest ? { segments: interest } : {}),
    ...(skuHeat ? { skuHeat } : {}),
    ...(propensity ? { propensity } : {}),
    coupons: couponsOf(hub, bins),
  };
}
