import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QOE_HAZARD, cumulativeHazard, hazardAt, qoeShareAt, timeToHazard, type Regime } from './qoe-hazard.ts';

const regime = fc.record({
  base: fc.double({ min: 1e-8, max: 1e-3, noNaN: true }),
  impairment: fc.double({ min: 0, max: 60_000, noNaN: true }),
  span: fc.double({ min: 1000, max: 1e7, noNaN: true }),
  slope: fc.constantFrom(0, QOE_HAZARD.stallWeight),
});

describe('QoE leave hazard', () => {
  it('timeToHazard inverts the cumulative hazard (property)', () => {
    fc.assert(
      fc.property(regime, fc.double({ min: 1e-4, max: 20, noNaN: true }), (r: Regime, target) => {
        const s = timeToHazard(r, target, QOE_HAZARD.kappa);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(cumulativeHazard(r, s, QOE_HAZARD.kappa) / target).toBeCloseTo(1, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('the cumulative hazard is the integral of the hazard (midpoint rule check)', () => {
    const r: Regime = { base: 1e-5, impairment: 3000, span: 90_000, slope: 2 };
    let sum = 0;
    const n = 20_000, s = 40_000;
    for (let i = 0; i < n; i++) sum += hazardAt(r, ((i + 0.5) * s) / n, QOE_HAZARD.kappa) * (s / n);
    expect(cumulativeHazard(r, s, QOE_HAZARD.kappa) / sum).toBeCloseTo(1, 6);
  });

  it('a stall raises the hazard over time, playback lets it relax', () => {
    const stalled: Regime = { base: 1e-5, impairment: 1000, span: 60_000, slope: 2 };
    const playing: Regime = { ...stalled, slope: 0 };
    expect(hazardAt(stalled, 5000, 5)).toBeGreaterThan(hazardAt(stalled, 0, 5));
    expect(hazardAt(playing, 5000, 5)).toBeLessThan(hazardAt(playing, 0, 5));
    expect(qoeShareAt(stalled, 5000, 5)).toBeGreaterThan(qoeShareAt(playing, 5000, 5));
  });

  it('counts a mid-play stall twice as heavily as startup waiting (Allard et al.)', () => {
    expect(QOE_HAZARD.stallWeight).toBe(2);
  });
});
