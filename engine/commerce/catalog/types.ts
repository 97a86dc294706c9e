// What a SKU is: category, prices (yuan), margin, stock and variants, with a Chinese and an English name.
export const CATEGORIES = ['beauty', 'food', 'apparel'] as const;
export type Category = (typeof CATEGORIES)[number];

export type VariantKind = 'shade' | 'size' | 'flavor' | 'volume';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface Variant {
  /** `${skuId}/${index}` */
  readonly id: string;
  readonly kind: VariantKind;
  readonly label: Bilingual;
}

export interface Sku {
  readonly id: string;
  readonly name: Bilingual;
  readonly brand: Bilingual;
  readonly category: Category;
  /** e.g. 'lipstick', 'gift-box', 'dress' */
  readonly subcategory: string;
  /** the live-room price, yuan */
  readonly price: number;
  /** the store's list price, yuan (≥ price) */
  readonly listPrice: number;
  /** unit cost, yuan */
  readonly cost: number;
  /** gross margin on the live price: (price − cost) / price */
  readonly margin: number;
  /** units in stock at the start of the show (for all variants together) */
  readonly stock: number;
  /** descriptive choices (shade, size…); stock is kept per SKU */
  readonly variants: readonly Variant[];
}

export interface Catalog {
  readonly skus: readonly Sku[];
  readonly byId: ReadonlyMap<string, Sku>;
}

export function catalogOf(skus: readonly Sku[]): Catalog {
  return Object.freeze({ skus: Object.freeze([...skus]), byId: new Map(skus.map((s) => [s.id, s])) });
}
