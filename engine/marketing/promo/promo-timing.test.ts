import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKETING_CONFIG } from '../config.ts';
import { BEAUTY_CATALOG } from '../fixtures.ts';
import { dayPartAt, promoTiming } from './promo-timing.ts';

const p = DEFAULT_MARKETING_CONFIG.promo;
const H = 3_600_000;
const skus = BEAUTY_CATALOG.skus;
const margin = (sku: string) => skus.find((k) => k.sku === sku)!.margin;
const price = (sku: string) => skus.find((k) => k.sku === sku)!.price;

describe('promotion timing', () => {
  it('at 20:30 (peak): a short countdown and the highest-margin SKU first', () => {
    const plan = promoTiming(20 * H, 30 * 60_000, skus, p);
    expect(plan.dayPart).toBe('peak');
    expect(plan.countdownMs).toBe(p.peakCountdownMs);
    expect(margin(plan.skuOrder[0]!)).toBe(Math.max(...skus.map((k) => k.margin)));
  });

  it('at 14:00 (off-peak): a long countdown and the cheapest SKU first', () => {
    const plan = promoTiming(14 * H, 0, skus, p);
    expect(plan.dayPart).toBe('off-peak');
    expect(plan.countdownMs).toBe(p.offPeakCountdownMs);
    expect(plan.countdownMs).toBeGreaterThan(promoTiming(20.5 * H, 0, skus, p).countdownMs);
    expect(price(plan.skuOrder[0]!)).toBe(Math.min(...skus.map((k) => k.price)));
  });

  it.each([
    [19.5, 'shoulder', 'the hour before the peak'],
    [21.99, 'peak', 'just inside the end'],
    [22, 'shoulder', 'the end is exclusive'],
    [23.5, 'off-peak', 'late night'],
    [44.5, 'peak', '20:30 on the next day (virtual time past midnight)'],
  ] as const)('%s h → %s (%s)', (h, want, _why) => {
    expect(dayPartAt(h * H, p)).toBe(want);
  });

  it('a show starting 19:00 enters the peak after an hour of virtual time', () => {
    expect(promoTiming(19 * H, 0, skus, p).countdownMs).toBe(p.shoulderCountdownMs);
    expect(promoTiming(19 * H, H, skus, p).countdownMs).toBe(p.peakCountdownMs);
  });

  it('a peak that wraps midnight works too', () => {
    expect(dayPartAt(0.5 * H, { ...p, peakStartHour: 23, peakEndHour: 1 })).toBe('peak');
  });

  it('off: the fixed countdown and catalog order at any hour', () => {
    const off = { ...p, enabled: false };
    for (const h of [3, 14, 20.5]) {
      const plan = promoTiming(h * H, 0, skus, off);
      expect(plan.countdownMs).toBe(p.fixedCountdownMs);
      expect(plan.skuOrder).toEqual(skus.map((k) => k.sku));
    }
  });
});
