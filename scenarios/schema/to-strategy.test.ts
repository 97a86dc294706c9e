import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSONA_CONFIG } from '../../agents/personas/index.ts';
import { DEFAULT_MARKETING_CONFIG } from '../../engine/marketing/index.ts';
import { STRATEGIES, strategyByName, toolsOn, withOverrides } from '../../engine/strategies/index.ts';
import { loadScenario } from './load.ts';
import { StrategySchema } from './sections/strategy.ts';
import { strategyOverrides, toMarketingConfig } from './to-strategy.ts';
import { BUILT_IN_PERSONAS, PRESET_TOOLS, STRATEGY_PRESETS } from './vocab.ts';

describe('strategy section → engine/strategies', () => {
  it('knows every registry strategy and the tools each switches on', () => {
    expect([...STRATEGY_PRESETS]).toEqual(STRATEGIES.map((s) => s.name));
    for (const s of STRATEGIES) expect(PRESET_TOOLS[s.name]).toEqual(toolsOn(s.marketing));
  });

  it.each(STRATEGY_PRESETS.map((p) => [p]))('preset %s with default parameters is exactly the registry strategy, by both routes', (preset) => {
    const section = StrategySchema.parse({ preset });
    expect(toMarketingConfig(section)).toEqual(strategyByName(preset).marketing);
    const { overrides } = strategyOverrides(section);
    expect(withOverrides(strategyByName(preset), overrides).marketing).toEqual(strategyByName(preset).marketing);
  });

  it('the full preset is the engine default configuration', () => {
    expect(toMarketingConfig(StrategySchema.parse({}))).toEqual(DEFAULT_MARKETING_CONFIG);
  });

  it('maps units and names, and a switch overrides the preset', () => {
    const s = loadScenario(
      `strategy:
  preset: baseline
  prompts: { enabled: true, thresholdViewers: 5, windowSeconds: 20, cooldownSeconds: 90 }
  funnel: { detector: ewma, perSignal: { bounce-burst: page-hinkley } }
  segments: { targeting: { push: coupon, couponDiscount: 0.15, couponTtlMinutes: 5 } }
  promoTiming: { enabled: true, peakWindow: "19:30-23:00", countdownSeconds: { peak: 30 } }`,
      's.yaml',
    );
    const c = toMarketingConfig(s.strategy);
    expect(c.prompts).toMatchObject({ enabled: true, minViewers: 5, windowMs: 20_000, cooldownMs: 90_000 });
    expect(c.alerts).toMatchObject({ enabled: false, detector: 'ewma', perKind: { 'bounce-burst': 'page-hinkley' } });
    expect(c.targeting).toMatchObject({ enabled: false, push: 'coupon', couponRate: 0.15, couponTtlMs: 300_000 });
    expect(c.promo).toMatchObject({ enabled: true, peakStartHour: 19.5, peakEndHour: 23, peakCountdownMs: 30_000 });
    const viaRegistry = withOverrides(strategyByName('baseline'), strategyOverrides(s.strategy).overrides).marketing;
    expect(viaRegistry).toEqual(c);
  });
});

describe('local lists kept in sync with their owners', () => {
  it('built-in personas are the persona sampler’s', () => {
    expect([...BUILT_IN_PERSONAS]).toEqual(DEFAULT_PERSONA_CONFIG.segments.map((s) => s.name));
  });

  it('the default network mix is the persona sampler’s', () => {
    const s = loadScenario('', 'e.yaml');
    expect(Object.fromEntries(s.network.mix.map((m) => [m.profile, m.share]))).toEqual(DEFAULT_PERSONA_CONFIG.networks);
  });
});
