import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MARKETING_CONFIG } from '../config.ts';
import { BEAUTY_CATALOG } from '../fixtures.ts';
import { orderPitches } from './pitch-order.ts';
import { bucketOf, propensityIndex, type PropensityInputs } from './propensity.ts';

const p = DEFAULT_MARKETING_CONFIG.propensity;
const median = 129;
const blank: PropensityInputs = { priceLevelSum: 0, priceLevelWeight: 0, orderValue: 0, orders: 0, carts: 0, checkouts: 0, giftValue: 0 };
const idx = (x: Partial<PropensityInputs>) => propensityIndex({ ...blank, ...x }, median, p);
const price = (sku: string) => BEAUTY_CATALOG.skus.find((k) => k.sku === sku)!.price;

describe('spending propensity', () => {
  it.each([
    [{}, 'mid', 'a newcomer starts in the middle'],
    [{ priceLevelSum: 0.3, priceLevelWeight: 6 }, 'low', 'looks only at the cheapest SKUs'],
    [{ priceLevelSum: 5.4, priceLevelWeight: 6, carts: 2 }, 'high', 'looks at dear SKUs and carts'],
    [{ priceLevelSum: 2.7, priceLevelWeight: 3, orders: 2, orderValue: 800 }, 'high', 'bought dear SKUs twice'],
  ] as const)('%j → %s (%s)', (x: Partial<PropensityInputs>, want: string, _why: string) => {
    expect(['low', 'mid', 'high'][bucketOf(idx(x), p)]).toBe(want);
  });

  it('never decreases with more spending or buying intent (property)', () => {
    const inputs = fc.record({ priceLevelSum: fc.double({ min: 0, max: 10, noNaN: true }), priceLevelWeight: fc.constant(10), orderValue: fc.nat(5_000), orders: fc.nat(10), carts: fc.nat(10), checkouts: fc.nat(10), giftValue: fc.nat(500) });
    fc.assert(
      fc.property(inputs, fc.constantFrom('orderValue', 'orders', 'carts', 'checkouts', 'giftValue', 'priceLevelSum') as fc.Arbitrary<keyof PropensityInputs>, (x, key) => {
        const more = { ...x, [key]: x[key] + 1 };
        expect(propensityIndex(more, median, p)).toBeGreaterThanOrEqual(propensityIndex(x, median, p));
        const v = propensityIndex(x, median, p);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('pitch ordering by the audience mix', () => {
  it('pitches dear SKUs first to a room of high spenders and cheap ones to low spenders', () => {
    const rich = orderPitches([5, 10, 85], BEAUTY_CATALOG.skus);
    const thrifty = orderPitches([85, 10, 5], BEAUTY_CATALOG.skus);
    expect(price(rich[0]!)).toBeGreaterThanOrEqual(259);
    expect(price(thrifty[0]!)).toBeLessThanOrEqual(89);
    // the last pitch is the worst fit: cheap for the rich room, dear for the thrifty one
    expect(price(rich.at(-1)!)).toBeLessThanOrEqual(89);
    expect(price(thrifty.at(-1)!)).toBeGreaterThanOrEqual(259);
  });

  it('is a permutation of the catalog, deterministic, and puts mid-priced SKUs first for a mid room (property)', () => {
    fc.assert(
      fc.property(fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100)), (mix) => {
        const order = orderPitches(mix, BEAUTY_CATALOG.skus);
        expect([...order].sort()).toEqual(BEAUTY_CATALOG.skus.map((k) => k.sku).sort());
        expect(orderPitches(mix, BEAUTY_CATALOG.skus)).toEqual(order);
      }),
    );
    const mid = orderPitches([0, 1, 0], BEAUTY_CATALOG.skus);
    expect(price(mid[0]!)).toBeGreaterThan(89);
    expect(price(mid[0]!)).toBeLessThan(259);
  });
});
