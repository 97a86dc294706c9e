// Typos and noise so that comments look like danmaku, not like templates: the marketing engine's
// cleaning and intent classifier must cope with them. Each function takes the stream explicitly.
import type { Rng } from '../../../../engine/kernel/index.ts';

const ZH_TAILS = ['？', '？？', '!!', '～', '😍', '👍', '哈哈哈', '...', '[捂脸]'];
// common homophone slips in typed Chinese
const ZH_SLIPS: readonly (readonly [string, string])[] = [['的', '得'], ['在', '再'], ['吗', '嘛'], ['吗', '么'], ['哪', '那'], ['吧', '把']];
const EN_TAILS = ['???', '!!', ' lol', ' 😍', ' pls', '..'];

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[Math.floor(rng.next() * xs.length)]!;
}

export function zhNoise(rng: Rng, text: string): string {
  const k = rng.next();
  if (k < 0.35) return text + pick(rng, ZH_TAILS);
  if (k < 0.6) {
    const [from, to] = pick(rng, ZH_SLIPS);
    return text.includes(from) ? text.replace(from, to) : text + pick(rng, ZH_TAILS);
  }
  if (k < 0.75) return text.replace(/[？?]$/, ''); // question without its mark
  if (k < 0.85) return text + text; // 多少钱多少钱
  return text.split('').join(rng.next() < 0.5 ? ' ' : ''); // spaced out (or unchanged)
}

export function enNoise(rng: Rng, text: string): string {
  const k = rng.next();
  if (k < 0.3) return text + pick(rng, EN_TAILS);
  if (k < 0.55 && text.length > 3) {
    const i = 1 + Math.floor(rng.next() * (text.length - 2)); // swap two neighbours
    return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
  }
  if (k < 0.7 && text.length > 3) {
    const i = Math.floor(rng.next() * text.length); // drop a letter
    return text.slice(0, i) + text.slice(i + 1);
  }
  if (k < 0.8) return text.toUpperCase();
  return text.replace(/\byou\b/g, 'u').replace(/\bplease\b/g, 'pls').replace(/\?$/, '');
}

/** spam hides its contact details from filters: V x 1 2 3 */
export function obfuscate(rng: Rng, text: string): string {
  return rng.next() < 0.5 ? text.replace(/(\d)/g, '$1 ') .trim() : text.replace(/V|vx/i, 'v❤x');
}
