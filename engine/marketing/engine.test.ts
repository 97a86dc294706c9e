import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ViewerUp } from '../protocol.ts';
import { InputError } from '../kernel/index.ts';
import { advise } from './advice.ts';
import { allToolsOff, DEFAULT_MARKETING_CONFIG, marketingConfig } from './config.ts';
import { BEAUTY_CATALOG, cart, drive, join, pushes, say, view, type Timed } from './fixtures.ts';
import { DROP_REASONS } from './cleaning/cleaner.ts';
import { createMarketingEngine } from './state.ts';
import { summary } from './summary.ts';

const H = 3_600_000;

function stream(): Timed[] {
  const msgs: Timed[] = [{ t: 0, host: { type: 'host.pitch', sku: 'lip-01' } }];
  for (let v = 0; v < 40; v++) {
    msgs.push(join(v * 250, v), view(v * 250 + 50, v, BEAUTY_CATALOG.skus[v % 8]!.sku));
    if (v % 3 === 0) msgs.push(say(v * 250 + 90, v, ['敏感肌能用吗', '包邮吗', 'how much?', '加微信abc'][v % 4]!, v % 4 === 2 ? 'en' : 'zh'));
    if (v % 4 === 0) msgs.push(cart(v * 250 + 120, v, 'eye-02'), view(v * 250 + 400, v, 'eye-01'), cart(v * 250 + 500, v, 'eye-01'));
  }
  return msgs;
}

