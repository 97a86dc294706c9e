import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BinnedSeries, Histogram, kaplanMeier, levelsFromChanges, quantile, survivalAt } from './index.ts';

describe('Histogram', () => {
  it('percentiles are within 0.1 % of exact and independent of insertion order and sharding', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 600_000 }), { minLength: 20, maxLength: 500 }), fc.integer({ min: 2, max: 5 }), (values, shards) => {
        const one = new Histogram();
        values.forEach((v) => one.record(v));
        const parts = Array.from({ length: shards }, () => new Histogram());
        [...values].reverse().forEach((v, i) => parts[i % shards]!.record(v));
        const merged = new Histogram();
        parts.forEach((p) => merged.merge(p));
        expect(merged.summary()).toEqual(one.summary());
        const exact = quantile(values, 0.5);
        const sorted = [...values].sort((a, b) => a - b);
        const lowerRank = sorted[Math.ceil(0.5 * values.length) - 1]!;
        expect(Math.abs(one.percentile(50) - lowerRank)).toBeLessThanOrEqual(lowerRank * 0.001 + 1);
        expect(exact).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });
});

describe('Kaplan–Meier', () => {
  it('matches a hand-computed textbook case with censoring', () => {
    // times 1,2,2(censored),3,4(censored): S(1)=4/5, S(2)=4/5·3/4=0.6, S(3)=0.6·1/2=0.3
    const curve = kaplanMeier([
      { duration: 1, left: true }, { duration: 2, left: true }, { duration: 2, left: false }, { duration: 3, left: true }, { duration: 4, left: false },
    ]);
    expect(survivalAt(curve, 0.5)).toBe(1);
    expect(survivalAt(curve, 1)).toBeCloseTo(0.8);
    expect(survivalAt(curve, 2.5)).toBeCloseTo(0.6);
    expect(survivalAt(curve, 10)).toBeCloseTo(0.3);
  });

  it('without censoring equals the empirical fraction still watching', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 100 }), (ds, t) => {
        const curve = kaplanMeier(ds.map((d) => ({ duration: d, left: true })));
        expect(survivalAt(curve, t)).toBeCloseTo(ds.filter((d) => d > t).length / ds.length, 9);
      }),
    );
  });
});

describe('BinnedSeries', () => {
  it('bins by time and turns joins/leaves into a concurrency curve', () => {
    const s = new BinnedSeries(1000, 1);
    s.add(10, 1); s.add(500, 1); s.add(1500, -1); s.add(5200, 1);
    expect(s.toArray()).toEqual([2, -1, 0, 0, 0, 1]);
    expect(levelsFromChanges(s, 6)).toEqual([2, 1, 1, 1, 1, 2]);
  });
});
