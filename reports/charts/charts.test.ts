// Every chart builder, fed the fixture result, gives a spec that Vega-Lite compiles without warnings and
// that Vega renders (in Node, no browser) to an SVG with data marks. Charts are checked in a real
// browser by test/browser; this catches a broken spec in milliseconds.
import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { buildComparison, buildFullResult } from '../fixtures.ts';
import { readDetail } from '../detail.ts';
import { toVega } from './compile.ts';
import * as charts from './index.ts';
import type { Spec } from './theme.ts';

const result = buildFullResult({ viewers: 5_000, minutes: 90 });
const { core, ext } = readDetail(result);
const c = buildComparison();
const binMs = core!.binMs;

const cases: [string, string, () => Spec][] = [
  ['audience', 'series with timeline strip and bands', () => charts.audienceChart({ ...core!, timeline: ext.timeline, anomalies: ext.anomalies, startTimeOfDay: '20:00' })],
  ['audience (bare)', 'no annotations, no clock', () => charts.audienceChart({ ...core! })],
  ['survival', 'KM curves by network', () => charts.survivalChart(ext.survival!.byNetwork!, 'Network')],
  ['startup CDF', 'overall + by network', () => charts.startupCdfChart(ext.startupCdf!)],
  ['startup CDF (per network only)', 'no overall curve', () => charts.startupCdfChart({ byNetwork: ext.startupCdf!.byNetwork })],
  ['network QoE', 'from qoe.byNetwork', () => charts.networkQoeChart(result.qoe.byNetwork)],
  ['latency', 'p50 + p95 with anomaly bands', () => charts.latencyChart({ binMs, p50: core!.latencyToLiveMs!, p95: ext.latencyToLiveP95Ms, anomalies: ext.anomalies })],
  ['QoE vs watch', 'buckets', () => charts.qoeWatchChart(ext.qoeByWatch!)],
  ['funnel totals', 'always recorded', () => charts.funnelTotalsChart(result.funnel)],
  ['funnel per minute', 'symlog with ticks', () => charts.funnelSeriesChart({ binMs, funnel: core!.funnel, anomalies: ext.anomalies })],
  ['conversion', 'dual axis', () => charts.conversionChart({ binMs, entered: core!.funnel.entered, paid: core!.funnel.paid, gmv: core!.gmv })],
  ['alerts', 'alerts vs ground truth', () => charts.alertsChart({ alerts: ext.alerts!, anomalies: ext.anomalies!, minutes: 90 })],
  ['segments', 'stacked areas', () => charts.segmentSizesChart({ segments: ext.segments!, binMs })],
  ['transitions', 'matrix', () => charts.transitionMatrixChart(ext.segments!)],
  ['prompts', 'bubbles on the timeline', () => charts.promptsChart({ prompts: ext.prompts!, minutes: 90 })],
  ['SKU heat', 'heat map', () => charts.skuHeatChart({ heat: ext.skuHeat!, binMs })],
  ['propensity', 'two panels', () => charts.propensityChart(ext.propensity!)],
  ['comments', 'danmaku per minute', () => charts.commentsChart({ binMs, comments: ext.comments! })],
  ['intents', 'bars sorted by count', () => charts.intentsChart(ext.intents!)],
  ['coupons', 'by segment', () => charts.couponsChart(ext.coupons!)],
  ['coupons (overall)', 'no per-segment split', () => charts.couponsChart({ issued: 10, redeemed: 3 })],
  ['forest', 'relative paired differences', () => charts.forestChart(c)],
  ['coupons over time', 'cumulative issued and redeemed', () => charts.couponsTimeChart({ binMs, issued: ext.coupons!.issuedSeries!, redeemed: ext.coupons!.redeemedSeries!, startTimeOfDay: '20:00' })],
  ['latency with a network event', 'grey band from the timeline', () => charts.latencyChart({ binMs, p50: core!.latencyToLiveMs!, timeline: [{ kind: 'network', startMs: 30 * 60_000, endMs: 40 * 60_000, label: 'congestion: 30 % of 4g viewers' }] })],
  ['overlay', 'one curve per variant', () => charts.overlayChart(c.curves![0]!, c.variants, c.baseline)],
];

describe('chart builders', () => {
  it.each(cases)('%s compiles without warnings and renders marks (%s)', async (_name, _why, build) => {
    const vg = toVega('test', build(), { strict: true });
    const view = new vega.View(vega.parse(vg), { renderer: 'none' });
    const svg = await view.toSVG();
    view.finalize();
    const dataMarks = svg.match(/<g class="mark-[a-z]+ role-mark[^"]*"[^>]*>(?!<\/g>)/g) ?? [];
    expect(dataMarks.length).toBeGreaterThan(0);
  });

  it('specs are plain data: JSON round trip is the identity (no functions, no undefined)', () => {
    for (const [, , build] of cases) {
      const spec = build();
      expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    }
  });

  it('puts network events on the timeline strip and as bands, and gives an instant (a pitch) a visible width', () => {
    const timeline = [
      { kind: 'pitch' as const, startMs: 60_000, endMs: 60_000, label: 'lipstick' },
      { kind: 'network' as const, startMs: 30 * 60_000, endMs: 40 * 60_000, label: 'congestion' },
    ];
    const spec = JSON.stringify(charts.audienceChart({ ...core!, timeline, startTimeOfDay: '20:00' }));
    expect(spec).toContain('"row":"Network events","start":30,"end":40');
    const pitch = /"row":"Pitches","start":1,"end":([\d.]+)/.exec(spec);
    expect(Number(pitch?.[1])).toBeGreaterThan(1.5); // 4 px of a 90-minute axis 560 px wide ≈ 0.64 min
    expect(JSON.stringify(charts.latencyChart({ binMs, p50: [0, 4000, 4100], timeline }))).toContain('Network events');
    // a bin nobody played (0) is left out, not drawn as 0 s
    expect(JSON.stringify(charts.latencyChart({ binMs, p50: [0, 4000, 4100] }))).not.toContain('"s":0');
  });

  it('log ticks cover the range with 1-2-5 steps', () => {
    expect(charts.logTicks(340)).toEqual([0, 1, 2, 5, 10, 20, 50, 100, 200]);
  });
});
