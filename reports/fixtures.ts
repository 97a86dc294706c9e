// Deterministic fixture results for tests, the benchmark and trying the report by hand: a full
// RunResult with every detail field the report reads (shaped like a 2-hour evening beauty show), a
// minimal one with no detail, and a comparison. Detail size depends on the show length, never on the
// number of viewers (the runtime resamples the same way).
import type { RunResult } from '../engine/result.ts';
import type { ComparisonResult, ReportDetail, SurvivalCurve } from '../engine/result-detail.ts';
import { fixtureMarketing } from './fixtures-marketing.ts';

/** mulberry32: a tiny seeded generator, enough for fixture noise */
export function fixtureRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FixtureOptions {
  viewers?: number;
  minutes?: number;
  seed?: number;
  /** put script/img injections into danmaku, prompt texts, SKU names and the description */
  xss?: boolean;
}

export const XSS_SCRIPT = '<script>window.__pwned=1</script>';
export const XSS_IMG = '<img src=x onerror="window.__pwned=2">';

const NETWORKS = { wifi: 0.35, '4g': 0.4, 'weak-4g': 0.15, '3g': 0.1 } as const;
const NET_HAZARD: Record<string, number> = { wifi: 1 / 1500, '4g': 1 / 1300, 'weak-4g': 1 / 700, '3g': 1 / 420 };
const PERSONAS: Record<string, number> = { 'loyal-fan': 1 / 2400, 'gift-shopper': 1 / 1300, 'impulse-buyer': 1 / 900, 'bargain-hunter': 1 / 800, browser: 1 / 360 };
const round = (x: number, d = 4) => +x.toFixed(d);

function survival(hazard: number, n: number, maxSec: number, rng: () => number): SurvivalCurve {
  const tSec: number[] = [];
  const s: number[] = [];
  for (let t = 0; t <= maxSec; t += 30) {
    tSec.push(t);
    // early drop (startup abandonment, first impressions) then a roughly exponential tail
    const v = t === 0 ? 1 : 0.88 * Math.exp(-hazard * t) * (1 + 0.01 * (rng() - 0.5));
    s.push(round(Math.min(1, Math.min(v, s.at(-1) ?? 1))));
  }
  return { n, tSec, survival: s };
}

function quantiles(medianMs: number, sigma: number): { ms: number[]; p: number[] } {
  const p: number[] = [];
  const ms: number[] = [];
  for (let i = 1; i <= 99; i++) {
    const q = i / 100;
    // inverse normal by a logistic approximation: plenty for a fixture
    const z = Math.log(q / (1 - q)) / 1.702;
    p.push(q);
    ms.push(Math.round(medianMs * Math.exp(sigma * z)));
  }
  return { ms, p };
}

