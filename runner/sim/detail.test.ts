// The report detail the runtime fills for sections 5, 7 and 8 (latency over time, interest segments and
// their transitions, SKU heat, propensity buckets, targeted coupons): sizes, sums against the run's own
// totals, a strategy-off run without targeted coupons, and the same numbers for any --workers.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../engine/result.ts';
import { ReportDetailSchema, type ReportDetail } from '../../engine/result-detail.ts';
import { resolveScenario } from '../scenario-input.ts';
import { LATENCY_BUCKETS, latencySeries, mergeLatency, LatencySampler } from './latency-series.ts';
import { simulate } from './simulate.ts';

const SCENARIO = path.resolve('test/fixtures/small-show.yaml');

async function run(variant?: string, workers = 1): Promise<RunResult> {
  const { scenario } = await resolveScenario(SCENARIO, variant ? { variant } : {});
  return simulate(scenario, { workers, ...(variant ? { variant } : {}) });
}
const detailOf = (r: RunResult) => r.detail as unknown as ReportDetail & { binMs: number; concurrent: number[]; latencyToLiveMs: number[] };
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('report detail from a run (small show, every tool on)', async () => {
  const full = await run('full');
  const d = detailOf(full);
  const bins = Math.ceil((20 * 60_000) / d.binMs);

  it('follows the report schema', () => {
    expect(ReportDetailSchema.safeParse(d).success).toBe(true);
  });

  it('§5 latency to live: one p50 and p95 per bin, p95 ≥ p50, near the players’ target while people watch', () => {
    expect(d.latencyToLiveMs).toHaveLength(bins);
    expect(d.latencyToLiveP95Ms).toHaveLength(bins);
    d.latencyToLiveMs.forEach((p50, i) => expect(d.latencyToLiveP95Ms![i]!).toBeGreaterThanOrEqual(p50));
    const watched = d.latencyToLiveMs.filter((_, i) => d.concurrent[i]! > 20);
    expect(watched.length).toBeGreaterThan(10);
    for (const p50 of watched) expect(p50).toBeGreaterThan(1000);
    for (const p50 of watched) expect(p50).toBeLessThan(30_000);
  });

  it('§7 segments: a size per segment per bin, never above the room; transitions sum to the segment moves', () => {
    const s = d.segments!;
    expect(s.names.length).toBeGreaterThan(0);
    expect(s.sizes).toHaveLength(s.names.length);
    for (const row of s.sizes) expect(row).toHaveLength(bins);
    for (let b = 0; b < bins; b++) expect(sum(s.sizes.map((row) => row[b]!))).toBeLessThanOrEqual(Math.max(d.concurrent[b]!, d.concurrent[b + 1] ?? 0) + 5);
    expect(sum(s.sizes.map((row) => sum(row)))).toBeGreaterThan(0);
    expect(s.transitions).toHaveLength(s.names.length);
    s.transitions.forEach((row, i) => {
      expect(row).toHaveLength(s.names.length);
      expect(row[i]).toBe(0); // a move is always to another segment
    });
    expect(sum(s.transitions.map(sum))).toBe(full.marketing.segmentMoves);
  });

  it('§8 SKU heat: at most 15 SKUs, one score per bin, hottest first', () => {
    const h = d.skuHeat!;
    expect(h.skus.length).toBeGreaterThan(0);
    expect(h.skus.length).toBeLessThanOrEqual(15);
    expect(h.heat).toHaveLength(h.skus.length);
    for (const row of h.heat) expect(row).toHaveLength(bins);
    const totals = h.heat.map(sum);
    expect([...totals].sort((a, b) => b - a)).toEqual(totals);
    expect(new Set(h.skus.map((s) => s.id)).size).toBe(h.skus.length);
  });

  it('§8 propensity buckets: every viewer in one bucket, orders and GMV add up to what the viewers bought', () => {
    const p = d.propensity!;
    expect(p.map((b) => b.label.split(' ')[0])).toEqual(['low', 'mid', 'high']);
    expect(sum(p.map((b) => b.viewers))).toBe(full.viewers.arrived);
    expect(sum(p.map((b) => b.orders))).toBeGreaterThan(0);
    expect(sum(p.map((b) => b.orders))).toBeLessThanOrEqual(full.commerce.orders);
    for (const b of p) {
      expect(b.buyers).toBeLessThanOrEqual(b.viewers);
      expect(b.buyers).toBeLessThanOrEqual(b.orders);
      expect(b.aov).toBeCloseTo(b.orders > 0 ? b.gmv / b.orders : 0, 1);
    }
  });

  it('§8 targeted coupons: series sum to the totals, per segment too, redeemed ≤ issued', () => {
    const c = d.coupons!;
    expect(c.issuedSeries).toHaveLength(bins);
    expect(c.redeemedSeries).toHaveLength(bins);
    expect(sum(c.issuedSeries!)).toBe(c.issued);
    expect(sum(c.redeemedSeries!)).toBe(c.redeemed);
    expect(sum(c.bySegment!.map((g) => g.issued))).toBe(c.issued);
    expect(sum(c.bySegment!.map((g) => g.redeemed))).toBe(c.redeemed);
    expect(c.redeemed).toBeLessThanOrEqual(c.issued);
    expect(c.issued).toBeGreaterThan(0);
  });

  it('a strategy-off run (baseline) has no targeted coupons, no segments, no heat, no propensity index', async () => {
    const base = detailOf(await run('baseline'));
    expect(base.coupons).toMatchObject({ issued: 0, redeemed: 0, bySegment: [] });
    expect(sum(base.coupons!.issuedSeries!)).toBe(0);
    expect(base.segments).toBeUndefined();
    expect(base.skuHeat).toBeUndefined();
    expect(base.propensity).toBeUndefined();
    expect(base.latencyToLiveMs).toHaveLength(bins); // QoE is observed whatever the strategy
  });

  it('is the same with viewers on two worker threads (observation merged from the shards)', async () => {
    const two = await run('full', 2);
    expect(two.digest).toBe(full.digest);
    expect({ ...two.detail }).toEqual({ ...full.detail });
  }, 120_000);
});

