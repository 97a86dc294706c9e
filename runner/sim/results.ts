// result.json from a finished run: viewer records (merged in id order), the hub's services and series.
// Everything here is a function of the canonical message order and the records, so it is identical
// whatever the number of workers; only `engine` carries wall-clock figures.
import { createHash } from 'node:crypto';
import * as commerce from '../../engine/commerce/index.ts';
import * as mkt from '../../engine/marketing/index.ts';
import * as room from '../../engine/room/index.ts';
import { Histogram, kaplanMeier, survivalAt, type Observation } from '../../engine/metrics/index.ts';
import { RESULT_SCHEMA_VERSION, type NetworkStats, type RunResult } from '../../engine/result.ts';
import { evaluateThresholds, printScenario, type Scenario } from '../../scenarios/schema/index.ts';
import { LIVELAB_VERSION } from '../version.ts';
import type { StackHub } from './hub.ts';
import type { ViewerRecord } from './records.ts';
import { buildDetail } from './detail.ts';

// rounded for a readable result.json; null/NaN (no data: e.g. no prompt was raised) becomes 0
const r3 = (x: number | null) => (x !== null && Number.isFinite(x) ? Math.round(x * 1000) / 1000 : 0);
const r1 = (x: number | null) => (x !== null && Number.isFinite(x) ? Math.round(x * 10) / 10 : 0);

export interface EngineFigures {
  events: number;
  wallMs: number;
  workers: number;
  peakRssMb?: number;
}

export function scenarioHash(s: Scenario): string {
  return createHash('sha256').update(printScenario(s)).digest('hex').slice(0, 16);
}

function qoeOf(records: readonly ViewerRecord[]) {
  const startup = new Histogram();
  const latency = new Histogram();
  let stall = 0, play = 0, bitrateW = 0;
  for (const r of records) {
    if (r.startupMs >= 0) startup.record(r.startupMs);
    if (r.latencyMeanMs >= 0) latency.record(r.latencyMeanMs);
    stall += r.stallMs;
    play += r.playMs;
    if (r.meanBitrateKbps >= 0) bitrateW += r.meanBitrateKbps * r.playMs;
  }
  return { startup, latency, rebufferRatio: stall + play > 0 ? stall / (stall + play) : 0, meanBitrateKbps: play > 0 ? bitrateW / play : 0 };
}

const observations = (rs: readonly ViewerRecord[]): Observation[] => rs.map((r) => ({ duration: r.watchedMs, left: r.left }));