export function buildFullResult(opts: FixtureOptions = {}): RunResult {
  const viewers = opts.viewers ?? 10_000;
  const minutes = opts.minutes ?? 120;
  const seed = opts.seed ?? 42;
  const rng = fixtureRng(seed);
  const arrivals: number[] = [];
  const departures: number[] = [];
  const concurrent: number[] = [];
  const weights = Array.from({ length: minutes }, (_, m) => Math.exp(-m / 25) + 0.15 + (m >= 30 && m < 33 ? 1.2 : 0) + 0.1 * rng());
  const wsum = weights.reduce((a, b) => a + b, 0);
  let remaining = viewers;
  let live = 0;
  for (let m = 0; m < minutes; m++) {
    const a = m === minutes - 1 ? remaining : Math.min(remaining, Math.round((viewers * weights[m]!) / wsum));
    remaining -= a;
    const bounce = m >= 30 && m < 34 ? 0.55 : 0;
    const d = Math.round(live * (0.035 + 0.01 * rng()) + a * (0.12 + bounce));
    live = Math.max(0, live + a - d);
    arrivals.push(a);
    departures.push(d);
    concurrent.push(live);
  }
  const outage = (m: number) => m >= 75 && m < 80;
  const entered = arrivals.slice();
  const productViewed = arrivals.map((a) => Math.round(a * 0.62));
  const addedToCart = concurrent.map((c) => Math.round(c * 0.012));
  const checkedOut = addedToCart.map((x) => Math.round(x * 0.45));
  const paid = checkedOut.map((x, m) => (outage(m) ? 0 : Math.round(x * 0.88)));
  const aovBase = 268;
  const gmv = paid.map((p) => round(p * aovBase * (0.9 + 0.2 * rng()), 2));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const orders = sum(paid);
  const totalGmv = round(sum(gmv), 2);
  const latency = concurrent.map(() => Math.round(2600 + 500 * rng()));
  const byNetwork = Object.fromEntries(
    Object.entries(NETWORKS).map(([family, share], i) => [
      family,
      { viewers: Math.round(viewers * share), startupMs: { p50: [620, 780, 1450, 2300][i]! }, rebufferRatio: [0.002, 0.006, 0.031, 0.074][i]!, meanWatchSeconds: Math.round(1 / NET_HAZARD[family]! * 0.8), meanBitrateKbps: [4200, 3100, 1500, 780][i]!, abandonedStartup: Math.round(viewers * share * [0.01, 0.015, 0.05, 0.09][i]!) },
    ]),
  );
  const survivalByNetwork = Object.fromEntries(Object.keys(NETWORKS).map((f) => [f, survival(NET_HAZARD[f]!, byNetwork[f]!.viewers, minutes * 60, rng)]));
  const personaN = Math.round(viewers / Object.keys(PERSONAS).length);
  const survivalByPersona = Object.fromEntries(Object.entries(PERSONAS).map(([p, h]) => [p, survival(h, personaN, minutes * 60, rng)]));
  const at = (sec: number, c: SurvivalCurve) => c.survival[Math.min(c.survival.length - 1, Math.round(sec / 30))]!;
  const overall = survival(1 / 1150, viewers, minutes * 60, rng);
  const marketing = fixtureMarketing({ minutes, binMs: 60_000, concurrent, rng, xss: opts.xss ?? false });
  const detail: NonNullable<RunResult['detail']> & ReportDetail = {
    binMs: 60_000,
    concurrent,
    arrivals,
    departures,
    funnel: { entered, productViewed, addedToCart, checkedOut, paid },
    gmv,
    latencyToLiveMs: latency,
    latencyToLiveP95Ms: latency.map((l) => Math.round(l * (1.8 + 0.3 * rng()))),
    run: { scenarioFile: 'scenarios/beauty-propensity.yaml', viewers, durationMinutes: minutes, workers: 2, startTimeOfDay: '20:00' },
    survival: { all: overall, byNetwork: survivalByNetwork, byPersona: survivalByPersona },
    comments: concurrent.map((c, m) => Math.round(c * (0.05 + 0.02 * rng()) + (m >= 45 && m < 50 ? c * 0.06 : 0))),
    cleaning: { received: 9120, kept: 8436, dropped: { spam: 402, duplicate: 187, bot: 61, flood: 34, noise: 0 } },
    intents: { praise: 2210, price: 1480, suitability: 1210, shipping: 930, sizing: 620, shade: 540, authenticity: 310, complaint: 236, other: 900 },
    startupCdf: { all: quantiles(760, 0.55), byNetwork: Object.fromEntries(Object.keys(NETWORKS).map((f, i) => [f, quantiles([620, 780, 1450, 2300][i]!, 0.45 + 0.1 * i)])) },
    qoeByWatch: [
      { label: '< 1 min', viewers: Math.round(viewers * 0.22), rebufferRatio: 0.052, meanBitrateKbps: 1900, startupMsP50: 1400 },
      { label: '1–5 min', viewers: Math.round(viewers * 0.24), rebufferRatio: 0.027, meanBitrateKbps: 2600, startupMsP50: 980 },
      { label: '5–15 min', viewers: Math.round(viewers * 0.22), rebufferRatio: 0.014, meanBitrateKbps: 3100, startupMsP50: 820 },
      { label: '15–30 min', viewers: Math.round(viewers * 0.16), rebufferRatio: 0.008, meanBitrateKbps: 3400, startupMsP50: 710 },
      { label: '30–60 min', viewers: Math.round(viewers * 0.11), rebufferRatio: 0.005, meanBitrateKbps: 3600, startupMsP50: 660 },
      { label: '> 60 min', viewers: Math.round(viewers * 0.05), rebufferRatio: 0.003, meanBitrateKbps: 3800, startupMsP50: 640 },
    ],
    ...marketing,
  };
  const payers = Math.round(orders * 0.93);
  return {
    schemaVersion: '1.0',
    livelabVersion: '0.1.0',
    scenario: { name: 'beauty-propensity', hash: 'sha256:3f7a9c0e5b2d41e8a6f1c9d07b3e2a5f4c8d1e6b9a0f2c7d5e3b1a8f6c4d2e0b', description: opts.xss ? `Evening beauty show ${XSS_SCRIPT}` : 'Evening beauty show (护肤 skincare, AOV 200–500) with propensity-ordered pitches', variant: 'propensity' },
    seed,
    digest: 'b1946ac92492d2347c6235b4d2611184e8c3b2f1a0d9e7c6',
    viewers: { arrived: viewers, peakConcurrent: Math.max(...concurrent), meanWatchSeconds: 1032.4, retention: { '60': at(60, overall), '300': at(300, overall), '1800': at(1800, overall) }, abandonedStartup: Math.round(viewers * 0.024) },
    qoe: { startupMs: { p50: 760, p95: 2480 }, rebufferRatio: 0.0113, meanBitrateKbps: 3050, latencyToLiveMs: { p50: 2840, p95: 5610 }, byNetwork },
    commerce: { orders, gmv: totalGmv, aov: round(totalGmv / Math.max(1, orders), 2), conversionRate: round(payers / viewers), returnRate: 0.062, crossSellRate: 0.184 },
    funnel: { entered: sum(entered), productViewed: sum(productViewed), addedToCart: sum(addedToCart), checkedOut: sum(checkedOut), paid: orders },
    marketing: { prompts: marketing.prompts.length, promptLatencyMs: { p50: 84, p99: 171 }, segmentMoves: 4210, targetingLatencyMs: { p50: 240, p99: 820 }, alerts: marketing.alerts.length, alertPrecision: 0.667, alertRecall: 1, meanTimeToDetectMs: 54_000 },
    engine: { events: 48_211_930, wallMs: 8240, eventsPerSecond: 5_850_962, workers: 2, promptComputeMs: { p50: 0.9, p99: 4.1 }, peakRssMb: 812 },
    thresholds: [
      { expression: 'qoe.startupMs.p95 < 2000', actual: 2480, pass: false },
      { expression: 'commerce.conversionRate > 0.02', actual: round(payers / viewers), pass: payers / viewers > 0.02 },
      { expression: 'marketing.promptLatencyMs.p99 < 200', actual: 171, pass: true },
    ],
    detail,
  };
}

