import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../engine/kernel/index.ts';
import { RateProfile, arrivalTimes } from './arrivals.ts';

describe('arrivals', () => {
  it('a flat profile gives uniform arrivals; a ramp puts more arrivals late', () => {
    const flat = arrivalTimes(new RateProfile([{ durationMs: 1000, from: 1, to: 1 }]), 20_000, new Sfc32(1));
    expect(flat.filter((t) => t < 500).length / 20_000).toBeCloseTo(0.5, 1);
    const ramp = arrivalTimes(new RateProfile([{ durationMs: 1000, from: 0, to: 2 }]), 20_000, new Sfc32(1));
    // density ∝ t: P(t < 500) = 0.25
    expect(ramp.filter((t) => t < 500).length / 20_000).toBeCloseTo(0.25, 1);
  });

  it('a spike phase receives its share of the arrival mass', () => {
    const p = new RateProfile([
      { durationMs: 60_000, from: 10, to: 10 },
      { durationMs: 6_000, from: 100, to: 100 }, // 600k of 1.8M mass: a third of the arrivals
      { durationMs: 60_000, from: 10, to: 10 },
    ]);
    const t = arrivalTimes(p, 10_000, new Sfc32(3));
    const inSpike = t.filter((x) => x >= 60_000 && x < 66_000).length / 10_000;
    expect(inSpike).toBeGreaterThan(0.3);
    expect(inSpike).toBeLessThan(0.367);
  });

  it('invert is monotone and stays inside the profile', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ durationMs: fc.integer({ min: 1, max: 10_000 }), from: fc.integer({ min: 0, max: 50 }), to: fc.integer({ min: 1, max: 50 }) }), { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (phases, u1, u2) => {
          const p = new RateProfile(phases);
          const [a, b] = [p.invert(Math.min(u1, u2)), p.invert(Math.max(u1, u2))];
          expect(a).toBeLessThanOrEqual(b + 1e-9);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(p.endMs + 1e-9);
        },
      ),
    );
  });
});
