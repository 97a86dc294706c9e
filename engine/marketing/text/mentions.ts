// Which SKUs and categories a comment mentions: link numbers ("3号链接", "#3", "link 3" = the third
// SKU in catalog order), SKU names and aliases as substrings, and category terms as tokens. Built once
// per catalog; per comment the cost is one regex plus one substring test per SKU name.
import type { CatalogIndex } from '../core/catalog.ts';
import { termsForCategory } from './category-terms.ts';

export interface Mentions {
  /** SKU indices, in first-mention order, no repeats */
  skus: number[];
  /** category indices, in first-mention order, no repeats */
  categories: number[];
}

export interface MentionMatcher {
  find(normalizedText: string, tokens: readonly string[]): Mentions;
}

const LINK_NUMBER = /(?:(\d{1,3})\s*号(?:链接)?|#\s*(\d{1,3})|link\s*(\d{1,3})|(\d{1,3})\s*号?链接)/gi;

export function mentionMatcher(cat: CatalogIndex): MentionMatcher {
  const termToCategory = new Map<string, number>();
  cat.categories.forEach((c, i) => {
    for (const t of termsForCategory(c)) if (!termToCategory.has(t)) termToCategory.set(t, i);
  });
  // names shorter than 2 characters would match everywhere
  const names: { text: string; sku: number }[] = [];
  cat.skus.forEach((s, i) => {
    for (const n of [s.name, ...(s.aliases ?? [])]) {
      const text = n.normalize('NFKC').toLowerCase().trim();
      if (text.length >= 2) names.push({ text, sku: i });
    }
  });
  return {
    find(text, tokens) {
      const skus: number[] = [];
      const categories: number[] = [];
      const addSku = (i: number): void => {
        if (i >= 0 && i < cat.skus.length && !skus.includes(i)) skus.push(i);
      };
      for (const m of text.matchAll(LINK_NUMBER)) addSku(Number(m[1] ?? m[2] ?? m[3] ?? m[4]) - 1);
      for (const n of names) if (text.includes(n.text)) addSku(n.sku);
      for (const t of tokens) {
        const c = termToCategory.get(t);
        if (c !== undefined && !categories.includes(c)) categories.push(c);
      }
      for (const s of skus) {
        const c = cat.categoryOfSku[s]!;
        if (!categories.includes(c)) categories.push(c);
      }
      return { skus, categories };
    },
  };
}
