import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sfc32, poisson } from '../kernel/index.ts';
import { poissonFew, rtoMs } from './loss.ts';

describe('loss helpers', () => {
  it("poissonFew is the kernel's Poisson draw exactly (same values, same draws consumed)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.double({ min: 0, max: 40, noNaN: true }), (key, lambda) => {
        const a = new Sfc32(key), b = new Sfc32(key);
        for (let i = 0; i < 20; i++) expect(poissonFew(a, lambda)).toBe(poisson(b, lambda));
        expect(a.next()).toBe(b.next());
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    { rtt: 50, jitter: 0, want: 200, reason: 'Linux floor of 200 ms' },
    { rtt: 300, jitter: 20, want: 380, reason: 'RFC 6298: rtt + 4 × variation' },
  ])('rto($rtt, $jitter) = $want ($reason)', ({ rtt, jitter, want }) => expect(rtoMs(rtt, jitter)).toBe(want));
});
