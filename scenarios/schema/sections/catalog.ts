// `catalog`: the products on sale, either generated (per category: how many, price range, stock) or
// listed SKU by SKU. With neither, a catalog for the room's `vertical` is generated (see catalogPlan).
import { z } from 'zod';
import { name, num, oneOf, positive, positiveInt, text } from '../primitives.ts';
import { CATEGORIES, SUBCATEGORIES, VERTICALS } from '../vocab.ts';
import { didYouMean } from '../levenshtein.ts';

const GeneratedCategory = z
  .strictObject({
    category: oneOf(CATEGORIES).describe('product category'),
    count: positiveInt().describe('SKUs to generate in this category'),
    priceRange: z
      .tuple([positive(), positive()], { error: 'a [min, max] pair of prices in yuan' })
      .refine(([lo, hi]) => lo <= hi, { error: 'a [min, max] pair with min ≤ max' })
      .optional()
      .describe('live prices are kept within [min, max] yuan; absent: the vocabulary price levels'),
    stockMedian: positive().default(500).describe('median units in stock per SKU (log-normal, σ 0.5)'),
  })
  .describe('one category of a generated catalog');

const Generate = z
  .strictObject({
    categories: z.array(GeneratedCategory, { error: 'a list of categories' }).min(1, { error: 'at least one category' }).describe('categories to generate'),
    liveDiscount: num({ min: 0, lt: 1 }).default(0.076).describe('live price = list price × (1 − liveDiscount); 7.6 %: Zhang et al., SSRN 4318978'),
    priceSigma: num({ min: 0 }).default(0.35).describe('log-space spread of list prices around each subcategory level'),
  })
  .describe('a generated catalog (seeded: the same seed gives the same SKUs)');

const Sku = z
  .strictObject({
    id: name().describe('unique SKU id, used by the timeline'),
    name: name().describe('product name'),
    category: oneOf(CATEGORIES).describe('product category'),
    subcategory: text()
      .superRefine((s, ctx) => {
        if (!SUBCATEGORIES.includes(s)) {
          const hint = didYouMean(s, SUBCATEGORIES);
          ctx.addIssue({ code: 'custom', input: s, message: `a subcategory (${SUBCATEGORIES.join(', ')})`, params: hint ? { hint } : {} });
        }
      })
      .optional()
      .describe('e.g. lipstick, gift-box, dress'),
    price: positive().describe('live price, yuan'),
    listPrice: positive().optional().describe("store list price, yuan (≥ price); absent: the live price"),
    margin: num({ min: 0, lt: 1 }).optional().describe("gross margin on the live price; absent: the category's mid margin"),
    stock: num({ int: true, min: 0 }).describe('units in stock at the start'),
    variants: z.array(name(), { error: 'a list of variant labels' }).default([]).describe('shade, size or flavour labels'),
  })
  .superRefine((s, ctx) => {
    if (s.listPrice !== undefined && s.listPrice < s.price) {
      ctx.addIssue({ code: 'custom', path: ['listPrice'], input: s.listPrice, message: `a list price ≥ the live price ${s.price}` });
    }
  })
  .describe('one listed SKU');

export const CatalogSchema = z
  .strictObject({
    vertical: oneOf(VERTICALS).default('mixed').describe('kind of room: beauty, food, apparel or mixed (the generated catalog when neither generate nor skus is given)'),
    generate: Generate.optional(),
    skus: z
      .array(Sku, { error: 'a list of SKUs' })
      .min(1, { error: 'at least one SKU' })
      .superRefine((skus, ctx) => {
        const seen = new Set<string>();
        skus.forEach((s, i) => {
          if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], input: s.id, message: 'an id not used by an earlier SKU' });
          seen.add(s.id);
        });
      })
      .optional()
      .describe('an explicit list of SKUs (instead of generate)'),
  })
  .superRefine((c, ctx) => {
    if (c.generate !== undefined && c.skus !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['skus'], input: '(both generate and skus)', message: 'either catalog.generate or catalog.skus, not both' });
    }
  })
  .describe('The products: generated per category, or listed SKU by SKU');

export type CatalogSection = z.output<typeof CatalogSchema>;
export type CatalogGenerate = z.output<typeof Generate>;
export type CatalogSku = z.output<typeof Sku>;

const VERTICAL_SIZE = 40;
/** The generation plan: `generate` as written, or the vertical's default (40 SKUs, split evenly when mixed). */
export function catalogPlan(c: CatalogSection): CatalogGenerate | undefined {
  if (c.skus !== undefined) return undefined;
  if (c.generate !== undefined) return c.generate;
  const cats = c.vertical === 'mixed' ? CATEGORIES : [c.vertical];
  const each = Math.floor(VERTICAL_SIZE / cats.length);
  const extra = VERTICAL_SIZE - each * cats.length;
  return { categories: cats.map((category, i) => ({ category, count: each + (i < extra ? 1 : 0), stockMedian: 500 })), liveDiscount: 0.076, priceSigma: 0.35 };
}
