import { describe, expect, it } from 'vitest';
import { BOREDOM, boost, boredomDelayMs, temperRate } from './boredom.ts';

const step = BOREDOM.stepMs;

describe('boredom (KuaiSim temper)', () => {
  it.each([
    [0, 4.5, 'no positive feedback: temper falls 2 a step, from 10 to below 1 after 4.5 steps'],
    [1, 9, 'boost 1: falls 1 a step'],
    [1.5, 18, 'boost 1.5: falls 0.5 a step'],
    [-3, 4.5, 'the fall is clipped at 2 a step'],
  ])('boost %f → leaves after %f steps (%s)', (b, steps) => {
    expect(boredomDelayMs(BOREDOM.initial, temperRate(b)) / step).toBeCloseTo(steps, 9);
  });

  it('never leaves while the boost is at least 2', () => {
    expect(temperRate(2)).toBe(0);
    expect(boredomDelayMs(BOREDOM.initial, temperRate(3))).toBe(Infinity);
  });

  it('gets its boost from interest match, loyalty, host answers and a taste for entertainment', () => {
    const plain = boost(0.5, false, 0, 0);
    expect(boost(0.9, false, 0, 0)).toBeGreaterThan(plain);
    expect(boost(0.5, true, 0, 0)).toBeGreaterThan(plain);
    expect(boost(0.5, false, 1, 0)).toBeGreaterThan(plain);
    expect(boost(0.5, false, 0, 1)).toBeGreaterThan(plain);
    expect(boost(0.5, false, 5, 0)).toBe(boost(0.5, false, 2, 0)); // host answers count at most twice
  });
});
