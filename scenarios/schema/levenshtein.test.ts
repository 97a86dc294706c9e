import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './levenshtein.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0, 'nothing to do'],
    ['size', 'sise', 1, 'one substitution'],
    ['network', 'netwrok', 1, 'one swap of neighbours'],
    ['4g', 'weak-4g', 5, 'five insertions'],
    ['kitten', 'sitting', 3, 'the textbook case'],
  ])('%s → %s = %i (%s)', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closest', () => {
  it.each([
    ['propnesity', ['preset', 'propensity', 'profiles'], 'propensity'],
    ['weak4g', ['4g', 'weak-4g', '3g'], 'weak-4g'],
    ['zzz', ['size', 'arrivals'], undefined],
    ['SIZE', ['size'], 'size'],
    ['treshold', ['enabled', 'thresholdViewers', 'windowSeconds'], 'thresholdViewers'],
    ['s', ['size', 'seed', 'show'], undefined],
  ])('%s among %j is %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});
