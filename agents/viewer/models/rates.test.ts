import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../../../engine/kernel/index.ts';
import { nextEventMs } from './rates.ts';
import { delay, NEVER_MS } from './time.ts';

describe('next-event times', () => {
  it('is exponential with the given rate when not boosted', () => {
    const rng = new Sfc32(4);
    let sum = 0;
    for (let i = 0; i < 50_000; i++) sum += nextEventMs(rng.next(), 1 / 1000);
    expect(sum / 50_000 / 1000).toBeCloseTo(1, 1);
  });

  it('puts the boosted window\'s share of events inside the window', () => {
    // rate 1/10 s, ×5 for 10 s: P(first event within the window) = 1 − e^(−5)
    const rng = new Sfc32(5);
    let inside = 0;
    for (let i = 0; i < 20_000; i++) if (nextEventMs(rng.next(), 1e-4, 5, 10_000) < 10_000) inside++;
    expect(inside / 20_000).toBeCloseTo(1 - Math.exp(-5), 2);
  });

  it('never hands XState an infinite or NaN delay', () => {
    expect(delay(Infinity)).toBe(NEVER_MS);
    expect(delay(Number.NaN)).toBe(NEVER_MS);
    expect(delay(-5)).toBe(0);
    expect(delay(nextEventMs(0.5, 0))).toBe(NEVER_MS);
  });
});
