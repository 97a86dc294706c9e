// The danmaku path: clean → classify (jieba + lexicon) → mentions → SKU heat, interest, and question
// clusters for host prompts. Text analysis is skipped entirely when no tool needs it.
import type { Lang } from '../protocol.ts';
import { addInterest } from './behaviour.ts';
import type { MarketingState } from './state.ts';
import { classifyComment } from './text/classify.ts';
import { normalizeText } from './text/segmenter.ts';

export function ingestComment(s: MarketingState, viewer: number, text: string, lang: Lang, now: number): void {
  const slot = s.slots.slotOf(viewer);
  if (s.cleaner !== null && s.cleaner.check(slot, normalizeText(text), now) !== undefined) return;
  if (s.prompter === null && s.heat === null && s.profiles === null) return;
  const a = classifyComment(text);
  s.intents[a.intent]++;
  if (a.intent === 'spam') return;
  const m = s.mentions.find(normalizeText(text), a.tokens);
  const cur = s.currentSku;
  const curCat = cur >= 0 ? s.catalog.categoryOfSku[cur]! : -1;
  // a comment that names no SKU is about the SKU on stage, unless it names another category
  const sku = m.skus[0] ?? (cur >= 0 && (m.categories.length === 0 || m.categories.includes(curCat)) ? cur : -1);
  if (s.heat !== null) {
    for (const i of m.skus) s.heat.mention(i, now);
    if (m.skus.length === 0 && m.categories.length > 0 && sku >= 0) s.heat.mention(sku, now);
  }
  if (s.profiles !== null) {
    s.profiles.bump(slot, 'comments');
    for (const c of m.categories) addInterest(s, slot, c, s.config.profiles.weights.mention, now);
  }
  s.prompter?.add(a.intent, sku, a.topic, viewer, lang, now);
}