/** The least a result may hold: no detail, no thresholds, one network family. */
export function buildMinimalResult(): RunResult {
  return {
    schemaVersion: '1.0',
    livelabVersion: '0.1.0',
    scenario: { name: 'minimal', hash: 'sha256:00' },
    seed: 7,
    digest: '00ff',
    viewers: { arrived: 120, peakConcurrent: 48, meanWatchSeconds: 312.5, retention: { '60': 0.81, '300': 0.44, '1800': 0.05 }, abandonedStartup: 3 },
    qoe: { startupMs: { p50: 700, p95: 1900 }, rebufferRatio: 0.01, meanBitrateKbps: 2800, latencyToLiveMs: { p50: 3000, p95: 5200 }, byNetwork: { '4g': { viewers: 120, startupMs: { p50: 700 }, rebufferRatio: 0.01, meanWatchSeconds: 312.5 } } },
    commerce: { orders: 4, gmv: 1036, aov: 259, conversionRate: 0.0333, returnRate: 0, crossSellRate: 0.25 },
    funnel: { entered: 120, productViewed: 70, addedToCart: 12, checkedOut: 5, paid: 4 },
    marketing: { prompts: 0, promptLatencyMs: { p50: 0, p99: 0 }, segmentMoves: 0, alerts: 0, alertPrecision: 0, alertRecall: 0 },
    engine: { events: 40_000, wallMs: 120, eventsPerSecond: 333_333, workers: 1 },
  };
}

