import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../../../engine/kernel/index.ts';
import { COMMENT_INTENTS } from '../../../../engine/protocol.ts';
import { categoryIndex } from '../../../personas/index.ts';
import { chooseIntent, commentText } from './generator.ts';
import type { ChatSituation } from './intents.ts';

const calm: ChatSituation = { family: 'other', troubled: false, flashSale: false, priceHigh: false, match: 0.5, spammer: false };
const serum = categoryIndex('beauty', '', 'serum');

function share(s: ChatSituation, intent: string, n = 20_000): number {
  const rng = new Sfc32(1);
  let k = 0;
  for (let i = 0; i < n; i++) if (chooseIntent(rng, s) === intent) k++;
  return k / n;
}

describe('comment generator', () => {
  it.each([
    ['sizing', { ...calm, family: 'apparel' as const }, 'a dress on stage draws sizing questions'],
    ['suitability', { ...calm, family: 'beauty' as const }, 'a serum draws "敏感肌能用吗"'],
    ['complaint', { ...calm, troubled: true }, 'a stall draws complaints'],
    ['spam', { ...calm, spammer: true }, 'spam accounts spam'],
  ])('makes %s likelier when it fits (%s)', (intent, s) => {
    expect(share(s, intent)).toBeGreaterThan(2 * share(calm, intent));
  });

  it('writes Chinese suitability questions about skin for beauty products', () => {
    const rng = new Sfc32(3);
    const texts = Array.from({ length: 300 }, () => commentText(rng, { lang: 'zh', intent: 'suitability', cat: serum }, 0));
    expect(texts).toContain('敏感肌能用吗');
    expect(texts.every((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
  });

  it('adds typos and noise to some comments only', () => {
    const rng = new Sfc32(8);
    const clean = new Set(Array.from({ length: 500 }, () => commentText(rng, { lang: 'en', intent: 'shipping', cat: -1 }, 0)));
    const noisy = Array.from({ length: 500 }, () => commentText(rng, { lang: 'en', intent: 'shipping', cat: -1 }));
    const changed = noisy.filter((t) => !clean.has(t)).length / noisy.length;
    expect(changed).toBeGreaterThan(0.15);
    expect(changed).toBeLessThan(0.5);
  });

  it('is a function of the stream: same seed, same comment; never empty (property)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(...COMMENT_INTENTS), fc.constantFrom('zh' as const, 'en' as const), fc.integer({ min: -1, max: 15 }), (seed, intent, lang, cat) => {
        const a = commentText(new Sfc32(seed), { lang, intent, cat });
        expect(commentText(new Sfc32(seed), { lang, intent, cat })).toBe(a);
        expect(a.trim().length).toBeGreaterThan(0);
        expect(a).not.toMatch(/\{[a-z]\}/); // every slot filled
      }),
    );
  });
});