describe('latency sampler', () => {
  const player = (integral: number, timeMs: number) => ({ latencyIntegral: integral, latencyTimeMs: timeMs });

  it('takes each window once: boundaries and leaves split a viewer’s playing time between bins', () => {
    const s = new LatencySampler(60_000, 3);
    s.start(0);
    s.sample(30_000, () => [[0, player(0, 0)]]); // before the first boundary: nothing
    s.sample(60_000, () => [[0, player(40_000 * 4000, 40_000)]]); // 40 s at 4 s
    s.leave(0, player(40_000 * 4000 + 10_000 * 8000, 50_000), 75_000); // then 10 s at 8 s
    const o = s.observation();
    expect(o.timeMs).toEqual([40_000, 10_000, 0]);
    expect(latencySeries(o).mean).toEqual([4000, 8000, 0]);
    expect(o.hist[Math.floor(4000 / 250)]).toBe(40_000);
    expect(o.hist[LATENCY_BUCKETS + Math.floor(8000 / 250)]).toBe(10_000);
  });

  it('merges shards by integer sums (any grouping gives the same series)', () => {
    const mk = (lat: number) => {
      const s = new LatencySampler(60_000, 2);
      s.start(0);
      s.leave(0, player(lat * 30_000, 30_000), 50_000);
      return s.observation();
    };
    const [a, b, c] = [mk(3000), mk(5000), mk(12_000)];
    const ab_c = mergeLatency([mergeLatency([a, b])!, c])!;
    const a_bc = mergeLatency([a, mergeLatency([b, c])!])!;
    expect(ab_c).toEqual(a_bc);
    const s = latencySeries(ab_c);
    expect(s.mean[0]).toBe(Math.round((3000 + 5000 + 12_000) / 3));
    expect(s.p50[0]).toBeGreaterThanOrEqual(5000);
    expect(s.p50[0]).toBeLessThan(5250);
    expect(s.p95[0]).toBeGreaterThanOrEqual(12_000);
    expect(mergeLatency([])).toBeUndefined();
  });
});
