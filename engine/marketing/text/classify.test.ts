import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMENT_INTENTS } from '../../protocol.ts';
import { classifyComment } from './classify.ts';
import { INTENT_CORPUS } from './intent-corpus.ts';
import { INTENT_HELDOUT } from './intent-heldout.ts';
import { tokenize } from './segmenter.ts';

function accuracy(set: readonly (readonly [string, string])[]): { acc: number; misses: string[] } {
  const misses = set.filter(([t, want]) => classifyComment(t).intent !== want).map(([t, want]) => `${t} (${want} → ${classifyComment(t).intent})`);
  return { acc: 1 - misses.length / set.length, misses };
}

const isZh = (t: string): boolean => /\p{Script=Han}/u.test(t);

describe('intent classification', () => {
  it('reaches ≥ 90 % on the labelled corpus (measured 89/92 = 96.7 %)', () => {
    expect(INTENT_CORPUS.length).toBeGreaterThanOrEqual(60);
    const { acc, misses } = accuracy(INTENT_CORPUS);
    expect(acc, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('reaches ≥ 80 % on the held-out set never used for tuning (measured 34/40 = 85 %)', () => {
    const { acc, misses } = accuracy(INTENT_HELDOUT);
    expect(acc, misses.join('\n')).toBeGreaterThanOrEqual(0.8);
  });

  it('holds up in both languages (≥ 80 % each over both sets)', () => {
    const all = [...INTENT_CORPUS, ...INTENT_HELDOUT];
    expect(accuracy(all.filter(([t]) => isZh(t))).acc).toBeGreaterThanOrEqual(0.8);
    expect(accuracy(all.filter(([t]) => !isZh(t))).acc).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    ['敏感肌能用吗', 'sensitive skin', 'domain term from the dictionary'],
    ['does it suit sensitive skin?', 'sensitive skin', 'English cue'],
    ['干皮可以用吗', 'dry skin', 'skin type'],
    ['sensitve skin ok?', 'sensitive skin', 'English typo within one edit'],
  ])('finds the topic of %s → %s (%s)', (text, topic) => {
    const a = classifyComment(text);
    expect(a.intent).toBe('suitability');
    expect(a.topic).toBe(topic);
  });

  it.each([
    ['敏感肌能用吗', '敏感肌', 'domain dictionary keeps it whole'],
    ['这个色号显白吗', '色号', 'domain dictionary'],
    ['包油吗', '包邮', 'typo alias mapped back'],
    ['证品吗', '正品', 'typo alias mapped back'],
  ])('segments %s with token %s (%s)', (text, token) => {
    expect(tokenize(text)).toContain(token);
  });

  it('always returns a known intent and never throws (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(COMMENT_INTENTS).toContain(classifyComment(text).intent);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    for (const [t] of INTENT_CORPUS.slice(0, 20)) expect(classifyComment(t)).toEqual(classifyComment(t));
  });
});
