// The live-commerce domain dictionary loaded into jieba on top of its default dictionary, so that terms
// such as 敏感肌 or 色号 come out as one token. A high frequency makes jieba prefer the whole word.
// Typo variants viewers type (homophones, one wrong character) are words too; `TYPO_ALIASES` maps them
// back to the canonical term before the lexicon is consulted.

const FREQ = 200_000;

/** Canonical domain terms, grouped only for readability. */
export const DOMAIN_TERMS: readonly string[] = [
  // skin and suitability
  '敏感肌', '干皮', '油皮', '混油', '混干', '混合皮', '痘痘肌', '痘肌', '黄皮', '黄黑皮', '白皮', '黑皮', '孕妇',
  '学生党', '过敏', '能用', '适合', '显白', '显黑', '肤色', '闷痘', '烂脸', '卡粉', '脱妆', '持妆',
  // beauty categories and attributes
  '口红', '唇膏', '唇釉', '眼影', '眼影盘', '粉底', '粉底液', '气垫', '遮瑕', '睫毛膏', '腮红', '散粉', '面霜',
  '精华', '精华液', '面膜', '防晒', '防晒霜', '色号', '试色', '质地', '哑光', '滋润',
  // apparel and sizing
  '尺码', '码数', '偏大', '偏小', '正码', '大码', '小码', '身高', '体重', '腰围', '肩宽', '胸围', '裤长', '衣长',
  '连衣裙', '卫衣', '外套', '牛仔裤', '阔腿裤', '针织衫', '显瘦',
  // food
  '礼盒', '每日坚果', '螺蛳粉', '零食大礼包',
  // price and promotion
  '多少钱', '优惠券', '优惠', '满减', '折扣', '打折', '降价', '划算', '到手价', '原价', '便宜点', '秒杀', '福袋',
  // shipping
  '包邮', '发货', '快递', '物流', '到货', '运费', '顺丰', '偏远地区', '几天到', '次日达',
  // authenticity
  '正品', '假货', '假的', '专柜', '防伪码', '授权', '旗舰店', '水货', '验货',
  // praise and complaint
  '好看', '好用', '爱了', '绝了', '冲鸭', '已拍', '下单了', '回购', '退货', '退款', '质量差', '骗人', '垃圾',
  '难用', '没收到', '太慢', '坑人', '投诉', '失望', '翻车',
  // links and spam cues
  '链接', '上链接', '二维码', '扫码', '加微信', '微信号', '私聊',
];

/** Typos and homophones seen in danmaku → the canonical term. */
export const TYPO_ALIASES: ReadonlyMap<string, string> = new Map([
  ['敏感机', '敏感肌'],
  ['敏敢肌', '敏感肌'],
  ['包油', '包邮'],
  ['包由', '包邮'],
  ['证品', '正品'],
  ['正品吗', '正品'],
  ['色后', '色号'],
  ['色浩', '色号'],
  ['尺马', '尺码'],
  ['尺吗', '尺码'],
  ['发获', '发货'],
  ['优惠卷', '优惠券'],
  ['油皮肤', '油皮'],
  ['干皮肤', '干皮'],
  ['假货吧', '假货'],
  ['链节', '链接'],
]);

/** The dictionary text jieba loads: `word freq` per line. */
export function domainDictionary(extra: readonly string[] = []): string {
  const words = [...DOMAIN_TERMS, ...TYPO_ALIASES.keys(), ...extra];
  return words.map((w) => `${w} ${FREQ}`).join('\n') + '\n';
}
