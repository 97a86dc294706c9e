// The words of a host prompt, English or Chinese, from (intent, SKU name, topic, number of viewers).
import type { CommentIntent, Lang } from '../../protocol.ts';

const TOPIC_ZH: Record<string, string> = {
  'sensitive skin': '敏感肌',
  'dry skin': '干皮',
  'oily skin': '油皮',
  'acne-prone skin': '痘痘肌',
  pregnancy: '孕期',
  'skin tone': '肤色',
  fit: '版型',
};

function english(intent: CommentIntent, n: number, sku: string | undefined, topic: string | undefined): string {
  const it = sku ?? 'it';
  const of = sku === undefined ? '' : ` of ${sku}`;
  const ask = `${n} viewers ask`;
  switch (intent) {
    case 'sizing':
      return `${ask} about sizing${of}${topic === 'fit' ? ' (does it run small or large?)' : ''}: address it`;
    case 'suitability':
      return topic === undefined ? `${ask} who ${it} suits: address it` : `${ask} whether ${it} suits ${topic}: address it`;
    case 'price':
      return `${ask} about the price${of} and coupons: address it`;
    case 'shipping':
      return `${ask} about shipping${sku === undefined ? '' : ` for ${sku}`}: address it`;
    case 'authenticity':
      return `${ask} whether ${it} is authentic: address it`;
    case 'complaint':
      return `${n} viewers complain${sku === undefined ? '' : ` about ${sku}`}: address it`;
    default:
      return `${n} viewers comment on ${it} (${intent}): address it`;
  }
}

function chinese(intent: CommentIntent, n: number, sku: string | undefined, topic: string | undefined): string {
  const it = sku ?? '这款';
  const ask = `${n}位观众在问`;
  switch (intent) {
    case 'sizing':
      return `${ask}${it}的尺码${topic === 'fit' ? '（偏大还是偏小）' : ''}，请回应`;
    case 'suitability':
      return topic === undefined ? `${ask}${it}适合什么人，请回应` : `${ask}${it}是否适合${TOPIC_ZH[topic] ?? topic}，请回应`;
    case 'price':
      return `${ask}${it}的价格和优惠券，请回应`;
    case 'shipping':
      return `${ask}${it}的发货和包邮，请回应`;
    case 'authenticity':
      return `${ask}${it}是不是正品，请回应`;
    case 'complaint':
      return `${n}位观众在投诉${sku ?? ''}，请回应`;
    default:
      return `${n}位观众在讨论${it}（${intent}），请回应`;
  }
}

export function promptText(lang: Lang, intent: CommentIntent, viewers: number, skuName: string | undefined, topic: string | undefined): string {
  return lang === 'zh' ? chinese(intent, viewers, skuName, topic) : english(intent, viewers, skuName, topic);
}
