// What viewers call the common live-commerce categories, Chinese and English. A catalog category
// matches an entry when its name is the entry's key or one of its terms (case-insensitive), so a
// faker catalog with 'lipstick' and a hand-written one with '口红' both work.
export const CATEGORY_TERMS: readonly (readonly [key: string, terms: string])[] = [
  ['lipstick', '口红 唇膏 唇釉 唇彩 lipstick lipsticks lip gloss'],
  ['eyeshadow', '眼影 眼影盘 eyeshadow eyeshadows palette'],
  ['foundation', '粉底 粉底液 气垫 foundation cushion'],
  ['concealer', '遮瑕 concealer'],
  ['mascara', '睫毛膏 mascara'],
  ['blush', '腮红 blush'],
  ['skincare', '面霜 精华 面膜 水乳 skincare serum cream mask'],
  ['sunscreen', '防晒 sunscreen spf'],
  ['dress', '连衣裙 裙子 dress dresses skirt'],
  ['tops', '上衣 t恤 卫衣 衬衫 top tops shirt hoodie'],
  ['outerwear', '外套 大衣 羽绒服 coat jacket'],
  ['pants', '裤子 牛仔裤 pants jeans trousers'],
  ['shoes', '鞋 鞋子 运动鞋 shoes sneakers'],
  ['bags', '包 包包 bag bags handbag'],
  ['snacks', '零食 坚果 snack snacks nuts'],
  ['tea', '茶 茶叶 tea'],
  ['fruit', '水果 fruit'],
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
