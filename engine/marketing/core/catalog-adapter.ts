// Maps a commerce catalog (engine/commerce: bilingual names, category + subcategory) onto the engine's
// CatalogInfo, structurally, so marketing does not import commerce. The subcategory ('lipstick',
// 'eyeshadow'…) is the interest category: it is what a viewer's taste drifts between.
import type { CatalogInfo } from './catalog.ts';

export interface CommerceLikeSku {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly category: string;
  readonly subcategory?: string;
  readonly price: number;
  readonly margin: number;
}

export function catalogInfoFromSkus(skus: readonly CommerceLikeSku[]): CatalogInfo {
  return {
    skus: skus.map((s) => ({
      sku: s.id,
      name: s.name.en,
      aliases: [s.name.zh],
      category: s.subcategory ? s.subcategory : s.category,
      ...(s.subcategory ? { parentCategory: s.category } : {}),
      price: s.price,
      margin: s.margin,
    })),
  };
}
