// The strategy contract: every registered strategy runs through the same small show, and each emits
// exactly what its switches allow — nothing from a tool that is off, something from each tool that is
// on (where the show gives it something to do).
import { describe, expect, it } from 'vitest';
import { InputError } from '../kernel/index.ts';
import { advise, checkMarketingConfig, createMarketingEngine, summary } from '../marketing/index.ts';
import { BEAUTY_CATALOG, cart, drive, join, pushes, say, view, type Timed } from '../marketing/fixtures.ts';
import { STRATEGIES, STRATEGY_NAMES, strategyByName, withOverrides } from './registry.ts';
import { toolsOn } from './strategy.ts';

const H = 3_600_000;
const END = 130_000;

/** Two minutes: steady arrivals and browsing, a question cluster, spam, a drifting viewer, a bounce burst at 90 s. */
function show(): Timed[] {
  const m: Timed[] = [{ t: 0, host: { type: 'host.pitch', sku: 'lip-01' } }];
  for (let s = 0; s < 120; s++) {
    const v = 1_000 + s;
    m.push(join(s * 1_000 + 10, v), view(s * 1_000 + 20, v, BEAUTY_CATALOG.skus[s % 8]!.sku));
    if (s % 3 === 0) m.push(cart(s * 1_000 + 30, v, BEAUTY_CATALOG.skus[s % 8]!.sku));
  }
  for (let b = 0; b < 40; b++) {
    const v = 5_000 + b;
    m.push(join(90_000 + b * 250, v), { t: 90_000 + b * 250 + 5_000, up: { type: 'room.leave', viewer: v, reason: 'boredom', watchedMs: 5_000 } });
  }
  m.push(say(5_000, 1, '敏感肌能用吗'), say(5_200, 2, '敏感肌可以用吗'), say(5_400, 3, '敏感肌能用吗？'), say(6_000, 4, '加微信abc123'));
  m.push(join(0, 7), view(1_000, 7, 'lip-01'), cart(2_000, 7, 'lip-02'), view(40_000, 7, 'eye-01'), cart(41_000, 7, 'eye-02'), view(42_000, 7, 'eye-02'));
  return m;
}

describe('strategy registry', () => {
  it('has unique names, a baseline with no tools and a full strategy with all', () => {
    expect(new Set(STRATEGY_NAMES).size).toBe(STRATEGIES.length);
    expect(toolsOn(strategyByName('baseline').marketing)).toEqual([]);
    expect(toolsOn(strategyByName('full').marketing)).toHaveLength(9);
  });

  it('names the choices for an unknown strategy', () => {
    expect(() => strategyByName('baselin', 'scenario.strategy')).toThrow(InputError);
    expect(() => strategyByName('baselin')).toThrow(/did you mean "baseline"/);
  });

  it('merges scenario overrides without touching the registered strategy', () => {
    const s = withOverrides(strategyByName('comment-prompts'), { prompts: { minViewers: 5 } });
    expect(s.marketing.prompts.minViewers).toBe(5);
    expect(strategyByName('comment-prompts').marketing.prompts.minViewers).toBe(3);
  });
});

describe.each(STRATEGIES.map((s) => [s.name, s] as const))('strategy contract: %s', (_name, strategy) => {
  const c = strategy.marketing;
  const run = () => {
    const s = createMarketingEngine(c, BEAUTY_CATALOG, { showStartOfDayMs: 20 * H });
    const out = drive(s, show(), END);
    return { s, out, sum: summary(s), advice: advise(s, 30 * 60_000) };
  };

  it('has a valid configuration and a description', () => {
    expect(checkMarketingConfig(c)).toEqual([]);
    expect(strategy.description.length).toBeGreaterThan(10);
  });

  it('prompts the host if and only if prompts are on', () => {
    const { out, sum } = run();
    const n = out.filter((o) => o.to === 'host').length;
    expect(n > 0).toBe(c.prompts.enabled);
    expect(sum.prompts).toBe(n);
  });

  it('pushes to viewers if and only if targeting is on', () => {
    const { out, sum } = run();
    expect(pushes(out).length > 0).toBe(c.targeting.enabled);
    expect(sum.segmentMoves > 0).toBe(c.segments.enabled);
  });

  it('raises alerts if and only if alerts are on', () => {
    const { sum } = run();
    expect(sum.alerts > 0).toBe(c.alerts.enabled);
    if (c.alerts.enabled) expect(sum.alertList[0]!.kind).toBe('bounce-burst');
  });

  it('cleans, ranks heat and profiles only when those tools are on', () => {
    const { sum } = run();
    expect(sum.cleaning.dropped.spam > 0).toBe(c.cleaning.enabled);
    expect(sum.skuHeat.length > 0).toBe(c.heat.enabled);
    expect(sum.propensity.low + sum.propensity.mid + sum.propensity.high > 0).toBe(c.propensity.enabled);
    expect(sum.funnel.entered).toBe(161);
  });

  it('advises the pitch order and countdown only from the tools that are on', () => {
    const { advice } = run();
    const expected = (['propensity', 'promo', 'heat'] as const).filter((t) => c[t].enabled);
    expect(advice.orderedBy).toEqual(expected);
    if (expected.length === 0) expect(advice.skuOrder).toEqual(BEAUTY_CATALOG.skus.map((k) => k.sku));
    expect(advice.countdownMs).toBe(c.promo.enabled ? c.promo.peakCountdownMs : c.promo.fixedCountdownMs);
    expect(advice.focusSku !== undefined).toBe(c.heat.enabled);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(run().out)).toBe(JSON.stringify(run().out));
  });
});
