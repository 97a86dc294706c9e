import { describe, expect, it } from 'vitest';
import { FAMILY_3G, FAMILY_4G } from '../../network-profiles/index.ts';
import { dist, simulatePopulation } from './population.ts';

describe('3G vs 4G populations (dash.js defaults: dynamic ABR, 4 s live delay, mobile ladder)', () => {
  // 200 viewers × 3 minutes each, seed 2024; the full-size figures are in bench/results/media.json
  const g3 = simulatePopulation({ profile: FAMILY_3G, viewers: 200, minutes: 3, seed: 2024 });
  const g4 = simulatePopulation({ profile: FAMILY_4G, viewers: 200, minutes: 3, seed: 2024 });

  it('everyone starts', () => {
    expect([g3.neverStarted, g4.neverStarted]).toEqual([0, 0]);
  });

  it('3G has clearly more startup delay: median and p95 at least twice 4G’s', () => {
    expect(g3.startupMs.p50).toBeGreaterThan(2 * g4.startupMs.p50);
    expect(g3.startupMs.p95).toBeGreaterThan(2 * g4.startupMs.p95);
  });

  it('3G rebuffers clearly more: mean rebuffer ratio ≥ 10× 4G’s and most 3G viewers stall at least once', () => {
    expect(g3.rebufferRatio.mean).toBeGreaterThan(10 * g4.rebufferRatio.mean);
    expect(g3.rebufferRatio.mean).toBeGreaterThan(0.005);
    expect(g3.stalledShare).toBeGreaterThan(0.5);
    expect(g4.stalledShare).toBeLessThan(0.1);
  });

  it('3G gets a much lower bitrate', () => {
    expect(g3.meanBitrateKbps.mean).toBeLessThan(g4.meanBitrateKbps.mean / 2);
  });

  it('is reproducible per seed', () => {
    expect(simulatePopulation({ profile: FAMILY_3G, viewers: 20, minutes: 1, seed: 9 })).toEqual(simulatePopulation({ profile: FAMILY_3G, viewers: 20, minutes: 1, seed: 9 }));
  });
});

describe('dist', () => {
  it.each([
    { v: [3, 1, 2], want: { mean: 2, p50: 2, p95: 3 }, reason: 'sorted, nearest-rank' },
    { v: [NaN, 4], want: { mean: 4, p50: 4, p95: 4 }, reason: 'NaN (never started) is left out' },
  ])('$reason', ({ v, want }) => expect(dist(v)).toEqual(want));
});
