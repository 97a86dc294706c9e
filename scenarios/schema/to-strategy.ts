// scenario.strategy → engine/strategies: the registry strategy to start from and the overrides for its
// `withOverrides(strategyByName(preset), overrides)`, or the resulting MarketingConfig directly.
// Seconds and minutes become ms, switches resolve against the preset, names map one to one. Tests check,
// for every preset, that both routes give exactly the registry's configuration, so the two stay in sync.
import type { DeepPartial, MarketingConfig } from '../../engine/marketing/config.ts';
import type { StrategyName } from '../../engine/strategies/registry.ts';
import { hoursOfDay } from './primitives.ts';
import { ENGINE_TOOL, STRATEGY_TOOLS, toolOn, type StrategySection } from './sections/strategy.ts';

const S = 1000;
const MIN = 60 * S;

export function toMarketingConfig(s: StrategySection): MarketingConfig {
  const { cleaning: c, profiles: p, segments: g, prompts: q, funnel: f, skuHeat: h, propensity: y, promoTiming: t } = s;
  const [peakStart, peakEnd] = t.peakWindow.split('-') as [string, string];
  return {
    cleaning: {
      enabled: toolOn(s, 'cleaning'),
      dedupeWindowMs: c.dedupeWindowSeconds * S,
      floodRatePerSec: c.floodRatePerSecond,
      floodBurst: c.floodBurst,
      maxRepeatRun: c.maxRepeatRun,
      minDiversity: c.minDiversity,
      botAfterSpam: c.botAfterSpam,
    },
    profiles: {
      enabled: toolOn(s, 'profiles'),
      interestHalfLifeMs: p.interestHalfLifeSeconds * S,
      weights: { view: p.weights.view, dwellPerSec: p.weights.dwellPerSecond, cart: p.weights.cart, order: p.weights.order, mention: p.weights.mention },
    },
    segments: { enabled: toolOn(s, 'segments'), hysteresis: g.hysteresis, minScore: g.minScore },
    targeting: {
      enabled: toolOn(s, 'targeting'),
      push: g.targeting.push,
      minGapMs: g.targeting.minGapSeconds * S,
      couponRate: g.targeting.couponDiscount,
      couponTtlMs: g.targeting.couponTtlMinutes * MIN,
    },
    prompts: {
      enabled: toolOn(s, 'prompts'),
      windowMs: q.windowSeconds * S,
      minViewers: q.thresholdViewers,
      cooldownMs: q.cooldownSeconds * S,
      maxPerTick: q.maxPerTick,
      intents: [...q.intents],
      defaultLang: q.language,
    },
    alerts: {
      enabled: toolOn(s, 'funnel'),
      detector: f.detector,
      perKind: { ...f.perSignal },
      params: { cusum: { ...f.params.cusum }, ewma: { ...f.params.ewma }, 'page-hinkley': { ...f.params['page-hinkley'] } },
      baseline: { ...f.baseline },
      bounceMs: f.bounceSeconds * S,
      minEvents: f.minEvents,
      maxBatchSec: f.maxBatchSeconds,
      refractoryMs: f.refractorySeconds * S,
      graceMs: f.graceSeconds * S,
    },
    heat: {
      enabled: toolOn(s, 'skuHeat'),
      halfLifeMs: h.halfLifeSeconds * S,
      weights: { mention: h.weights.mention, dwellPerSec: h.weights.dwellPerSecond, cart: h.weights.cart, cartRate: h.weights.cartRate },
      pairCards: h.pairCards,
      pairGapMs: h.pairGapSeconds * S,
    },
    propensity: { enabled: toolOn(s, 'propensity'), weights: { ...y.weights }, thresholds: { ...y.thresholds } },
    promo: {
      enabled: toolOn(s, 'promoTiming'),
      peakStartHour: hoursOfDay(peakStart),
      peakEndHour: hoursOfDay(peakEnd),
      shoulderHours: t.shoulderHours,
      peakCountdownMs: t.countdownSeconds.peak * S,
      shoulderCountdownMs: t.countdownSeconds.shoulder * S,
      offPeakCountdownMs: t.countdownSeconds.offPeak * S,
      fixedCountdownMs: t.countdownSeconds.fixed * S,
    },
  };
}

/**
 * The input of engine/strategies' `withOverrides(strategyByName(preset), overrides)`: every parameter,
 * and only the switches the file sets (the others stay as the preset has them).
 */
export function strategyOverrides(s: StrategySection): { preset: StrategyName; name: string; overrides: DeepPartial<MarketingConfig> } {
  const full = toMarketingConfig(s) as unknown as Record<string, Record<string, unknown>>;
  const explicit = new Map<string, boolean | undefined>([
    ...STRATEGY_TOOLS.map((t) => [ENGINE_TOOL[t], s[t].enabled] as const),
    ['targeting', s.segments.targeting.enabled] as const,
  ]);
  const overrides: Record<string, Record<string, unknown>> = {};
  for (const [tool, params] of Object.entries(full)) {
    const { enabled: _on, ...rest } = params;
    const set = explicit.get(tool);
    overrides[tool] = set === undefined ? rest : { ...rest, enabled: set };
  }
  return { preset: s.preset, name: s.name ?? s.preset, overrides: overrides as DeepPartial<MarketingConfig> };
}
