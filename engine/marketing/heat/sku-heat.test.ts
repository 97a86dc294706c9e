import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKETING_CONFIG } from '../config.ts';
import { BEAUTY_CATALOG, cart, drive, say, view } from '../fixtures.ts';
import { createMarketingEngine } from '../state.ts';
import { summary } from '../summary.ts';
import { SkuHeat } from './sku-heat.ts';

const p = DEFAULT_MARKETING_CONFIG.heat;

describe('SKU heat', () => {
  it('ranks by mentions, dwell and add-to-cart, hottest first', () => {
    const h = new SkuHeat(['a', 'b', 'c'], p);
    for (let k = 0; k < 5; k++) h.mention(1, 1_000);
    h.dwell(2, 20_000, 1_000);
    for (let k = 0; k < 4; k++) {
      h.view(2, 1_000);
      h.cart(2, 1_000);
    }
    expect(h.ranking(1_000).map((e) => e.sku)).toEqual(['c', 'b', 'a']);
  });

  it('forgets: an old burst of mentions loses to a fresh smaller one', () => {
    const h = new SkuHeat(['old', 'new'], p);
    for (let k = 0; k < 10; k++) h.mention(0, 0);
    for (let k = 0; k < 3; k++) h.mention(1, 300_000);
    expect(h.ranking(300_000)[0]!.sku).toBe('new');
    // 5 half-lives later 10 mentions weigh 10/32
    expect(h.ranking(300_000)[1]!.mentions).toBeCloseTo(10 / 32, 6);
  });

  it('never changes the ranking by being read (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), fc.nat(3), fc.nat(10_000)), { maxLength: 50 }), (rows) => {
        const h = new SkuHeat(['a', 'b', 'c'], p);
        let t = 0;
        for (const [i, kind, dt] of rows) {
          t += dt;
          if (kind === 0) h.mention(i, t);
          else if (kind === 1) h.view(i, t);
          else if (kind === 2) h.cart(i, t);
          else h.dwell(i, 5_000, t);
        }
        expect(h.ranking(t + 1_000)).toEqual(h.ranking(t + 1_000));
      }),
    );
  });

  it('through the engine: danmaku mentions of "3号链接" and carts make lip-03 the focus', () => {
    const s = createMarketingEngine(DEFAULT_MARKETING_CONFIG, BEAUTY_CATALOG);
    drive(s, [say(100, 1, '3号链接显白吗'), say(200, 2, '3号链接多少钱'), say(300, 3, '要3号链接'), view(400, 4, 'lip-03'), cart(500, 4, 'lip-03'), view(600, 5, 'eye-01')], 1_000);
    expect(summary(s).skuHeat[0]!.sku).toBe('lip-03');
  });
});
