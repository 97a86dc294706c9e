// Danmaku text: jieba segmentation with the domain dictionary, intent classification, spam patterns,
// SKU and category mentions.
export { classifyComment, type CommentAnalysis } from './classify.ts';
export { tokenize, normalizeText, warmSegmenter } from './segmenter.ts';
export { mentionMatcher, type Mentions, type MentionMatcher } from './mentions.ts';
export { spamKind, longestRun, diversity, isContentless, type SpamKind } from './spam-patterns.ts';
export { DOMAIN_TERMS, TYPO_ALIASES, domainDictionary } from './domain-dict.ts';
export { QUESTION_INTENTS } from './lexicon.ts';
