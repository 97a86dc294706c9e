// Generated catalogs: SKUs drawn from the vocabulary, numbers from the kernel stream (seed, owner,
// 'catalog') and names from faker, reseeded from that same stream. Same seed ⇒ same catalog.
import { EN_LOCALE, ZH_CN_LOCALE, newFaker } from '../../faker-locales.ts';
import { InputError, RngStreams, logNormal, uniform, weightedIndex, type InputProblem } from '../../kernel/index.ts';
import { CATEGORIES, catalogOf, type Catalog, type Category, type Sku, type Variant } from './types.ts';
import { VOCABULARY, ZH_BRAND_SUFFIXES } from './vocabulary.ts';

/** Livestream price 7.6 % below the store's: Zhang, Liu, Liu, Muller, SSRN 4318978 (CALIBRATION.md §2). */
export const LIVE_DISCOUNT = 0.076;

export interface CatalogOptions {
  seed: number;
  /** the owner part of the stream key, e.g. a room index when a run has several rooms */
  owner?: number;
  size: number;
  /** relative weights of the categories (default: all equal); a beauty room is `{ beauty: 1 }` */
  categories?: Partial<Record<Category, number>>;
  /** live price = list price × (1 − liveDiscount) */
  liveDiscount?: number;
  /** median units in stock per SKU (assumption: 500); log-normal, σ = 0.5 */
  stockMedian?: number;
  /** log-space σ of list prices around the subcategory median (assumption: 0.35) */
  priceSigma?: number;
  /**
   * Exact per-category counts instead of weighted draws (a scenario's `catalog.generate`): SKUs come
   * category by category in this order, `size` and `categories` are then ignored. `priceRange` keeps the
   * live price inside [min, max] yuan (log-normal around the range's geometric mean, σ = priceSigma,
   * redrawn when outside, clamped after 32 tries); `stockMedian` overrides the catalog-wide one.
   */
  plan?: readonly CategoryPlan[];
}

export interface CategoryPlan {
  category: Category;
  count: number;
  priceRange?: readonly [number, number];
  stockMedian?: number;
}

// One instance per language, reseeded on every call (building a Faker with its locale data is the costly
// part). Generation is synchronous, so no other call can interleave between the reseed and the last draw.
const fakerEn = newFaker(EN_LOCALE);
const fakerZh = newFaker(ZH_CN_LOCALE);

const round2 = (x: number): number => Math.round(x * 100) / 100;

function validate(o: CatalogOptions): void {
  const problems: InputProblem[] = [];
  if (!Number.isSafeInteger(o.seed)) problems.push({ path: 'catalog.seed', expected: 'a safe integer', value: o.seed });
  if (o.plan === undefined && !(Number.isSafeInteger(o.size) && o.size > 0)) problems.push({ path: 'catalog.size', expected: 'a positive integer', value: o.size });
  for (const [k, w] of Object.entries(o.categories ?? {})) {
    if (!(CATEGORIES as readonly string[]).includes(k)) problems.push({ path: `catalog.categories.${k}`, expected: `one of ${CATEGORIES.join(', ')}`, value: k });
    else if (!(typeof w === 'number' && w >= 0 && Number.isFinite(w))) problems.push({ path: `catalog.categories.${k}`, expected: 'a weight ≥ 0', value: w });
  }
  if (o.categories && !Object.values(o.categories).some((w) => typeof w === 'number' && w > 0)) {
    problems.push({ path: 'catalog.categories', expected: 'at least one category with a positive weight', value: o.categories });
  }
  const d = o.liveDiscount ?? LIVE_DISCOUNT;
  if (!(d >= 0 && d < 1)) problems.push({ path: 'catalog.liveDiscount', expected: 'a fraction in [0, 1)', value: d });
  const s = o.stockMedian ?? 500;
  if (!(s > 0 && Number.isFinite(s))) problems.push({ path: 'catalog.stockMedian', expected: 'a positive number', value: s });
  o.plan?.forEach((c, i) => {
    const at = `catalog.generate.categories[${i}]`;
    if (!(CATEGORIES as readonly string[]).includes(c.category)) problems.push({ path: `${at}.category`, expected: `one of ${CATEGORIES.join(', ')}`, value: c.category });
    if (!(Number.isSafeInteger(c.count) && c.count > 0)) problems.push({ path: `${at}.count`, expected: 'a positive integer', value: c.count });
    const r = c.priceRange;
    if (r !== undefined && !(r[0] > 0 && r[0] <= r[1] && Number.isFinite(r[1]))) problems.push({ path: `${at}.priceRange`, expected: 'a [min, max] pair of prices with 0 < min ≤ max', value: r });
    const m = c.stockMedian;
    if (m !== undefined && !(m > 0 && Number.isFinite(m))) problems.push({ path: `${at}.stockMedian`, expected: 'a positive number', value: m });
  });
  if (o.plan !== undefined && o.plan.length === 0) problems.push({ path: 'catalog.generate.categories', expected: 'at least one category', value: o.plan });
  if (problems.length > 0) throw new InputError(problems);
}