describe('marketing engine', () => {
  it('is deterministic: the same stream gives the same outbound and summary', () => {
    const run = () => {
      const s = createMarketingEngine(DEFAULT_MARKETING_CONFIG, BEAUTY_CATALOG);
      const out = drive(s, stream(), 20_000);
      return JSON.stringify({ out, sum: summary(s) });
    };
    expect(run()).toBe(run());
  });

  it('reports every configuration problem at once', () => {
    const bad = marketingConfig({ profiles: { enabled: false }, prompts: { minViewers: 0 }, alerts: { detector: 'nope' as never }, heat: { halfLifeMs: -1 } });
    let err: unknown;
    try {
      createMarketingEngine(bad, BEAUTY_CATALOG);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const paths = (err as InputError).problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['marketing.segments.enabled', 'marketing.propensity.enabled', 'marketing.prompts.minViewers', 'marketing.alerts.detector', 'marketing.heat.halfLifeMs']));
  });

  it('rejects a catalog with a duplicate SKU', () => {
    expect(() => createMarketingEngine(DEFAULT_MARKETING_CONFIG, { skus: [BEAUTY_CATALOG.skus[0]!, BEAUTY_CATALOG.skus[0]!] })).toThrow(/appears twice/);
  });

  it('with every tool off emits nothing and advises the script with the fixed countdown', () => {
    const s = createMarketingEngine(allToolsOff(), BEAUTY_CATALOG, { showStartOfDayMs: 20 * H });
    expect(drive(s, stream(), 20_000)).toEqual([]);
    const script = ['eye-02', 'lip-01', 'msk-01'];
    const a = advise(s, 1_000, script);
    expect(a).toMatchObject({ skuOrder: script, countdownMs: DEFAULT_MARKETING_CONFIG.promo.fixedCountdownMs, focusSku: undefined, orderedBy: [] });
    const sum = summary(s);
    expect(sum).toMatchObject({ prompts: 0, segmentMoves: 0, alerts: 0, skuHeat: [] });
    expect(sum.funnel.entered).toBe(40);
  });

  it('advises by the tools that are on: a rich room at 20:30 gets dear, high-margin SKUs first', () => {
    const s = createMarketingEngine(marketingConfig({ heat: { enabled: false } }), BEAUTY_CATALOG, { showStartOfDayMs: 20 * H });
    const msgs: Timed[] = [];
    for (let v = 0; v < 10; v++) {
      msgs.push(join(0, v), view(100, v, 'eye-02'), view(200, v, 'lip-03'), cart(300, v, 'eye-02'));
    }
    drive(s, msgs, 1_000);
    const a = advise(s, 30 * 60_000);
    expect(a.orderedBy).toEqual(['propensity', 'promo']);
    expect(a.audienceMix).toEqual({ low: 0, mid: 0, high: 10 });
    expect(a.countdownMs).toBe(DEFAULT_MARKETING_CONFIG.promo.peakCountdownMs);
    expect(['eye-02', 'lip-03']).toContain(a.skuOrder[0]);
  });

  it('learns from observed orders: paid funnel stage and spending', () => {
    const s = createMarketingEngine(DEFAULT_MARKETING_CONFIG, BEAUTY_CATALOG);
    drive(s, [join(0, 1), view(10, 1, 'lip-03'), cart(20, 1, 'lip-03'), { t: 30, up: { type: 'checkout.submitted', viewer: 1, idempotencyKey: 'k' } }, { t: 200, viewer: 1, down: { type: 'order.confirmed', orderId: 'o', idempotencyKey: 'k', total: 329, skus: ['lip-03'] } }], 1_000);
    const sum = summary(s);
    expect(sum.funnel).toEqual({ entered: 1, productViewed: 1, addedToCart: 1, checkedOut: 1, paid: 1 });
    expect(sum.propensity.high).toBe(1);
    expect(sum.decisionCycleMs).toEqual({ toCartP50: 10, toCheckoutP50: 20 });
  });

  it('counts cleaning drops and intents in the summary', () => {
    const s = createMarketingEngine(DEFAULT_MARKETING_CONFIG, BEAUTY_CATALOG);
    drive(s, [say(0, 1, '包邮吗'), say(100, 1, '包邮吗'), say(200, 2, '加微信abc'), say(300, 3, '...'), say(400, 4, '好看')], 1_000);
    const sum = summary(s);
    expect(sum.cleaning).toMatchObject({ received: 5, kept: 2, dropped: { duplicate: 1, spam: 1, noise: 1 } });
    expect(sum.intents).toMatchObject({ shipping: 1, praise: 1 });
  });

  it('takes any message stream without throwing, and its counts stay consistent (property)', () => {
    const skus = [...BEAUTY_CATALOG.skus.map((k) => k.sku), 'unknown-sku'];
    const texts = ['包邮吗', '敏感肌能用吗', '3号链接多少钱', '加微信abc', '哈哈哈哈哈哈哈哈哈', '', 'fake?', 'love it'];
    const v = fc.nat(30);
    const sku = fc.constantFrom(...skus);
    const msg: fc.Arbitrary<ViewerUp> = fc.oneof(
      v.map((viewer) => ({ type: 'room.join', viewer, network: '4g', follower: false }) as const),
      fc.tuple(v, fc.nat(120_000)).map(([viewer, watchedMs]) => ({ type: 'room.leave', viewer, reason: 'boredom', watchedMs }) as const),
      fc.tuple(v, fc.constantFrom(...texts), fc.constantFrom('zh', 'en') as fc.Arbitrary<'zh' | 'en'>).map(([viewer, text, lang]) => ({ type: 'danmaku.sent', viewer, text, lang }) as const),
      fc.tuple(v, sku).map(([viewer, s]) => ({ type: 'product.viewed', viewer, sku: s }) as const),
      fc.tuple(v, sku, fc.nat(60_000)).map(([viewer, s, dwellMs]) => ({ type: 'product.closed', viewer, sku: s, dwellMs }) as const),
      fc.tuple(v, sku).map(([viewer, s]) => ({ type: 'cart.added', viewer, sku: s, qty: 1 }) as const),
      v.map((viewer) => ({ type: 'checkout.submitted', viewer, idempotencyKey: `k${viewer}` }) as const),
      fc.tuple(v, fc.nat(500)).map(([viewer, value]) => ({ type: 'gift.sent', viewer, value }) as const),
      v.map((viewer) => ({ type: 'like.sent', viewer }) as const),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(msg, fc.nat(3_000)), { maxLength: 200 }), (rows) => {
        let t = 0;
        const msgs: Timed[] = rows.map(([up, dt]) => ({ t: (t += dt), up }));
        const s = createMarketingEngine(DEFAULT_MARKETING_CONFIG, BEAUTY_CATALOG);
        const out = drive(s, msgs, t + 200);
        const sum = summary(s);
        expect(sum.events).toBe(rows.length);
        expect(sum.cleaning.kept + DROP_REASONS.reduce((a, r) => a + sum.cleaning.dropped[r], 0)).toBe(sum.cleaning.received);
        expect(pushes(out)).toHaveLength(sum.targeted);
        expect(out.filter((o) => o.to === 'host')).toHaveLength(sum.prompts);
        const f = sum.funnel;
        expect(Object.values(f).every((n) => n <= 31)).toBe(true);
        if (sum.targeted > 0) expect(sum.targetingLatencyMs.p99!).toBeLessThan(1_000);
      }),
      { numRuns: 80 },
    );
  });
});
