import { describe, expect, it } from 'vitest';
import { resolvePlayerConfig } from '../config.ts';
import { catchupRate, nextRate } from './catchup.ts';

const cfg = resolvePlayerConfig({ targetLatencyMs: 3000 });
const lolp = resolvePlayerConfig({ targetLatencyMs: 3000, catchupMode: 'lolp' });

describe('dash.js catch-up rate', () => {
  it.each([
    { latency: 3000, rate: 1, reason: 'on target: Δ = 0 → (1 − c) + c' },
    { latency: 4000, rate: 0.5 + 1 / (1 + Math.exp(-5)), reason: 'Δ = +1 s: 0.5 + 1/(1 + e^−5) ≈ 1.4933' },
    { latency: 2800, rate: 0.5 + 1 / (1 + Math.exp(1)), reason: 'Δ = −0.2 s: slows to ≈ 0.7689' },
    { latency: 30_000, rate: 1.5, reason: 'far behind: the +0.5 ceiling' },
    { latency: 0, rate: 0.5 + 1 / (1 + Math.exp(15)), reason: 'far ahead: approaches the −0.5 floor' },
  ])('latency $latency ms → rate $rate ($reason)', ({ latency, rate }) => {
    expect(catchupRate(cfg, latency, 2000)).toBeCloseTo(rate, 12);
  });

  it('ignores changes under 0.02 unless the new rate is exactly 1', () => {
    expect(nextRate(cfg, 1, 3003, 2000)).toBe(1); // Δ = 3 ms → 1.0075: too small a change
    expect(nextRate(cfg, 1, 3100, 2000)).toBeCloseTo(catchupRate(cfg, 3100, 2000), 12);
    expect(nextRate(cfg, 1.2, 3000, 2000)).toBe(1);
  });

  it('LoL+ mode slows down when the buffer is below playbackBufferMin, and holds 1 within 2 % of target', () => {
    expect(catchupRate(lolp, 5000, 200)).toBeCloseTo(0.5 + 1 / (1 + Math.exp(1.5)), 12); // buffer 0.3 s under 0.5
    expect(catchupRate(lolp, 3050, 2000)).toBe(1); // |Δ| = 50 ms ≤ 60 ms
    expect(catchupRate(lolp, 4000, 2000)).toBeCloseTo(catchupRate(cfg, 4000, 2000), 12);
  });
});

describe('nextRate shortcut', () => {
  it('agrees with the full formula wherever it skips the exponential (property)', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20_000, noNaN: true }), fc.double({ min: 0, max: 10_000, noNaN: true }), (latency, level) => {
        const r = catchupRate(cfg, latency, level);
        const minChange = 0.02;
        const want = r === 1 || Math.abs(r - 1) >= minChange ? r : 1;
        expect(nextRate(cfg, 1, latency, level)).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });
});
