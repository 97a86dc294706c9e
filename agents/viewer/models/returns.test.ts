import { describe, expect, it } from 'vitest';
import { fitGap, impulseOf, returnProbability, type Purchase } from './returns.ts';

const typical: Purchase = { family: 'apparel', impulse: 0.4, asked: false, answered: false };

describe('returns', () => {
  it('puts a typical apparel purchase inside the trade-press band of 30–60 %', () => {
    const p = returnProbability(typical);
    expect(p).toBeGreaterThanOrEqual(0.3);
    expect(p).toBeLessThanOrEqual(0.6);
  });

  it.each([
    ['apparel over beauty', typical, { ...typical, family: 'beauty' as const }],
    ['beauty over food', { ...typical, family: 'beauty' as const }, { ...typical, family: 'food' as const }],
    ['impulse over deliberate', { ...typical, impulse: 1 }, { ...typical, impulse: 0 }],
    ['an unanswered sizing question over an answered one', { ...typical, asked: true }, { ...typical, asked: true, answered: true }],
  ])('returns %s', (_why, more, less) => {
    expect(returnProbability(more)).toBeGreaterThan(returnProbability(less));
  });

  it('builds impulse from the decision cycle and the hype, within [0, 1]', () => {
    expect(impulseOf(0, 1)).toBe(1);
    expect(impulseOf(1, 0)).toBe(0);
    expect(impulseOf(0.5, 0.5)).toBeCloseTo(0.5, 9);
    expect(fitGap({ ...typical, asked: true })).toBeGreaterThan(fitGap(typical));
  });
});
