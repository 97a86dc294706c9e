import { describe, expect, it } from 'vitest';
import { estimate, pairedDifference, studentTCdf, studentTQuantile } from './stats.ts';

describe('Student t', () => {
  it('0.975 quantiles match the published table', () => {
    // two-sided 95 % critical values (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2)
    const table: [number, number][] = [[1, 12.706], [2, 4.303], [3, 3.182], [4, 2.776], [7, 2.365], [9, 2.262], [29, 2.045], [100, 1.984]];
    for (const [df, q] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(q, 3);
  });

  it('CDF is symmetric and inverts the quantile', () => {
    for (const df of [1, 3, 10, 50]) {
      expect(studentTCdf(0, df)).toBeCloseTo(0.5, 12);
      expect(studentTCdf(-1.3, df) + studentTCdf(1.3, df)).toBeCloseTo(1, 12);
      expect(studentTCdf(studentTQuantile(0.975, df), df)).toBeCloseTo(0.975, 10);
    }
  });
});

describe('estimate', () => {
  it('a hand-computed case: 1, 2, 3, 4, 5', () => {
    // mean 3, s = √2.5, s/√5 = √0.5, t(0.975, 4) = 2.7764451; half-width 1.9632432
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    expect(e.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(e.ci95[0]).toBeCloseTo(3 - 1.9632432, 6);
    expect(e.ci95[1]).toBeCloseTo(3 + 1.9632432, 6);
  });

  it('one value: no interval; none: NaN', () => {
    expect(estimate([7])).toEqual({ n: 1, mean: 7, sd: 0, ci95: [7, 7] });
    expect(estimate([]).mean).toBeNaN();
  });
});

describe('pairedDifference', () => {
  it('a hand-computed case', () => {
    // d = 1, 2, 1, 2: mean 1.5, s = √(1/3), s/√4 = 0.2886751, t(0.975, 3) = 3.1824463; half-width 0.9186930
    const d = pairedDifference([10, 12, 11, 13], [11, 14, 12, 15]);
    expect(d.n).toBe(4);
    expect(d.mean).toBe(1.5);
    expect(d.ci95[0]).toBeCloseTo(1.5 - 0.918693, 6);
    expect(d.ci95[1]).toBeCloseTo(1.5 + 0.918693, 6);
    expect(d.significant).toBe(true);
  });

  it('identical samples: exactly zero, not significant', () => {
    const x = [0.1, 0.7, 1e9, -3];
    expect(pairedDifference(x, [...x])).toEqual({ n: 4, mean: 0, sd: 0, ci95: [0, 0], significant: false });
  });

  it('pairs only replications present in both; an interval straddling 0 is not significant', () => {
    const d = pairedDifference([1, undefined, 3, 4], [2, 5, undefined, 3]);
    expect(d.n).toBe(2);
    expect(d.mean).toBe(0);
    expect(d.significant).toBe(false);
  });
});
