// Intent cues, token → (intent, weight, topic). Chinese entries are jieba tokens (the domain dictionary
// makes them single tokens); English entries are lower-case words or two-word phrases. Weights are a
// judgement: a cue that names the intent outright (尺码, 包邮, fake) weighs 2–3, a hint weighs ~1. A topic
// refines the cluster key and the prompt text ("whether it suits sensitive skin").
import type { CommentIntent } from '../../protocol.ts';

export interface Cue {
  intent: CommentIntent;
  weight: number;
  topic?: string;
}

type Row = readonly [intent: CommentIntent, weight: number, words: string, topic?: string];

const ROWS: readonly Row[] = [
  ['sizing', 3, '尺码 码数 正码 大码 小码 尺寸 偏大 偏小 size sizing sizes xs xl xxl'],
  ['sizing', 2, '身高 体重 腰围 肩宽 胸围 裤长 衣长 合身 斤 码 fit fits tall height weight waist inseam'],
  ['sizing', 2, 'runs-small runs-large true-to', 'fit'],
  ['sizing', 1, 'small large big 大 小'],
  ['suitability', 3, '敏感肌 过敏 sensitive allergic allergy', 'sensitive skin'],
  ['suitability', 3, '干皮 dry', 'dry skin'],
  ['suitability', 3, '油皮 混油 oily greasy', 'oily skin'],
  ['suitability', 3, '痘痘肌 痘肌 闷痘 acne breakouts', 'acne-prone skin'],
  ['suitability', 3, '孕妇 pregnant pregnancy', 'pregnancy'],
  ['suitability', 2, '黄皮 黄黑皮 黑皮 白皮 肤色 显白 显黑 undertone undertones', 'skin tone'],
  ['suitability', 2, '适合 能用 学生党 卡粉 脱妆 持妆 suit suits suitable', undefined],
  ['price', 3, '多少钱 价格 优惠券 满减 折扣 打折 降价 到手价 原价 便宜点 券 price prices cost costs discount coupon coupons how-much'],
  ['price', 2, '钱 优惠 便宜 贵 划算 秒杀 价 cheap cheaper expensive deal sale $ yuan'],
  ['shipping', 3, '包邮 发货 快递 物流 运费 顺丰 几天到 次日达 偏远地区 shipping ship ships shipped delivery deliver courier free-shipping'],
  ['shipping', 2, '到货 到 寄 arrive arrives postage'],
  ['authenticity', 3, '正品 假货 假的 专柜 防伪码 授权 旗舰店 水货 验货 authentic genuine fake counterfeit legit original knockoff'],
  ['authenticity', 1, '真的 真 real'],
  ['praise', 2, '好看 好用 爱了 绝了 冲鸭 已拍 下单了 回购 漂亮 喜欢 赞 666 太美 love beautiful gorgeous amazing awesome great nice pretty bought perfect'],
  ['praise', 1, '美 好 冲 棒 good like cute'],
  ['complaint', 3, '退货 退款 质量差 骗人 垃圾 难用 没收到 坑人 投诉 失望 翻车 refund scam terrible worst broken disappointed awful garbage'],
  ['complaint', 2, '太慢 差 坑 烂 卡 慢 bad slow lag laggy never-arrived'],
  ['spam', 3, '加微信 微信号 二维码 扫码 私聊 vx wechat whatsapp telegram'],
];

function build(): Map<string, Cue> {
  const m = new Map<string, Cue>();
  for (const [intent, weight, words, topic] of ROWS) {
    for (const w of words.split(' ')) {
      const key = w.replaceAll('-', ' ');
      if (m.has(key)) throw new Error(`lexicon: cue "${key}" listed twice`);
      m.set(key, topic === undefined ? { intent, weight } : { intent, weight, topic });
    }
  }
  return m;
}

/** All cues; two-word English phrases are keyed with one space ("how much"). */
export const LEXICON: ReadonlyMap<string, Cue> = build();

/** Tokens that make a comment a question (Chinese particles and interrogatives, English openers). */
export const QUESTION_CUES: ReadonlySet<string> = new Set(
  '? 吗 嘛 么 呢 多少 怎么 怎么样 什么 几 几天 能不能 有没有 是不是 可不可以 会不会 哪 哪个 how what which when does do is are can could will any'.split(' '),
);

/** Intents that ask the host something and can become a host prompt. */
export const QUESTION_INTENTS: ReadonlySet<CommentIntent> = new Set(['sizing', 'suitability', 'price', 'shipping', 'authenticity']);

/** Tie-break order when two intents score the same: the more actionable first. */
export const INTENT_PRIORITY: readonly CommentIntent[] = [
  'spam', 'complaint', 'authenticity', 'suitability', 'sizing', 'shipping', 'price', 'praise', 'other',
];
