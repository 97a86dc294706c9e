// Chinese comment templates by intent, with family-specific lines where the question depends on the
// product. Slots: {p} product noun, {h} height and weight, {n} a number.
import type { CommentIntent } from '../../../../engine/protocol.ts';
import type { Family } from '../../../personas/index.ts';

export type Templates = Readonly<Record<CommentIntent, { readonly any: readonly string[] } & Partial<Record<Family, readonly string[]>>>>;

export const ZH: Templates = {
  sizing: {
    any: ['有没有大码', '尺码标准吗', '偏大还是偏小'],
    apparel: ['{h}穿什么码', '{h}穿M还是L', '小个子能穿吗', '腰围{n}能穿吗', '{p}有XL吗', '梨形身材穿哪个码'],
  },
  suitability: {
    any: ['学生党适合吗', '送人合适吗'],
    beauty: ['敏感肌能用吗', '孕妇能用吗', '油皮适合吗', '干皮用会卡粉吗', '{p}适合黄皮吗', '混油皮可以用吗', '过敏体质能用吗', '痘痘肌能用吗'],
    food: ['糖尿病能吃吗', '小孩能吃吗', '减肥期间能吃吗', '孕妇能吃吗'],
    apparel: ['梨形身材适合吗', '微胖能穿吗', '四十岁穿合适吗'],
  },
  price: { any: ['多少钱', '{p}多少钱啊', '还能便宜点吗', '有优惠券吗', '比旗舰店便宜吗', '链接几号', '价格多少', '买二送一吗'] },
  shipping: { any: ['什么时候发货', '包邮吗', '几天能到', '发什么快递', '偏远地区包邮吗', '今天下单明天能发吗'] },
  authenticity: {
    any: ['是正品吗', '保真吗', '是不是假货', '有没有质检报告'],
    beauty: ['有防伪码吗', '专柜同款吗', '能查真伪吗'],
  },
  praise: { any: ['好看', '主播好美', '已下单', '买了买了', '太好看了吧', '{p}绝了', '爱了爱了', 'yyds', '回购第{n}次了', '姐妹们冲'] },
  complaint: { any: ['卡了', '好卡啊', '画面糊了', '怎么又卡了', '声音断断续续', '上次买的质量不行', '客服不回消息', '发货太慢了'] },
  spam: { any: ['加V{n}领福利', '关注我看更多好物', '私信领红包', '兼职日结{n}元', 'vx{n}', '点我头像有惊喜'] },
  other: { any: ['来了来了', '主播好', '第一次来', '刚来，讲的什么', '什么时候抽奖', '有福袋吗', '晚上好', '主播几点下播'] },
};

/** product nouns by interest dimension (CATEGORIES order) */
export const ZH_NOUNS: readonly string[] = [
  '口红', '眼影', '粉底', '精华', '面膜', '防晒',
  '零食', '礼盒', '坚果', '茶叶', '螺蛳粉',
  '裙子', '上衣', '裤子', '外套', '毛衣',
];
