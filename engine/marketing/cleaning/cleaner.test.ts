import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKETING_CONFIG } from '../config.ts';
import { ViewerSlots } from '../core/columns.ts';
import { normalizeText } from '../text/segmenter.ts';
import { Cleaner, DROP_REASONS } from './cleaner.ts';

const params = DEFAULT_MARKETING_CONFIG.cleaning;

function cleaner(): { c: Cleaner; check: (viewer: number, text: string, t: number) => string | undefined } {
  const slots = new ViewerSlots(16);
  const c = new Cleaner(params, slots);
  return { c, check: (viewer, text, t) => c.check(slots.slotOf(viewer), normalizeText(text), t) };
}

describe('cleaning', () => {
  it.each([
    ['加微信abc123领福利', 'spam', 'WeChat handle'],
    ['vx: meimei888', 'spam', 'vx handle'],
    ['扫码进群', 'spam', 'QR code'],
    ['www.cheap.top', 'spam', 'link'],
    ['http://x.cn/a', 'spam', 'link'],
    ['call 13812345678', 'spam', 'phone number'],
    ['哈哈哈哈哈哈哈哈哈', 'repeated', 'a run of 9 of one character'],
    ['！！！。。。', 'noise', 'punctuation only'],
    ['   ', 'noise', 'blank'],
    ['🔥🔥', 'noise', 'emoji only'],
    ['敏感肌能用吗', undefined, 'a real question is kept'],
    ['666', undefined, 'short praise is kept'],
  ])('%s → %s (%s)', (text: string, want: string | undefined, _why: string) => {
    expect(cleaner().check(1, text, 0)).toBe(want);
  });

  it('drops the same text from the same viewer within the window, not from another viewer or later', () => {
    const { check } = cleaner();
    expect(check(1, '包邮吗', 0)).toBeUndefined();
    expect(check(1, '包邮吗？', 2_000)).toBe('duplicate'); // punctuation ignored
    expect(check(2, '包邮吗', 2_000)).toBeUndefined();
    expect(check(1, '包邮吗', 2_000 + params.dedupeWindowMs)).toBeUndefined();
  });

  it('limits a flooding viewer to the burst, then to the sustained rate', () => {
    const { check } = cleaner();
    const kept = Array.from({ length: 20 }, (_, i) => check(7, `message ${i}`, i * 100)).filter((r) => r === undefined).length;
    // 2 s at 1/s refill plus the burst of 5
    expect(kept).toBeGreaterThanOrEqual(params.floodBurst);
    expect(kept).toBeLessThanOrEqual(params.floodBurst + 2);
  });

  it('mutes a viewer as a bot after repeated spam', () => {
    const { c, check } = cleaner();
    for (let i = 0; i < params.botAfterSpam; i++) check(3, `加微信 id${i}`, i * 5_000);
    expect(check(3, '这个好看', 60_000)).toBe('bot');
    expect(c.dropped.spam).toBe(params.botAfterSpam);
    expect(c.dropped.bot).toBe(1);
  });

  it('counts every comment once: kept + Σ dropped = received (property)', () => {
    const text = fc.constantFrom('包邮吗', '加微信abc', '哈哈哈哈哈哈哈哈哈哈', '...', 'nice', '敏感肌能用吗', 'www.a.com');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(4), text, fc.nat(500)), { maxLength: 80 }), (rows) => {
        const { c, check } = cleaner();
        let t = 0;
        for (const [viewer, s, dt] of rows) check(viewer, s, (t += dt));
        const dropped = DROP_REASONS.reduce((a, r) => a + c.dropped[r], 0);
        expect(c.kept + dropped).toBe(c.received);
        expect(c.received).toBe(rows.length);
      }),
    );
  });
});
