// What the engine knows about the catalog: SKUs in link order ("3号链接" = the third SKU), their
// category, price and margin. A minimal structural type so commerce's catalog can be mapped onto it.
export interface CatalogSku {
  sku: string;
  /** display name, matched as a substring of comments (case-insensitive) */
  name: string;
  /** interest category, e.g. 'lipstick' or '口红'; matched against the built-in category terms */
  category: string;
  /** the catalog's top-level category when `category` is a subcategory (e.g. 'beauty' over 'lipstick') */
  parentCategory?: string;
  /** price in yuan */
  price: number;
  /** gross margin as a fraction of price, 0..1 */
  margin: number;
  /** other names viewers use for this SKU (e.g. a Chinese name, a shade number) */
  aliases?: readonly string[];
}

export interface CatalogInfo {
  skus: readonly CatalogSku[];
}

/** The catalog, indexed once at engine creation. */
export interface CatalogIndex {
  readonly skus: readonly CatalogSku[];
  readonly skuIndex: ReadonlyMap<string, number>;
  /** distinct categories in first-appearance order */
  readonly categories: readonly string[];
  readonly categoryOfSku: Int32Array;
  /** SKU indices per category, in catalog order */
  readonly skusByCategory: readonly (readonly number[])[];
  /** price tier per SKU: 0 low, 1 mid, 2 high (terciles of catalog prices) */
  readonly tierOfSku: Int8Array;
  /** log-price bounds, for a viewer's price level in [0, 1] */
  readonly logPriceMin: number;
  readonly logPriceMax: number;
  readonly medianPrice: number;
}

export function indexCatalog(info: CatalogInfo): CatalogIndex {
  const skus = info.skus;
  const skuIndex = new Map<string, number>();
  const catIndex = new Map<string, number>();
  const categories: string[] = [];
  const skusByCategory: number[][] = [];
  const categoryOfSku = new Int32Array(skus.length);
  skus.forEach((s, i) => {
    if (skuIndex.has(s.sku)) throw new RangeError(`catalog: SKU ${s.sku} appears twice`);
    if (!(s.price > 0)) throw new RangeError(`catalog: SKU ${s.sku} price must be > 0, got ${s.price}`);
    skuIndex.set(s.sku, i);
    let c = catIndex.get(s.category);
    if (c === undefined) {
      c = categories.length;
      catIndex.set(s.category, c);
      categories.push(s.category);
      skusByCategory.push([]);
    }
    categoryOfSku[i] = c;
    skusByCategory[c]!.push(i);
  });
  const prices = skus.map((s) => s.price).sort((a, b) => a - b);
  const tierOfSku = new Int8Array(skus.length);
  const lo = prices[Math.floor(prices.length / 3)] ?? 0;
  const hi = prices[Math.floor((2 * prices.length) / 3)] ?? 0;
  skus.forEach((s, i) => {
    // a one-price catalog has no tiers: call everything mid
    tierOfSku[i] = prices[0] === prices[prices.length - 1] ? 1 : s.price < lo ? 0 : s.price < hi ? 1 : 2;
  });
  const min = prices[0] ?? 1;
  const max = prices[prices.length - 1] ?? 1;
  return {
    skus,
    skuIndex,
    categories,
    categoryOfSku,
    skusByCategory,
    tierOfSku,
    logPriceMin: Math.log(min),
    logPriceMax: Math.log(Math.max(max, min * 1.0001)),
    medianPrice: prices[Math.floor(prices.length / 2)] ?? 1,
  };
}

/** Where a price sits between the catalog's cheapest and dearest SKU, on a log scale, in [0, 1]. */
export function priceLevel(cat: CatalogIndex, price: number): number {
  const x = (Math.log(Math.max(price, 1e-9)) - cat.logPriceMin) / (cat.logPriceMax - cat.logPriceMin);
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
