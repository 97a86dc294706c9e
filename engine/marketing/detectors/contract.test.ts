// The detector contract: every detector in the registry, with the engine's parameters, must call a +3σ
// step (up or down) within its stated number of samples and stay within its stated false-alarm rate on
// stationary Gaussian noise. Seeded, so the figures are exact and repeatable.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sfc32, standardNormal } from '../../kernel/index.ts';
import { DEFAULT_MARKETING_CONFIG } from '../config.ts';
import { CUSUM_DEFAULTS } from './cusum.ts';
import { createDetector, DETECTORS } from './registry.ts';
import type { Direction } from './detector.ts';

const { params, baseline } = DEFAULT_MARKETING_CONFIG.alerts;
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

function falseAlarms(make: () => { update(x: number): boolean }, seed: number, n: number, scale = 1, offset = 0): number {
  const rng = new Sfc32(seed);
  const d = make();
  let alarms = 0;
  for (let i = 0; i < n; i++) if (d.update(offset + scale * standardNormal(rng))) alarms++;
  return alarms;
}

/** Samples from a step of `shift` σ at sample `at` to the first alarm (-1: none in 200 samples or an alarm before). */
function stepDelay(name: (typeof DETECTORS)[number]['name'], dir: Direction, seed: number, at = 200): number {
  const rng = new Sfc32(seed * 7919);
  const d = createDetector(name, params, dir, baseline);
  const shift = dir === 'up' ? 3 : -3;
  for (let i = 0; i < at + 200; i++) {
    const alarm = d.update(10 + 2 * (standardNormal(rng) + (i >= at ? shift : 0)));
    if (alarm) return i >= at ? i - at : -1;
  }
  return -1;
}

describe.each(DETECTORS.map((d) => [d.name, d] as const))('detector contract: %s', (name, spec) => {
  it.each(['up', 'down'] as const)(`calls a 3σ step (%s) within ${spec.claims.stepDelayMax} samples on 20 seeds`, (dir) => {
    const delays = SEEDS.map((seed) => stepDelay(name, dir, seed));
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(spec.claims.stepDelayMax);
    }
  });

  it(`raises ≤ ${spec.claims.falseAlarmsPer10k} false alarms per 10,000 stationary samples (5 seeds × 10,000)`, () => {
    let total = 0;
    for (const seed of [11, 12, 13, 14, 15]) total += falseAlarms(() => createDetector(name, params, 'up', baseline), seed, 10_000, 3, 50);
    expect(total / 5).toBeLessThanOrEqual(spec.claims.falseAlarmsPer10k);
  });

  it('never alarms during warm-up and forgets everything on reset (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 120 }), (xs) => {
        const d = createDetector(name, params, 'up', baseline);
        const first = xs.map((x) => d.update(x));
        expect(first.slice(0, baseline.warmup).every((a) => !a)).toBe(true);
        d.reset();
        expect(xs.map((x) => d.update(x))).toEqual(first);
      }),
      { numRuns: 100 },
    );
  });

  it('cites where its defaults come from', () => {
    expect(spec.source).toMatch(/^river\//);
  });
});

describe('why the engine raises CUSUM h from 5σ to 8σ', () => {
  it("river's h = 5 raises ~10 false alarms per 10,000 Gaussian samples (ARL0 ≈ 1,000); h = 8 under 1", () => {
    const count = (h: number) =>
      [21, 22, 23, 24, 25].reduce((a, seed) => a + falseAlarms(() => createDetector('cusum', { ...params, cusum: { ...CUSUM_DEFAULTS, h } }, 'up', baseline), seed, 10_000), 0) / 5;
    const h5 = count(5);
    expect(h5).toBeGreaterThan(4);
    expect(h5).toBeLessThan(20);
    expect(count(8)).toBeLessThan(1);
  });
});
