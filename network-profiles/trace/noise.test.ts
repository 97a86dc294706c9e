import { describe, expect, it } from 'vitest';
import { gaussAt, gaussCodeAt, gaussOfCode, hashAt, lognormalTable, subKey, unitAt } from './noise.ts';

describe('counter-based noise', () => {
  it('is a pure function of (key, index)', () => {
    expect(hashAt(7, 123)).toBe(hashAt(7, 123));
    expect(gaussAt(7, 1e12)).toBe(gaussAt(7, 1e12));
    expect(hashAt(7, 123)).not.toBe(hashAt(8, 123));
  });

  it('gives uniforms with mean 1/2 and normals with mean 0, sd 1, bounded tails', () => {
    const n = 200_000;
    let su = 0, sg = 0, sg2 = 0, max = 0;
    for (let i = 0; i < n; i++) {
      su += unitAt(99, i);
      const g = gaussAt(99, i);
      sg += g;
      sg2 += g * g;
      max = Math.max(max, Math.abs(g));
    }
    expect(su / n).toBeCloseTo(0.5, 2);
    expect(sg / n).toBeCloseTo(0, 2);
    expect(Math.sqrt(sg2 / n)).toBeCloseTo(1, 2);
    expect(max).toBeLessThanOrEqual(Math.sqrt(12));
  });

  it('derives independent sub-keys for different salts', () => {
    const a = subKey(5, 1), b = subKey(5, 2);
    let agree = 0;
    for (let i = 0; i < 10_000; i++) if (gaussAt(a, i) > 0 === gaussAt(b, i) > 0) agree++;
    expect(agree / 10_000).toBeGreaterThan(0.47);
    expect(agree / 10_000).toBeLessThan(0.53);
  });
});

describe('log-normal tables', () => {
  it('hold exp(σ·z) for every byte-sum code, and gaussAt is the code read as a normal', () => {
    const t = lognormalTable(0.4);
    expect(t).toHaveLength(1021);
    for (const code of [0, 509, 1020]) expect(t[code]).toBeCloseTo(Math.exp(0.4 * gaussOfCode(code)), 12);
    expect(gaussAt(3, 77)).toBe(gaussOfCode(gaussCodeAt(3, 77)));
    expect(lognormalTable(0.4)).toBe(t); // memoised
  });
});
