import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../../engine/kernel/index.ts';
import { categoryIndex } from '../../personas/index.ts';
import { drift, driftValue, matchOf } from './interest-drift.ts';

describe('interest drift (RecSim interest evolution)', () => {
  it('applies α(x) = 0.3(1 − |x|) towards the item, up with probability (x + 1)/2', () => {
    // x = 0.2: Δ = 0.3·0.8·0.8 = 0.192; up when u < 0.6
    expect(driftValue(0.2, 0.59)).toBeCloseTo(0.392, 9);
    expect(driftValue(0.2, 0.61)).toBeCloseTo(0.008, 9);
  });

  it('stays in [−1, 1] (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (x, u) => {
        const y = driftValue(x, u);
        expect(y).toBeGreaterThanOrEqual(-1);
        expect(y).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('copies on write: the persona array is never changed', () => {
    const persona = new Float32Array(19).fill(0.1);
    const out = drift(persona, 3, 2, new Sfc32(1));
    expect(out).not.toBe(persona);
    expect(persona[3]).toBeCloseTo(0.1, 6);
    expect(drift(persona, -1, 3, new Sfc32(1))).toBe(persona); // unknown category: nothing to do
  });

  it('moves a viewer who watched lipstick, then eyeshadow for ten minutes, towards eyeshadow (on average)', () => {
    const lipstick = categoryIndex('beauty', '', 'lipstick');
    const eyeshadow = categoryIndex('beauty', '', 'eyeshadow');
    let gain = 0;
    for (let seed = 0; seed < 400; seed++) {
      const start = new Float32Array(19);
      start[lipstick] = 0.6;
      start[eyeshadow] = 0.3;
      const rng = new Sfc32(seed);
      const after = drift(drift(start, lipstick, 5, rng), eyeshadow, 10, rng);
      gain += matchOf(after, eyeshadow) - matchOf(start, eyeshadow);
    }
    expect(gain / 400).toBeGreaterThan(0.05);
  });
});
