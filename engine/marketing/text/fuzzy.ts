// Typo tolerance for English cues: a token within one edit (insert, delete, substitute or swap two
// neighbours: restricted Damerau–Levenshtein ≤ 1) of a lexicon word of length ≥ 5 counts as that word.
// "sensitve", "shiping", "authentc", "refnud" all land. Short words are exact-only (too many collisions).

/** True when a and b differ by at most one edit. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // one swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** An index of words by length, for fuzzy look-ups among candidates of length ±1 only. */
export class FuzzyIndex {
  private readonly byLength = new Map<number, string[]>();

  constructor(words: Iterable<string>, minLength = 5) {
    for (const w of words) {
      if (w.length < minLength || !/^[a-z]+$/.test(w)) continue;
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  /** The first word within one edit of `token` (lexicon order), or undefined. */
  find(token: string): string | undefined {
    if (token.length < 4 || !/^[a-z]+$/.test(token)) return undefined;
    for (const len of [token.length, token.length - 1, token.length + 1]) {
      for (const w of this.byLength.get(len) ?? []) if (withinOneEdit(token, w)) return w;
    }
    return undefined;
  }
}
