// The real segmenter: jieba (Rust, via @node-rs/jieba) with its default dictionary plus the domain
// dictionary. Loading the default dictionary costs ~0.2 s, so one instance is shared per process; it is
// read-only after loading, hence deterministic. Tokens come out normalised: NFKC (full-width → ASCII),
// lower case, no whitespace or punctuation, typo aliases mapped to their canonical term.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { domainDictionary, TYPO_ALIASES } from './domain-dict.ts';

let shared: Jieba | undefined;

function jieba(): Jieba {
  if (shared === undefined) {
    const j = Jieba.withDict(dict);
    j.loadDict(new TextEncoder().encode(domainDictionary()));
    shared = j;
  }
  return shared;
}

/** Lower-cased NFKC text: what every matcher in the engine sees. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const SKIP = /^[\s\p{P}\p{S}]*$/u;
const QUESTION_MARK = /[?？]/;

/** Segments a comment into normalised tokens; '?' is kept as a token because it marks a question. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of jieba().cut(normalizeText(text), true)) {
    if (SKIP.test(raw)) {
      if (QUESTION_MARK.test(raw)) out.push('?');
      continue;
    }
    const t = raw.trim();
    out.push(TYPO_ALIASES.get(t) ?? t);
  }
  return out;
}

/** Forces the dictionary load now (e.g. before a benchmark's timed section). */
export function warmSegmenter(): void {
  jieba();
}
