// A comment: intent first (intents.ts), then a template in the viewer's language with its slots filled,
// then, with probability noiseRate, typos and noise. Draws come from the viewer's chat stream only.
import type { Rng } from '../../../../engine/kernel/index.ts';
import { COMMENT_INTENTS, type CommentIntent, type Lang } from '../../../../engine/protocol.ts';
import { familyOf } from '../../../personas/index.ts';
import { intentWeights, type ChatSituation } from './intents.ts';
import { enNoise, obfuscate, zhNoise } from './noise.ts';
import { EN, EN_NOUNS } from './templates-en.ts';
import { ZH, ZH_NOUNS } from './templates-zh.ts';

/** share of comments with typos or noise (assumption) */
export const NOISE_RATE = 0.35;

const weights = new Float64Array(COMMENT_INTENTS.length);

export function chooseIntent(rng: Rng, s: ChatSituation): CommentIntent {
  intentWeights(s, weights);
  let total = 0;
  for (const w of weights) total += w;
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!;
    if (u < 0) return COMMENT_INTENTS[i]!;
  }
  return 'other';
}

export interface CommentSpec {
  readonly lang: Lang;
  readonly intent: CommentIntent;
  /** interest dimension of what is on stage (-1 none) */
  readonly cat: number;
}

export function commentText(rng: Rng, spec: CommentSpec, noiseRate = NOISE_RATE): string {
  const table = spec.lang === 'zh' ? ZH : EN;
  const family = familyOf(spec.cat);
  const entry = table[spec.intent];
  const specific = family === 'other' ? undefined : entry[family];
  // a family-specific line when there is one, most of the time
  const lines = specific !== undefined && rng.next() < 0.8 ? specific : entry.any;
  const line = lines[Math.floor(rng.next() * lines.length)]!;
  const nouns = spec.lang === 'zh' ? ZH_NOUNS : EN_NOUNS;
  const noun = nouns[spec.cat] ?? (spec.lang === 'zh' ? '这个' : 'this');
  const height = 150 + Math.floor(rng.next() * 30);
  const weight = spec.lang === 'zh' ? `${90 + Math.floor(rng.next() * 60)}斤` : `${100 + Math.floor(rng.next() * 80)}lbs`;
  const n = 2 + Math.floor(rng.next() * 98);
  let text = line
    .replace('{p}', noun)
    .replace('{h}', spec.lang === 'zh' ? `${height} ${weight}` : `${height}cm ${weight}`)
    .replace('{n}', String(spec.intent === 'spam' ? 100000 + Math.floor(rng.next() * 900000) : n));
  if (spec.intent === 'spam') return obfuscate(rng, text);
  if (rng.next() < noiseRate) text = spec.lang === 'zh' ? zhNoise(rng, text) : enNoise(rng, text);
  return text;
}
