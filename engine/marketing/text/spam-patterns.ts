// Patterns of danmaku spam and noise: links, QR codes, contact handles (WeChat/QQ ids, phone numbers)
// that bots post to pull viewers off the platform, long runs of one character, and text with nothing in
// it. Used by the cleaner (to drop) and by the classifier (to label 'spam' when cleaning is off).

const LINK = /(https?:\/\/|www\.|[a-z0-9-]+\.(com|cn|net|top|xyz|cc|vip)\b)/i;
const QR = /(二维码|扫码|扫一扫|qr\s*code)/i;
const CONTACT = /(加\s*[微威薇vV]|[vV]\s*[xX信]|微信号|wechat|weixin|\bwx\b|whatsapp|telegram|qq\s*[号群:：]?\s*\d{5,}|q群|私聊我|私信我)/i;
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
/** Text with no letters, CJK or digits: emoji-only, punctuation-only, blank. */
const CONTENTLESS = /^[^\p{L}\p{N}]*$/u;

export type SpamKind = 'link' | 'contact';

/** Which spam pattern a normalised text matches, if any. */
export function spamKind(text: string): SpamKind | undefined {
  if (LINK.test(text) || QR.test(text)) return 'link';
  if (CONTACT.test(text) || PHONE.test(text)) return 'contact';
  return undefined;
}

/** Length of the longest run of one repeated character (code points, so emoji count once). */
export function longestRun(text: string): number {
  let best = 0;
  let run = 0;
  let prev = '';
  for (const ch of text) {
    run = ch === prev ? run + 1 : 1;
    prev = ch;
    if (run > best) best = run;
  }
  return best;
}

/** Share of distinct characters in a text (1 = all different); long texts near 0 are filler. */
export function diversity(text: string): number {
  const chars = [...text];
  return chars.length === 0 ? 1 : new Set(chars).size / chars.length;
}

export function isContentless(text: string): boolean {
  return CONTENTLESS.test(text);
}
