// The marketing engine's configuration: every tool with its on/off switch and parameters, and the
// defaults (all tools on). Strategies (engine/strategies/) are named configurations of this type; the
// scenarios issue will put a zod schema over it. Sources of defaults are cited where they exist; the
// rest are design choices, stated as such.
import type { AlertParams } from './alerts/monitor.ts';
import type { CleaningParams } from './cleaning/cleaner.ts';
import type { HeatParams } from './heat/sku-heat.ts';
import type { ProfileParams } from './profiles/profile-store.ts';
import type { PromoParams } from './promo/promo-timing.ts';
import type { PromptParams } from './prompts/prompter.ts';
import type { PropensityParams } from './propensity/propensity.ts';
import type { SegmentParams } from './segments/segments.ts';
import type { TargetingParams } from './segments/targeting.ts';
import { CUSUM_DEFAULTS, EWMA_DEFAULTS, PAGE_HINKLEY_DEFAULTS } from './detectors/index.ts';

export interface MarketingConfig {
  cleaning: CleaningParams;
  profiles: ProfileParams;
  segments: SegmentParams;
  targeting: TargetingParams;
  prompts: PromptParams;
  alerts: AlertParams & { /** scoring: how long after an anomaly ends an alert still counts */ graceMs: number };
  heat: HeatParams;
  propensity: PropensityParams;
  promo: PromoParams;
}

export const DEFAULT_MARKETING_CONFIG: MarketingConfig = {
  cleaning: { enabled: true, dedupeWindowMs: 10_000, floodRatePerSec: 1, floodBurst: 5, maxRepeatRun: 8, minDiversity: 0.2, botAfterSpam: 3 },
  profiles: {
    enabled: true,
    // interest half-life 2 min: long enough to hold a segment through one SKU segment of a show,
    // short enough that a viewer's drift (lipstick → eyeshadow) shows within a few actions
    interestHalfLifeMs: 120_000,
    weights: { view: 1, dwellPerSec: 0.1, cart: 3, order: 5, mention: 1 },
  },
  segments: { enabled: true, hysteresis: 0.25, minScore: 2 },
  targeting: { enabled: true, push: 'by-propensity', minGapMs: 30_000, couponRate: 0.1, couponTtlMs: 600_000 },
  prompts: {
    enabled: true,
    windowMs: 30_000,
    minViewers: 3,
    cooldownMs: 60_000,
    maxPerTick: 3,
    intents: ['sizing', 'suitability', 'price', 'shipping', 'authenticity', 'complaint'],
    defaultLang: 'zh',
  },
  alerts: {
    enabled: true,
    // CUSUM by default for all three signals: the injected anomalies (ad-buy bounce burst, payment
    // outage, bad pitch) are abrupt steps, and CUSUM is the fastest detector of a step (Lorden-optimal);
    // Page–Hinkley's running mean makes it a slow-drift detector (it may even absorb a step it
    // restarted inside), and the EWMA chart trails CUSUM by a sample or two on large steps. On the
    // synthetic shows of alerts/monitor.test.ts all three find every anomaly; mean time to detect is
    // CUSUM 7.6 s, EWMA 8.4 s, Page–Hinkley 25.3 s (precision 0.95, 1, 1). EWMA is the alternative
    // when false alarms cost more than seconds.
    detector: 'cusum',
    perKind: {},
    // h = 8σ instead of river's 5σ: at one sample per second a 2-hour show has 7,200 samples per signal,
    // and h = 5 raises ~10 false alarms per 10,000 Gaussian samples (ARL0 ≈ 940, measured in
    // detectors/contract.test.ts), h = 8 ~0.1, for about one more second of delay on a 3σ step.
    params: { cusum: { ...CUSUM_DEFAULTS, h: 8 }, ewma: EWMA_DEFAULTS, 'page-hinkley': PAGE_HINKLEY_DEFAULTS },
    // river: 30-sample warm-up; tracking and gate are ours (slow absorption of legitimate change)
    baseline: { warmup: 30, trackRate: 0.01, trackGate: 3, minSigma: 1e-6 },
    // "a burst of arrivals leaving within 30 s" (issue 8); a view under 3 s is a negative watch (Kuaishou)
    bounceMs: 30_000,
    // binomial noise of a ratio over 20 events is ≤ 0.11: coarse, but a payment outage or a bad pitch
    // moves the ratio by far more; a bigger batch would slow detection in a quiet room
    minEvents: 20,
    maxBatchSec: 30,
    refractoryMs: 30_000,
    graceMs: 30_000,
  },
  // pairing: one card per viewer per minute at most, so a viewer filling a cart is not flooded
  heat: { enabled: true, halfLifeMs: 60_000, weights: { mention: 1, dwellPerSec: 0.1, cart: 2, cartRate: 10 }, pairCards: true, pairGapMs: 60_000 },
  propensity: { enabled: true, weights: { price: 0.6, spend: 0.15, frequency: 0.1, intent: 0.15 }, thresholds: { low: 0.2, high: 0.4 } },
  promo: {
    enabled: true,
    peakStartHour: 20,
    peakEndHour: 22,
    shoulderHours: 1,
    peakCountdownMs: 60_000,
    shoulderCountdownMs: 120_000,
    offPeakCountdownMs: 180_000,
    fixedCountdownMs: 120_000,
  },
};

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function merge<T>(base: T, over: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = v === undefined ? base[k] : merge(base[k], v);
  return out as T;
}

/** A full configuration: `base` (default: all tools on) with `overrides` merged in, recursively. */
export function marketingConfig(overrides: DeepPartial<MarketingConfig> = {}, base: MarketingConfig = DEFAULT_MARKETING_CONFIG): MarketingConfig {
  return merge(base, overrides);
}

/** Every tool switched off (the baseline's configuration), parameters kept. */
export function allToolsOff(base: MarketingConfig = DEFAULT_MARKETING_CONFIG): MarketingConfig {
  const off = { enabled: false };
  return marketingConfig({ cleaning: off, profiles: off, segments: off, targeting: off, prompts: off, alerts: off, heat: off, propensity: off, promo: off }, base);
}
