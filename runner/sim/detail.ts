// The report's detail (engine/result-detail.ts) from a finished run: curves, CDFs, the show's timeline,
// ground truth and alerts, prompts, SKU ranking. Deterministic (no wall-clock or worker figures).
import type * as mkt from '../../engine/marketing/index.ts';
import { Histogram, kaplanMeier, survivalAt, type Observation } from '../../engine/metrics/index.ts';
import type { Alert, Anomaly, Cdf, QoeWatchBucket, ReportDetail, SurvivalCurve, TimelineItem } from '../../engine/result-detail.ts';
import { formatClock, type Scenario } from '../../scenarios/schema/index.ts';
import type { StackHub } from './hub.ts';
import type { ViewerRecord } from './records.ts';

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
    if (e.kind === 'flashsale') items.push({ kind: 'flashSale', startMs: e.at, endMs: e.at + e.durationMs, label: `flash sale: ${name(e.sku)} ¥${e.price}`, sku: e.sku });
    if (e.kind === 'qa') items.push({ kind: 'qa', startMs: e.at, endMs: e.at + e.durationMs, label: 'Q&A' });
  }
  return items.sort((a, b) => a.startMs - b.startMs);
}

export function buildDetail(s: Scenario, hub: StackHub, records: readonly ViewerRecord[], ms: mkt.MarketingSummary, truth: readonly mkt.AnomalyInterval[], scenarioFile?: string): ReportDetail {
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
    prompts: hub.prompts.map((p) => ({ atMs: Math.round(p.t), intent: p.intent, text: p.text, latencyMs: Math.round(p.t - p.firstCommentAt), comments: p.viewers })),
    skuRanking: ms.skuHeat.slice(0, 20).map((h) => ({ sku: h.sku, name: hub.catalog.byId.get(h.sku)?.name.en ?? h.sku, score: round(h.score, 3), mentions: h.mentions, dwellSec: round(h.dwellSec), views: h.views, carts: h.carts })),
    cleaning: ms.cleaning,
    intents: ms.intents,
  };
}
