// What viewers call the common live-commerce categories, Chinese and English. A catalog category
// matches an entry when its name is the entry's key or one of its terms (case-insensitive), so a
// faker catalog with 'lipstick' and a hand-written one with '口红' both work.
export const CATEGORY_TERMS: readonly (readonly [key: string, terms: string])[] = [
  // beauty (commerce's generated subcategories: lipstick, eyeshadow, foundation, serum, face-mask, sunscreen)
  ['lipstick', '口红 唇膏 唇釉 唇彩 lipstick lipsticks lip gloss'],
  ['eyeshadow', '眼影 眼影盘 eyeshadow eyeshadows palette'],
  ['foundation', '粉底 粉底液 气垫 foundation cushion'],
  ['concealer', '遮瑕 concealer'],
  ['mascara', '睫毛膏 mascara'],
  ['blush', '腮红 blush'],
  ['serum', '精华 精华液 serum essence'],
  ['face-mask', '面膜 mask masks'],
  ['skincare', '面霜 水乳 skincare cream moisturizer'],
  ['sunscreen', '防晒 防晒霜 sunscreen spf'],
  // food (snacks, gift-box, nuts, tea, noodles)
  ['snacks', '零食 零食大礼包 snack snacks'],
  ['gift-box', '礼盒 gift giftbox'],
  ['nuts', '坚果 每日坚果 nuts'],
  ['tea', '茶 茶叶 tea'],
  ['noodles', '螺蛳粉 米粉 noodles noodle'],
  ['fruit', '水果 fruit'],
  // apparel (dress, top, pants, coat, knitwear)
  ['dress', '连衣裙 裙子 dress dresses skirt'],
  ['top', '上衣 t恤 衬衫 top tops shirt'],
  ['pants', '裤子 阔腿裤 牛仔裤 pants jeans trousers'],
  ['coat', '外套 大衣 羽绒服 coat jacket'],
  ['knitwear', '针织衫 毛衣 卫衣 knit sweater knitwear hoodie'],
  ['shoes', '鞋 鞋子 运动鞋 shoes sneakers'],
  ['bags', '包包 手提包 bag bags handbag'],
  ['electronics', '耳机 充电宝 earbuds charger electronics'],
];

/** The terms (lower case) viewers may use for a catalog category: its own name plus a matching entry's. */
export function termsForCategory(category: string): string[] {
  const name = category.normalize('NFKC').toLowerCase();
  const terms = new Set<string>([name]);
  for (const [key, list] of CATEGORY_TERMS) {
    const words = list.split(' ');
    if (key === name || words.includes(name)) for (const w of words) terms.add(w);
  }
  return [...terms];
}
