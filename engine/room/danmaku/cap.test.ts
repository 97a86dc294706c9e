import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tickAllowance } from './cap.ts';

const tickLengths = [1, 2, 4, 5, 8, 10, 20, 25, 40, 50, 100, 125, 200, 250, 500, 1000];

describe('tickAllowance', () => {
  it('allows exactly N over any 1000/T consecutive ticks, hence at most N in any 1-second window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.constantFrom(...tickLengths), fc.integer({ min: 0, max: 1_000_000 }), (n, t, j) => {
        let sum = 0;
        for (let k = j; k < j + 1000 / t; k++) sum += tickAllowance(n, t, k);
        expect(sum).toBe(n);
      }),
    );
  });

  it.each([
    [10, 200, [2, 2, 2, 2, 2], 'N·T/1000 = 2 per tick'],
    [3, 200, [0, 1, 0, 1, 1], 'fractional 0.6 per tick is spread, 3 per second'],
    [1, 1000, [1, 1, 1, 1, 1], 'one tick per second'],
  ])('N=%i, T=%i ms gives %j (%s)', (n, t, expected) => {
    expect([0, 1, 2, 3, 4].map((j) => tickAllowance(n, t, j))).toEqual(expected);
  });
});
