// The interest space shared by personas, the choice model and interest drift: product categories
// (what a SKU is) and three show topics. RecSim models a user's interests as a vector over topic
// clusters with every item one-hot on one cluster (recsim interest_evolution.py, 20 clusters); here
// the clusters are the subcategories of engine/commerce's catalog vocabulary (keep the two in sync:
// an unknown name is neutral), 16 of them, plus 3 topics: 19 dimensions.
import { hashString } from '../../engine/kernel/index.ts';
import { goesWith } from '../../engine/commerce/catalog/goes-with.ts';

export const CATEGORIES = [
  'beauty.lipstick',
  'beauty.eyeshadow',
  'beauty.foundation',
  'beauty.serum',
  'beauty.face-mask',
  'beauty.sunscreen',
  'food.snacks',
  'food.gift-box',
  'food.nuts',
  'food.tea',
  'food.noodles',
  'apparel.dress',
  'apparel.top',
  'apparel.pants',
  'apparel.coat',
  'apparel.knitwear',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const FAMILIES = ['beauty', 'food', 'apparel'] as const;
export type Family = (typeof FAMILIES)[number];

/** deals: weight of discounts in choice; entertainment: host engagement; tutorial: answers to questions */
export const TOPICS = ['deals', 'entertainment', 'tutorial'] as const;
export type Topic = (typeof TOPICS)[number];

export const INTEREST_DIMS = [...CATEGORIES, ...TOPICS] as const;
export type InterestDim = (typeof INTEREST_DIMS)[number];
export const INTEREST_SIZE = INTEREST_DIMS.length;

const INDEX = new Map<string, number>(CATEGORIES.map((d, i) => [d, i]));
const MEMBERS = new Map<string, number[]>(FAMILIES.map((f) => [f, CATEGORIES.flatMap((c, i) => (c.startsWith(`${f}.`) ? [i] : []))]));

/**
 * The interest index of what the stack sends: `category` ('apparel'), optionally with its subcategory
 * ('dress'), or an already dotted name. A bare family maps to one of its members chosen by the SKU id, so
 * a SKU always lands on the same dimension. Unknown names give -1 (neutral).
 */
export function categoryIndex(category: string, sku = '', subcategory?: string): number {
  const exact = INDEX.get(subcategory ? `${category}.${subcategory}` : category);
  if (exact !== undefined) return exact;
  const dot = category.indexOf('.');
  const members = MEMBERS.get(dot < 0 ? category : category.slice(0, dot));
  if (members === undefined) return -1;
  return members[hashString(sku) % members.length]!;
}

export function topicIndex(topic: Topic): number {
  return CATEGORIES.length + TOPICS.indexOf(topic);
}

/** the family of a category index: 'beauty', 'food', 'apparel', or 'other' for -1 */
export function familyOf(index: number): Family | 'other' {
  const c = CATEGORIES[index];
  if (c === undefined) return 'other';
  return c.slice(0, c.indexOf('.')) as Family;
}

const N = CATEGORIES.length;
const PAIRS = new Uint8Array(N * N);
for (let a = 0; a < N; a++) for (let b = 0; b < N; b++) PAIRS[a * N + b] = goesWith(CATEGORIES[a]!, CATEGORIES[b]!) ? 1 : 0;

/** whether two category indices go together (engine/commerce/catalog/goes-with.ts); false for -1 */
export function goesWithIndex(a: number, b: number): boolean {
  return a >= 0 && b >= 0 && a < N && b < N && PAIRS[a * N + b] === 1;
}
