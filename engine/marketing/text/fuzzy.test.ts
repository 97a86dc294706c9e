import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FuzzyIndex, withinOneEdit } from './fuzzy.ts';

describe('one-edit matching', () => {
  it.each([
    ['shipping', 'shiping', true, 'deletion'],
    ['sensitive', 'sensitve', true, 'deletion'],
    ['refund', 'refnud', true, 'swap of neighbours'],
    ['coupon', 'coupan', true, 'substitution'],
    ['size', 'sizze', true, 'insertion'],
    ['refund', 'return', false, 'two substitutions'],
    ['fake', 'faker', true, 'insertion at the end'],
    ['shipping', 'shopping', true, 'one substitution (a known collision)'],
    ['genuine', 'gneuien', false, 'two swaps'],
  ])('%s vs %s → %s (%s)', (a, b, want) => {
    expect(withinOneEdit(a, b)).toBe(want);
    expect(withinOneEdit(b, a)).toBe(want);
  });

  it('accepts every single deletion, insertion or substitution (property)', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdefgh'), minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(word, fc.nat(), fc.constantFrom(...'abcdefgh'), (w, at, ch) => {
        const i = at % w.length;
        expect(withinOneEdit(w, w.slice(0, i) + w.slice(i + 1))).toBe(true);
        expect(withinOneEdit(w, w.slice(0, i) + ch + w.slice(i))).toBe(true);
        expect(withinOneEdit(w, w.slice(0, i) + ch + w.slice(i + 1))).toBe(true);
      }),
    );
  });

  it('finds lexicon words by length ±1 only, and leaves short tokens exact', () => {
    const idx = new FuzzyIndex(['shipping', 'authentic', 'size']);
    expect(idx.find('shiping')).toBe('shipping');
    expect(idx.find('authentc')).toBe('authentic');
    expect(idx.find('siz')).toBeUndefined();
    expect(idx.find('hello')).toBeUndefined();
  });
});
