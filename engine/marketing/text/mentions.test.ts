import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../core/catalog.ts';
import { BEAUTY_CATALOG } from '../fixtures.ts';
import { mentionMatcher } from './mentions.ts';
import { normalizeText, tokenize } from './segmenter.ts';

const cat = indexCatalog(BEAUTY_CATALOG);
const m = mentionMatcher(cat);
const find = (text: string) => m.find(normalizeText(text), tokenize(text));
const skuIds = (text: string) => find(text).skus.map((i) => cat.skus[i]!.sku);
const cats = (text: string) => find(text).categories.map((c) => cat.categories[c]);

describe('mentions', () => {
  it.each([
    ['3号链接多少钱', ['lip-03'], 'link number, Chinese'],
    ['#4 is pretty', ['eye-01'], 'link number, hash'],
    ['link 2 please', ['lip-02'], 'link number, English'],
    ['velvet rouge 显白吗', ['lip-01'], 'SKU name, any case'],
    ['丝绒口红还有吗', ['lip-01'], 'SKU alias'],
    ['99号链接', [], 'a link beyond the catalog is ignored'],
  ])('%s → %j (%s)', (text, want) => {
    expect(skuIds(text)).toEqual(want);
  });

  it.each([
    ['口红掉色吗', ['lipstick'], 'Chinese category term'],
    ['眼影盘几个色', ['eyeshadow'], 'Chinese category term'],
    ['is the eyeshadow palette pigmented', ['eyeshadow'], 'English terms, counted once'],
    ['3号链接和眼影', ['lipstick', 'eyeshadow'], 'SKU category plus a named one'],
  ])('%s → categories %j (%s)', (text, want) => {
    expect(new Set(cats(text))).toEqual(new Set(want));
  });
});

describe('a commerce-generated catalog', () => {
  it('maps its subcategories onto category terms', async () => {
    const { generateCatalog } = await import('../../commerce/index.ts');
    const { catalogInfoFromSkus } = await import('../core/catalog-adapter.ts');
    const info = catalogInfoFromSkus(generateCatalog({ seed: 1, size: 60 }).skus);
    const c = indexCatalog(info);
    const mm = mentionMatcher(c);
    const hit = (text: string) => mm.find(normalizeText(text), tokenize(text)).categories.map((i) => c.categories[i]);
    if (c.categories.includes('lipstick')) expect(hit('口红显白吗')).toContain('lipstick');
    if (c.categories.includes('nuts')) expect(hit('每日坚果好吃吗')).toContain('nuts');
    if (c.categories.includes('knitwear')) expect(hit('针织衫起球吗')).toContain('knitwear');
    expect(c.categories.length).toBeGreaterThan(3);
  });
});