export function buildComparison(opts: { xss?: boolean } = {}): ComparisonResult {
  const rng = fixtureRng(11);
  const variants = ['baseline', 'propensity', 'propensity+heat'];
  const base: Record<string, number> = { 'commerce.aov': 231.4, 'commerce.gmv': 412_800, 'commerce.conversionRate': 0.041, 'commerce.returnRate': 0.081, 'commerce.crossSellRate': 0.152, 'viewers.meanWatchSeconds': 1011, 'viewers.retention.300': 0.58, 'qoe.rebufferRatio': 0.0112 };
  const effect: Record<string, number[]> = { 'commerce.aov': [0, 0.14, 0.16], 'commerce.gmv': [0, 0.09, 0.13], 'commerce.conversionRate': [0, -0.02, 0.01], 'commerce.returnRate': [0, -0.21, -0.19], 'commerce.crossSellRate': [0, 0.01, 0.22], 'viewers.meanWatchSeconds': [0, 0.004, 0.012], 'viewers.retention.300': [0, 0.002, 0.003], 'qoe.rebufferRatio': [0, 0, 0] };
  const metrics: ComparisonResult['metrics'] = [];
  for (const [metric, b] of Object.entries(base)) {
    variants.forEach((variant, i) => {
      const mean = b * (1 + effect[metric]![i]!);
      const half = Math.abs(b) * (0.02 + 0.02 * rng());
      const m = { metric, variant, mean: round(mean, 6), ci95: [round(mean - half, 6), round(mean + half, 6)] as [number, number] };
      if (i === 0) metrics.push(m);
      else {
        const d = mean - b;
        const dh = Math.abs(b) * (0.012 + 0.015 * rng());
        metrics.push({ ...m, diff: { mean: round(d, 6), ci95: [round(d - dh, 6), round(d + dh, 6)], significant: Math.abs(d) > dh } });
      }
    });
  }
  const curve = (hazard: number) => Array.from({ length: 121 }, (_, m) => round(m === 0 ? 1 : 0.88 * Math.exp(-hazard * m * 60)));
  const minutes = Array.from({ length: 121 }, (_, m) => m);
  return {
    kind: 'comparison',
    livelabVersion: '0.1.0',
    scenario: { name: 'beauty-propensity', hash: 'sha256:3f7a9c0e', description: opts.xss ? `Propensity ${XSS_IMG}` : 'Baseline vs propensity-ordered pitches (美妆 beauty, AOV 200–500)', file: 'scenarios/beauty-propensity.yaml' },
    variants,
    baseline: 'baseline',
    replications: 30,
    seed: 42,
    viewers: 10_000,
    metrics,
    curves: [
      { name: 'survival', title: 'Retention (Kaplan–Meier)', xLabel: 'Watch time (min)', yLabel: 'Still watching', byVariant: Object.fromEntries(variants.map((v, i) => [v, { x: minutes, y: curve(1 / (1150 + 40 * i)) }])) },
      { name: 'concurrent', title: 'Concurrent viewers', xLabel: 'Show time (min)', yLabel: 'Viewers', byVariant: Object.fromEntries(variants.map((v, i) => [v, { x: minutes, y: minutes.map((m) => Math.round(3000 * (1 - Math.exp(-m / 6)) * Math.exp(-m / (90 + 5 * i)))) }])) },
    ],
  };
}
