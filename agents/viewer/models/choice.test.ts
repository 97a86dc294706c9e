import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../../engine/kernel/index.ts';
import { CHOICE, buyProbability, buyUtility, chooseIndex, utility, type Offer, type Shopper, type Situation } from './choice.ts';

const shopper: Shopper = { interests: Float32Array.from({ length: 19 }, (_, i) => (i === 0 ? 0.8 : 0)), priceSensitivity: 1, priceExponent: 1, budgetMonthly: 2000, deals: 0 };
const offer: Offer = { sku: 'a', cat: 0, price: 90, listPrice: 100, stock: Infinity, endsAt: Infinity, until: 1e9 };
const sit: Situation = { now: 0, budgetLeft: 600, couponOff: 0, socialSeen: 0, doubt: false, watchedMs: 0 };

describe('choice (multinomial logit)', () => {
  it('picks offers with softmax frequencies over [utilities, no_click_mass = 1] (RecSim)', () => {
    const u = [1.5, 0.2, -Infinity];
    const rng = new Sfc32(9);
    const n = 40_000;
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) counts[chooseIndex(u, rng.next()) + 1]!++;
    const z = Math.exp(1.5) + Math.exp(0.2) + Math.exp(CHOICE.none);
    expect(counts[1]! / n).toBeCloseTo(Math.exp(1.5) / z, 2);
    expect(counts[2]! / n).toBeCloseTo(Math.exp(0.2) / z, 2);
    expect(counts[0]! / n).toBeCloseTo(Math.exp(CHOICE.none) / z, 2);
    expect(counts[3]).toBe(0); // an unaffordable offer is never chosen
  });

  it.each([
    ['a deeper discount', { ...offer, price: 60 }, sit, 'up'],
    ['few units left', { ...offer, stock: 5 }, sit, 'up'],
    ['a countdown about to end', { ...offer, endsAt: 30_000 }, sit, 'up'],
    ['purchases seen in chat', offer, { ...sit, socialSeen: 10 }, 'up'],
    ['a coupon', offer, { ...sit, couponOff: 20 }, 'up'],
    ['an open sizing doubt', offer, { ...sit, doubt: true }, 'down'],
    ['a category the viewer dislikes', { ...offer, cat: 1 }, sit, 'down'],
  ] as const)('%s moves the utility %s', (_what, o, s, dir) => {
    const d = utility(shopper, o, s) - utility(shopper, offer, sit);
    if (dir === 'up') expect(d).toBeGreaterThan(0);
    else expect(d).toBeLessThan(0);
  });

  it('weighs quantity scarcity above time scarcity at equal tightness (Ding 2023, with a discount)', () => {
    const qty = utility(shopper, { ...offer, stock: 0.25 * CHOICE.scarceBelow }, sit);
    const time = utility(shopper, { ...offer, endsAt: 0.25 * CHOICE.urgentMs }, sit);
    expect(qty).toBeGreaterThan(time);
  });

  it('rules out what the viewer cannot afford, what has expired and what is sold out', () => {
    expect(utility(shopper, { ...offer, price: 700 }, sit)).toBe(-Infinity);
    expect(utility(shopper, offer, { ...sit, now: 2e9 })).toBe(-Infinity);
    expect(utility(shopper, { ...offer, stock: 0 }, sit)).toBe(-Infinity);
    expect(buyProbability(-Infinity)).toBe(0);
  });

  it('makes buying likelier after ten minutes of watching (trust), never looking', () => {
    const late = { ...sit, watchedMs: 600_000 };
    expect(utility(shopper, offer, late)).toBe(utility(shopper, offer, sit));
    expect(buyProbability(buyUtility(shopper, offer, late))).toBeGreaterThan(buyProbability(buyUtility(shopper, offer, sit)));
  });
});
