import { describe, expect, it } from 'vitest';
import { FAMILY_3G, FAMILY_4G, FAST_4G, MMSYS20_CASCADE, MMSYS20_FAST_JITTERS } from './presets/index.ts';
import { summarizeProfile, weightedStat } from './summary.ts';

describe('summarizeProfile on fixed traces', () => {
  it('a constant preset: every statistic is the constant, one 1-s period', () => {
    const s = summarizeProfile(FAST_4G);
    expect(s.downKbps).toEqual({ mean: 8100, p10: 8100, p50: 8100, p90: 8100 });
    expect(s.upKbps.p50).toBe(1350);
    expect(s.rttMs.mean).toBe(165);
    expect([s.durationS, s.outageS, s.lossRate, s.sampled]).toEqual([1, 0, 0, null]);
  });

  it('mmsys20-cascade: time-weighted mean and percentiles by hand', () => {
    const s = summarizeProfile(MMSYS20_CASCADE);
    // (1200 + 800 + 400 + 800 + 1200) / 5 × 1.024; 30 s each, so p10 sits in the 400 step, p50/p90 as sorted
    expect(s.downKbps.mean).toBeCloseTo(880 * 1.024, 9);
    expect([s.downKbps.p10, s.downKbps.p50, s.downKbps.p90]).toEqual([400 * 1.024, 800 * 1.024, 1200 * 1.024]);
    expect(s.durationS).toBe(150);
  });

  it('averages sub-second steps within 1-s windows', () => {
    const s = summarizeProfile(MMSYS20_FAST_JITTERS);
    expect(s.downKbps.mean).toBeCloseTo(((500 * 0.6 + 1200 * 11) / 11.6) * 1.024, 6);
    // the window holding the 0.1 s and 0.25 s dips averages them with 1200 → a value strictly between
    expect(s.downKbps.p10).toBeGreaterThan(500 * 1.024);
    expect(s.downKbps.p10).toBeLessThan(1200 * 1.024);
  });
});

describe('weightedStat', () => {
  it.each([
    { v: [1, 2, 3, 4], w: [1, 1, 1, 1], p50: 2, mean: 2.5, reason: 'equal weights: the lower median' },
    { v: [10, 0], w: [9, 1], p50: 10, mean: 9, reason: 'weights count time, not samples' },
  ])('$reason', ({ v, w, p50, mean }) => {
    const s = weightedStat(v, w);
    expect(s.p50).toBe(p50);
    expect(s.mean).toBe(mean);
  });
});

describe('family calibration targets (sampled population; CALIBRATION.md §4)', () => {
  it('3g: per-viewer mean rate has median ~1.15–1.2 Mbit/s and ~47 % of time is below 1 Mbit/s', () => {
    const s = summarizeProfile(FAMILY_3G, { viewers: 300, durationMs: 600_000, seed: 7 });
    expect(s.sampled).toEqual({ viewers: 300, durationS: 600, seed: 7 });
    // the share below 1 Mbit/s, read off the 1-s windows: p50 near 1000 means ~half the time below
    expect(s.downKbps.p50).toBeGreaterThan(950);
    expect(s.downKbps.p50).toBeLessThan(1150);
    expect(s.downKbps.mean).toBeGreaterThan(1100);
    expect(s.downKbps.mean).toBeLessThan(1600);
    expect(s.outageS).toBeGreaterThan(0);
  });

  it('4g: sample medians ~13 Mbit/s down and ~6 up (Huang et al. 2012)', () => {
    const s = summarizeProfile(FAMILY_4G, { viewers: 300, durationMs: 300_000, seed: 7 });
    expect(s.downKbps.p50).toBeGreaterThan(11_000);
    expect(s.downKbps.p50).toBeLessThan(15_000);
    expect(s.upKbps.p50).toBeGreaterThan(5000);
    expect(s.upKbps.p50).toBeLessThan(7000);
  });
});