export function buildResult(s: Scenario, variant: string | undefined, hub: StackHub, records: ViewerRecord[], engine: EngineFigures, scenarioFile?: string): RunResult {
  records.sort((a, b) => a.id - b.id);
  const profiles = s.network.mix.map((m) => m.profile);
  const arrived = records.length;
  const km = kaplanMeier(observations(records));
  const q = qoeOf(records);
  const byNetwork: Record<string, NetworkStats> = {};
  profiles.forEach((name, i) => {
    const rs = records.filter((r) => r.profile === i);
    const qq = qoeOf(rs);
    byNetwork[name] = {
      viewers: rs.length,
      startupMs: { p50: r1(qq.startup.percentile(50)) },
      rebufferRatio: r3(qq.rebufferRatio * 1000) / 1000,
      meanWatchSeconds: r1(rs.reduce((a, r) => a + r.watchedMs, 0) / Math.max(1, rs.length) / 1000),
      meanBitrateKbps: r1(qq.meanBitrateKbps),
      abandonedStartup: rs.filter((r) => r.reason === 'startup').length,
    };
  });
  const cs = commerce.summary(hub.commerce);
  const rs = room.summary(hub.room);
  const ms = mkt.summary(hub.marketing, groundTruth(s));
  const [entered, productViewed, addedToCart, checkedOut, paid] = hub.series.funnelViewers();
  const wallMs = Math.max(1, engine.wallMs);
  const bins = Math.ceil(hub.showEndMs / hub.series.binMs);
  const changes = hub.series.arrivals;
  const result: RunResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    livelabVersion: LIVELAB_VERSION,
    scenario: { name: s.name, hash: scenarioHash(s), ...(s.description ? { description: s.description.trim() } : {}), ...(variant ? { variant } : {}) },
    seed: s.seed,
    digest: hub.digest.hex(),
    viewers: {
      arrived,
      peakConcurrent: rs.peakConcurrent,
      meanWatchSeconds: r1(records.reduce((a, r) => a + r.watchedMs, 0) / Math.max(1, arrived) / 1000),
      retention: { '60': r3(survivalAt(km, 60_000)), '300': r3(survivalAt(km, 300_000)), '1800': r3(survivalAt(km, 1_800_000)) },
      abandonedStartup: records.filter((r) => r.reason === 'startup').length,
    },
    qoe: {
      startupMs: { p50: r1(q.startup.percentile(50)), p95: r1(q.startup.percentile(95)) },
      rebufferRatio: r3(q.rebufferRatio * 1000) / 1000,
      meanBitrateKbps: r1(q.meanBitrateKbps),
      latencyToLiveMs: { p50: r1(q.latency.percentile(50)), p95: r1(q.latency.percentile(95)) },
      byNetwork,
    },
    commerce: {
      orders: cs.orders,
      gmv: r1(cs.gmv * 10) / 10,
      aov: r1(cs.aov * 10) / 10,
      conversionRate: r3(commerce.conversionRate(cs, arrived) * 1000) / 1000,
      returnRate: r3(cs.returnRate * 1000) / 1000,
      crossSellRate: r3(cs.crossSellRate * 1000) / 1000,
      rejected: { outOfStock: cs.checkouts.rejected['out-of-stock'], paymentFailed: cs.checkouts.rejected['payment-failed'] },
    },
    funnel: { entered, productViewed, addedToCart, checkedOut, paid },
    marketing: {
      prompts: ms.prompts,
      promptLatencyMs: { p50: r1(ms.promptLatencyMs.p50), p99: r1(ms.promptLatencyMs.p99) },
      segmentMoves: ms.segmentMoves,
      targetingLatencyMs: { p50: r1(ms.targetingLatencyMs.p50), p99: r1(ms.targetingLatencyMs.p99) },
      alerts: ms.alerts,
      alertPrecision: ms.alertPrecision === null ? null : r3(ms.alertPrecision),
      alertRecall: ms.alertRecall === null ? null : r3(ms.alertRecall),
      ...(ms.meanTimeToDetectMs !== null ? { meanTimeToDetectMs: r1(ms.meanTimeToDetectMs) } : {}),
    },
    engine: {
      events: engine.events,
      wallMs: Math.round(wallMs),
      eventsPerSecond: Math.round(engine.events / (wallMs / 1000)),
      workers: engine.workers,
      promptComputeMs: { p50: r3(hub.promptComputeMs.percentile(50)), p99: r3(hub.promptComputeMs.percentile(99)) },
      commentComputeMs: { p50: r3(hub.commentComputeMs.percentile(50)), p99: r3(hub.commentComputeMs.percentile(99)) },
      ...(engine.peakRssMb !== undefined ? { peakRssMb: engine.peakRssMb } : {}),
    },
    detail: {
      binMs: hub.series.binMs,
      concurrent: concurrency(changes.toArray(bins), hub.series.departures.toArray(bins)),
      arrivals: changes.toArray(bins),
      departures: hub.series.departures.toArray(bins),
      funnel: {
        entered: hub.series.entered.toArray(bins),
        productViewed: hub.series.productViewed.toArray(bins),
        addedToCart: hub.series.addedToCart.toArray(bins),
        checkedOut: hub.series.checkedOut.toArray(bins),
        paid: hub.series.paid.toArray(bins),
      },
      gmv: hub.series.gmv.toArray(bins).map((x) => r1(x)),
      comments: hub.series.comments.toArray(bins),
      ...buildDetail(s, hub, records, ms, groundTruth(s), scenarioFile),
    },
  };
  result.thresholds = evaluateThresholds(result, s.thresholds).map((row) => ({ expression: `${row.metric} ${row.op} ${row.limit}`, actual: row.actual ?? null, pass: row.pass }));
  return result;
}

/** viewers in the room at the end of each bin */
function concurrency(arrivals: number[], departures: number[]): number[] {
  let level = 0;
  return arrivals.map((a, i) => (level += a - (departures[i] ?? 0)));
}

export function groundTruth(s: Scenario): mkt.AnomalyInterval[] {
  return s.anomalies.map((a) => ({
    kind: a.type === 'bounce-burst' ? 'bounce-burst' : a.type === 'payment-outage' ? 'conversion-drop' : 'cart-collapse',
    start: a.at * 60_000,
    end: a.at * 60_000 + a.durationSeconds * 1000,
  }));
}
