import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, formatProblem } from '../../engine/kernel/index.ts';
import { loadScenario } from './load.ts';
import { applyOverrides, FLAG_PATHS, parseOverride } from './overrides.ts';
import { variantNames, variantScenario } from './variants.ts';

const base = loadScenario(readFileSync(new URL('../default.yaml', import.meta.url), 'utf8'), 'default.yaml');

function messages(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('applyOverrides', () => {
  it.each([
    ['--viewers', { [FLAG_PATHS.viewers]: 500 }, (s: typeof base) => s.audience.size, 500],
    ['--duration as minutes', { [FLAG_PATHS.duration]: 30 }, (s: typeof base) => s.show.durationMinutes, 30],
    ['--duration as text', { [FLAG_PATHS.duration]: '1h30m' }, (s: typeof base) => s.show.durationMinutes, 90],
    ['--seed', { [FLAG_PATHS.seed]: 7 }, (s: typeof base) => s.seed, 7],
    ['a list item by index', { 'network.mix[0].share': 0.5, 'network.mix.1.share': 0.35 }, (s: typeof base) => s.network.mix[1]!.share, 0.35],
    ['a list item by name', { 'audience.arrivals[ad-burst].rate': 900 }, (s: typeof base) => s.audience.arrivals[2]!.rate, 900],
    ['a profile by name', { 'network.mix[weak-4g].share': 0.2, 'network.mix[4g].share': 0.65 }, (s: typeof base) => s.network.mix[0]!.share, 0.65],
    ['a time in a timeline entry', { 'show.timeline[3].at': '31:30' }, (s: typeof base) => s.show.timeline[3]!.at, 31.5],
    ['a mapping merges', { 'strategy.promoTiming': { countdownSeconds: { peak: 30 } } }, (s: typeof base) => s.strategy.promoTiming.countdownSeconds.offPeak, 180],
  ])('sets %s', (_why, overrides, read, expected) => {
    const s = applyOverrides(base, overrides);
    expect(read(s)).toBe(expected);
    expect(base.audience.size).toBe(10_000); // the input is not touched
  });

  it('sets an optional field that the file leaves out', () => {
    const s = applyOverrides(base, { 'show.timeline[3].countdownSeconds': 45 });
    expect(s.show.timeline[3]).toMatchObject({ type: 'flashsale', countdownSeconds: 45 });
  });

  it('reports every bad path and value at once', () => {
    expect(
      messages(() =>
        applyOverrides(base, {
          'audience.sise': 5,
          'strategy.propnesity.enabled': false,
          'network.mix[5g].share': 1,
          'show.timeline[99].at': 1,
          'audience.size': -1,
          'network.mix[0].share': 0.9,
        }),
      ),
    ).toEqual([
      `audience.sise: expected a field of audience (size, arrivals, personas), got "audience.sise" (did you mean 'audience.size'?)`,
      `strategy.propnesity.enabled: expected a field of strategy (name, preset, cleaning, profiles, segments, prompts, funnel, skuHeat, propensity, promoTiming), got "strategy.propnesity.enabled" (did you mean 'strategy.propensity.enabled'?)`,
      `network.mix[5g].share: expected an index or the name of an item of network.mix (4g, weak-4g, 3g, wifi), got "network.mix[5g].share" (did you mean '4g'?)`,
      `show.timeline[99].at: expected an index below 10 in show.timeline, got "show.timeline[99].at"`,
      `audience.size: expected an integer ≥ 1, got -1`,
      `network.mix: expected network shares summing to 1 (±1e-6), got 1.3 (set by override 'network.mix[0].share')`,
    ]);
  });

  it('checks what a value means, not just its type (tool dependencies)', () => {
    expect(messages(() => applyOverrides(base, { 'strategy.profiles.enabled': false }))).toEqual([
      'strategy.segments.enabled: expected false while profiles is off (segments needs profiles): switch profiles on too, got true',
      'strategy.propensity.enabled: expected false while profiles is off (propensity needs profiles): switch profiles on too, got true',
    ]);
  });
});

describe('parseOverride', () => {
  it.each([
    ['audience.size=5000', 'audience.size', 5000],
    ['strategy.preset=baseline', 'strategy.preset', 'baseline'],
    ['strategy.prompts.enabled=false', 'strategy.prompts.enabled', false],
    ['network.abr.ladderKbps=[300, 900]', 'network.abr.ladderKbps', [300, 900]],
    ['show.startTime=21:00', 'show.startTime', '21:00'],
  ])('%s', (text, path, value) => {
    expect(parseOverride(text)).toEqual({ path, value });
  });

  it('rejects a parameter without =', () => {
    expect(messages(() => parseOverride('audience.size'))).toEqual(['(top level): expected an override path=value, e.g. audience.size=5000, got "audience.size"']);
  });
});

describe('variants', () => {
  it('lists baseline first and applies each variant', () => {
    expect(variantNames(base)).toEqual(['baseline', 'full']);
    expect(variantScenario(base, 'baseline').strategy.preset).toBe('baseline');
    expect(variantScenario(base, 'full').strategy.preset).toBe('full');
  });

  it('has an implicit baseline: the scenario as written', () => {
    const s = loadScenario('variants: { cheap: { audience.size: 10 } }', 'v.yaml');
    expect(variantNames(s)).toEqual(['baseline', 'cheap']);
    expect(variantScenario(s, 'baseline').audience.size).toBe(10_000);
    expect(variantScenario(s, 'cheap').audience.size).toBe(10);
  });

  it('names the variants when asked for one that does not exist', () => {
    expect(messages(() => variantScenario(base, 'ful'))).toEqual([`variants: expected a variant of the scenario (baseline, full), got "ful" (did you mean 'full'?)`]);
  });
});
