import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LATENCY_EDGES_MS, addLinear, latencyQuantile, newLatencyHistogram } from './latency-histogram.ts';

describe('latency histogram', () => {
  it('spreads a linear stretch over the buckets it crosses, in proportion', () => {
    const h = newLatencyHistogram();
    addLinear(h, 1000, 2000, 100); // crosses [1000,1500) and [1500,2000) equally
    expect([h[2], h[3]]).toEqual([50, 50]);
    addLinear(h, 4500, 4500, 10); // constant latency: one bucket
    expect(h[8]).toBe(10);
  });

  it.each([
    { q: 0.5, want: 1500, reason: 'uniform 1–2 s: the median is 1.5 s' },
    { q: 0.95, want: 1950, reason: 'and the p95 1.95 s (exact inside a bucket for a uniform spread)' },
  ])('quantile $q = $want ($reason)', ({ q, want }) => {
    const h = newLatencyHistogram();
    addLinear(h, 1000, 2000, 1000);
    expect(latencyQuantile(h, q)).toBeCloseTo(want, 6);
  });

  it('keeps the total time and reads a quantile within one bucket of the truth (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: 1, max: 5000 })), { minLength: 1, maxLength: 20 }), (parts) => {
        const h = newLatencyHistogram();
        let total = 0;
        const samples: number[] = [];
        for (const [a, b, dt] of parts) {
          addLinear(h, a, b, dt);
          total += dt;
          for (let k = 0; k < dt; k++) samples.push(a + ((b - a) * (k + 0.5)) / dt);
        }
        expect(h.reduce((s, x) => s + x, 0)).toBeCloseTo(total, 6);
        samples.sort((x, y) => x - y);
        const truth = samples[Math.floor(0.95 * (samples.length - 1))]!;
        const est = latencyQuantile(h, 0.95);
        const edge = (x: number) => LATENCY_EDGES_MS.findLastIndex((e) => e <= x);
        expect(Math.abs(edge(est) - edge(truth))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('is NaN when nothing was recorded', () => expect(latencyQuantile(newLatencyHistogram(), 0.5)).toBeNaN());
});
