import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { danmakuShownCount, danmakuShownTo, type DanmakuBatch } from './sampling.ts';

const batchArb = fc.record({
  items: fc.array(fc.record({ viewer: fc.integer({ min: 0, max: 9 }), text: fc.string({ maxLength: 3 }) }), { maxLength: 40, size: 'max' }),
  perViewer: fc.integer({ min: 0, max: 12 }),
  firstId: fc.nat(1_000_000),
  salt: fc.nat(),
});

describe('danmaku sampling rule', () => {
  it("shows a viewer at most perViewer of the others' comments, in batch order, and as many as allowed", () => {
    fc.assert(
      fc.property(batchArb, fc.integer({ min: 0, max: 12 }), (b, viewer) => {
        const batch: DanmakuBatch = { type: 'danmaku.batch', ...b };
        const shown = danmakuShownTo(batch, viewer);
        const others = b.items.filter((it) => it.viewer !== viewer);
        expect(shown.length).toBe(Math.min(b.perViewer, others.length));
        expect(shown.length).toBe(danmakuShownCount(batch, viewer));
        expect(shown.every((it) => it.viewer !== viewer)).toBe(true);
        const idx = shown.map((it) => b.items.indexOf(it));
        expect(idx).toEqual([...idx].sort((x, y) => x - y));
        expect(danmakuShownTo(batch, viewer)).toEqual(shown);
      }),
    );
  });

  it('gives every comment about the same chance (uniform sampling across 20,000 viewers)', () => {
    // Arrange: 20 comments from viewer -1, 4 shown per viewer → each comment should reach 20 % of viewers
    const items = Array.from({ length: 20 }, (_, i) => ({ viewer: -1, text: `c${i}` }));
    const batch: DanmakuBatch = { type: 'danmaku.batch', items, perViewer: 4, firstId: 500, salt: 12345 };
    const hits = new Array<number>(20).fill(0);
    // Act
    for (let v = 0; v < 20_000; v++) for (const it of danmakuShownTo(batch, v)) hits[items.indexOf(it)]!++;
    // Assert: binomial sd = sqrt(20000·0.2·0.8) ≈ 57; allow ±5 sd
    for (const h of hits) expect(Math.abs(h - 4000)).toBeLessThan(285);
  });

  it('shows everything but your own when the batch carries no sampling fields', () => {
    const batch: DanmakuBatch = { type: 'danmaku.batch', items: [{ viewer: 1, text: 'a' }, { viewer: 2, text: 'b' }] };
    expect(danmakuShownTo(batch, 1)).toEqual([{ viewer: 2, text: 'b' }]);
  });
});
