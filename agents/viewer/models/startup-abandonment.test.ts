import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STARTUP_ABANDON, startupAbandonShare, startupPatienceMs, startupQuantileMs } from './startup-abandonment.ts';

describe('startup abandonment (Krishnan & Sitaraman 2012)', () => {
  it.each([
    [1000, 0, 'nobody leaves in the first 2 s'],
    [2000, 0, 'the grace ends at 2 s'],
    [3000, 0.058, 'one second past the grace: 5.8 %'],
    [5000, 0.174, 'three seconds past: 17.4 %'],
    [10_000, 0.464, 'the linear part ends at 10 s'],
  ])('at %i ms %f have left (%s)', (ms, share) => {
    expect(startupAbandonShare(ms)).toBeCloseTo(share, 6);
  });

  it('keeps rising past 10 s, continuously and below 1', () => {
    expect(startupAbandonShare(10_001)).toBeGreaterThan(startupAbandonShare(10_000));
    expect(startupAbandonShare(10_001) - startupAbandonShare(10_000)).toBeLessThan(1e-3);
    expect(startupAbandonShare(60_000)).toBeLessThan(1);
  });

  it('inverts: the quantile-q viewer leaves exactly where the curve reaches q (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.999, noNaN: true }), (q) => {
        expect(startupAbandonShare(startupQuantileMs(q))).toBeCloseTo(q, 9);
      }),
    );
  });

  it('makes mobile viewers more patient than better-connected ones (K&S direction)', () => {
    const z = 0.3;
    expect(startupPatienceMs(z, '3g')).toBeGreaterThan(startupPatienceMs(z, '4g'));
    expect(startupPatienceMs(z, '4g')).toBeGreaterThan(startupPatienceMs(z, 'wifi'));
    expect(startupPatienceMs(-9, 'wifi')).toBeCloseTo(STARTUP_ABANDON.graceMs, 0);
  });
});
