import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LATENCY_BUCKETS, LATENCY_EDGES_MS, addLinear as add, latencyQuantile as quantile } from './latency-histogram.ts';

// one row at offset 3 of a shared column, as the player store keeps them
const AT = 3;
const newLatencyHistogram = () => new Float32Array(AT + LATENCY_BUCKETS + 2);
const addLinear = (h: Float32Array, l0: number, l1: number, dt: number) => add(h, AT, l0, l1, dt);
const latencyQuantile = (h: Float32Array, q: number) => quantile(h, AT, q);

describe('latency histogram', () => {
  it('spreads a linear stretch over the buckets it crosses, in proportion', () => {
    const h = newLatencyHistogram();
    addLinear(h, 1000, 2000, 100); // crosses [1000,1500) and [1500,2000) equally
    expect([h[AT + 2], h[AT + 3]]).toEqual([50, 50]);
    addLinear(h, 4500, 4500, 10); // constant latency: one bucket
    expect(h[AT + 8]).toBe(10);
    expect([h[0], h[AT + LATENCY_BUCKETS]]).toEqual([0, 0]); // nothing outside the row
  });

  it('puts a constant latency in the bucket whose edges hold it (property, against a scan of the edges)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: 0, max: 80_000, noNaN: true }), fc.constantFrom(...LATENCY_EDGES_MS, 4999.999, 7999.999)), (x) => {
        const h = newLatencyHistogram();
        addLinear(h, x, x, 1);
        let want = 0;
        for (let i = 0; i < LATENCY_BUCKETS; i++) if (LATENCY_EDGES_MS[i]! <= x) want = i;
        expect(h[AT + want]).toBe(1);
      }),
      { numRuns: 2000 },
    );
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
        // the truth: each stretch as 200 equal-weight slices (weight ∝ its duration), weighted p95
        const slices: [number, number][] = [];
        for (const [a, b, dt] of parts) {
          addLinear(h, a, b, dt);
          total += dt;
          for (let k = 0; k < 200; k++) slices.push([a + ((b - a) * (k + 0.5)) / 200, dt / 200]);
        }
        expect(Math.abs(h.reduce((s: number, x: number) => s + x, 0) - total)).toBeLessThanOrEqual(total * 1e-5); // a float32 row
        slices.sort((x, y) => x[0] - y[0]);
        let cum = 0;
        const truth = slices.find(([, w]) => (cum += w) >= 0.95 * total)![0];
        const est = latencyQuantile(h, 0.95);
        const edge = (x: number) => LATENCY_EDGES_MS.findLastIndex((e) => e <= x);
        expect(Math.abs(edge(est) - edge(truth))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it('is NaN when nothing was recorded', () => expect(latencyQuantile(newLatencyHistogram(), 0.5)).toBeNaN());
});