/** A list price (ending in 9 when the range allows) whose live price falls in [lo, hi] yuan. */
function listPriceIn(rng: Parameters<typeof logNormal>[0], [lo, hi]: readonly [number, number], sigma: number, discount: number): number {
  const median = Math.sqrt(lo * hi);
  for (let k = 0; k < 32; k++) {
    const live = logNormal(rng, median, sigma);
    if (live < lo || live > hi) continue;
    const list = Math.round(live / (1 - discount) / 10) * 10 - 1;
    const back = list * (1 - discount);
    return back >= lo && back <= hi ? list : round2(live / (1 - discount));
  }
  return round2(median / (1 - discount));
}

export function generateCatalog(o: CatalogOptions): Catalog {
  validate(o);
  const rng = new RngStreams(o.seed).stream(o.owner ?? 0, 'catalog');
  fakerEn.seed(rng.nextU32());
  fakerZh.seed(rng.nextU32());
  const weights = CATEGORIES.map((c) => (o.categories ? (o.categories[c] ?? 0) : 1));
  const discount = o.liveDiscount ?? LIVE_DISCOUNT;
  const plan = o.plan;
  const size = plan === undefined ? o.size : plan.reduce((n, c) => n + c.count, 0);
  const width = Math.max(4, String(size).length);
  const sigma = o.priceSigma ?? 0.35;
  const skus: Sku[] = [];
  let group = 0;
  let left = plan?.[0]?.count ?? 0;
  for (let i = 0; i < size; i++) {
    const id = `sku-${String(i + 1).padStart(width, '0')}`;
    if (plan !== undefined && left === 0) left = plan[++group]!.count;
    left--;
    const planned = plan?.[group];
    const category = planned?.category ?? CATEGORIES[weightedIndex(rng, weights)]!;
    const spec = VOCABULARY[category];
    const sub = fakerEn.helpers.arrayElement(spec.subcategories);
    const adj = fakerEn.helpers.arrayElement(spec.adjectives);
    const brand = { en: fakerEn.person.lastName(), zh: fakerZh.person.firstName() + fakerZh.helpers.arrayElement(ZH_BRAND_SUFFIXES) };
    const range = planned?.priceRange;
    // list prices end in 9, as shop prices do
    const listPrice = range === undefined ? Math.max(9, Math.round(logNormal(rng, sub.medianListPrice, sigma) / 10) * 10 - 1) : listPriceIn(rng, range, sigma, discount);
    const price = range === undefined ? round2(listPrice * (1 - discount)) : Math.min(range[1], Math.max(range[0], round2(listPrice * (1 - discount))));
    const cost = round2(price * (1 - uniform(rng, spec.margin[0], spec.margin[1])));
    const stock = Math.max(10, Math.round(logNormal(rng, planned?.stockMedian ?? o.stockMedian ?? 500, 0.5)));
    const count = fakerEn.number.int({ min: 1, max: Math.min(4, sub.variants.length) });
    const picked = fakerEn.helpers.arrayElements(sub.variants, count).sort((a, b) => sub.variants.indexOf(a) - sub.variants.indexOf(b));
    const variants: Variant[] = picked.map((label, k) => ({ id: `${id}/${k}`, kind: sub.variantKind, label }));
    skus.push({
      id,
      name: { zh: `${brand.zh}${adj.zh}${sub.name.zh}`, en: `${brand.en} ${adj.en} ${sub.name.en}` },
      brand,
      category,
      subcategory: sub.key,
      price,
      listPrice,
      cost,
      margin: Math.round(((price - cost) / price) * 1e4) / 1e4,
      stock,
      variants,
    });
  }
  return catalogOf(skus);
}
