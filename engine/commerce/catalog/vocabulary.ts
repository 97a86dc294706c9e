// The words and price levels a generated catalog is made of, per subcategory. Median list prices (CNY) and
// margin ranges are assumptions for plausible catalogs, not calibrated figures: no source in
// CALIBRATION.md gives them. Names pair Chinese and English so both languages describe the same product.
import type { Bilingual, Category, VariantKind } from './types.ts';

export interface SubcategorySpec {
  readonly key: string;
  readonly name: Bilingual;
  /** median store list price, yuan (assumption) */
  readonly medianListPrice: number;
  readonly variantKind: VariantKind;
  readonly variants: readonly Bilingual[];
}

export interface CategorySpec {
  /** gross margin range on the live price (assumption: beauty high, food thin, apparel between) */
  readonly margin: readonly [number, number];
  readonly adjectives: readonly Bilingual[];
  readonly subcategories: readonly SubcategorySpec[];
}

const b = (zh: string, en: string): Bilingual => ({ zh, en });

const SHADES = [b('正红', 'Ruby'), b('珊瑚', 'Coral'), b('裸色', 'Nude'), b('玫瑰', 'Rose'), b('梅子', 'Plum'), b('砖红', 'Brick'), b('蜜桃', 'Peach'), b('莓果', 'Berry')];
const TONES = [b('象牙白', 'Ivory'), b('自然色', 'Natural'), b('暖米色', 'Warm Beige'), b('小麦色', 'Sand')];
const VOLUMES = [b('30毫升', '30 ml'), b('50毫升', '50 ml'), b('100毫升', '100 ml')];
const PACKS = [b('单片装', 'Single'), b('10片装', 'Box of 10'), b('20片装', 'Box of 20')];
const FLAVORS = [b('原味', 'Original'), b('香辣', 'Spicy'), b('五香', 'Five-spice'), b('海苔', 'Seaweed'), b('蜂蜜', 'Honey')];
const BOXES = [b('经典款', 'Classic'), b('豪华款', 'Deluxe'), b('家庭装', 'Family')];
const WEIGHTS = [b('250克', '250 g'), b('500克', '500 g'), b('1千克', '1 kg')];
const SIZES = [b('S码', 'S'), b('M码', 'M'), b('L码', 'L'), b('XL码', 'XL')];

export const VOCABULARY: Readonly<Record<Category, CategorySpec>> = {
  beauty: {
    margin: [0.55, 0.75],
    adjectives: [b('丝绒哑光', 'Velvet Matte'), b('水润', 'Hydrating'), b('持妆', 'Long-wear'), b('丝滑', 'Silky'), b('光感', 'Radiant'), b('温和', 'Gentle')],
    subcategories: [
      { key: 'lipstick', name: b('口红', 'Lipstick'), medianListPrice: 139, variantKind: 'shade', variants: SHADES },
      { key: 'eyeshadow', name: b('眼影盘', 'Eyeshadow Palette'), medianListPrice: 169, variantKind: 'shade', variants: SHADES },
      { key: 'foundation', name: b('粉底液', 'Foundation'), medianListPrice: 239, variantKind: 'shade', variants: TONES },
      { key: 'serum', name: b('精华液', 'Serum'), medianListPrice: 329, variantKind: 'volume', variants: VOLUMES },
      { key: 'face-mask', name: b('面膜', 'Sheet Mask'), medianListPrice: 99, variantKind: 'volume', variants: PACKS },
      { key: 'sunscreen', name: b('防晒霜', 'Sunscreen'), medianListPrice: 129, variantKind: 'volume', variants: VOLUMES },
    ],
  },
  food: {
    margin: [0.2, 0.35],
    adjectives: [b('香脆', 'Crispy'), b('精选', 'Premium'), b('手工', 'Hand-made'), b('低糖', 'Low-sugar'), b('地道', 'Authentic')],
    subcategories: [
      { key: 'snacks', name: b('零食大礼包', 'Snack Pack'), medianListPrice: 49, variantKind: 'flavor', variants: FLAVORS },
      { key: 'gift-box', name: b('礼盒', 'Gift Box'), medianListPrice: 159, variantKind: 'size', variants: BOXES },
      { key: 'nuts', name: b('每日坚果', 'Daily Nuts'), medianListPrice: 79, variantKind: 'size', variants: WEIGHTS },
      { key: 'tea', name: b('茶叶', 'Tea'), medianListPrice: 129, variantKind: 'size', variants: WEIGHTS },
      { key: 'noodles', name: b('螺蛳粉', 'Snail Rice Noodles'), medianListPrice: 39, variantKind: 'flavor', variants: FLAVORS },
    ],
  },
  apparel: {
    margin: [0.4, 0.6],
    adjectives: [b('宽松', 'Loose-fit'), b('修身', 'Slim'), b('法式', 'French-style'), b('复古', 'Vintage'), b('亚麻', 'Linen'), b('通勤', 'Office')],
    subcategories: [
      { key: 'dress', name: b('连衣裙', 'Dress'), medianListPrice: 259, variantKind: 'size', variants: SIZES },
      { key: 'top', name: b('上衣', 'Top'), medianListPrice: 99, variantKind: 'size', variants: SIZES },
      { key: 'pants', name: b('阔腿裤', 'Wide-leg Pants'), medianListPrice: 169, variantKind: 'size', variants: SIZES },
      { key: 'coat', name: b('外套', 'Coat'), medianListPrice: 459, variantKind: 'size', variants: SIZES },
      { key: 'knitwear', name: b('针织衫', 'Knit Sweater'), medianListPrice: 189, variantKind: 'size', variants: SIZES },
    ],
  },
};

/** Chinese brand-name endings ("…堂", "…记"): a faker given name plus one reads like a domestic brand. */
export const ZH_BRAND_SUFFIXES = ['堂', '记', '家', '坊', '氏', '研'] as const;
