// Persona mixes and distributions as a scenario sets them: a plain, zod-free config type and the
// defaults. None of the shares below comes from a study: CALIBRATION.md has no audience demographics,
// so every default here is an assumption, chosen to be plausible and meant to be overridden by scenarios.
import type { NetworkFamily } from '../../engine/protocol.ts';
import type { InterestDim } from './categories.ts';
import type { AgeBand, CityTier, Device } from './types.ts';

/** log-normal: half the personas below `median`; `sigma` is the log-space spread */
export interface Spread {
  readonly median: number;
  readonly sigma: number;
}
/** logit-normal share in (0, 1): `mean` is the median, `sd` the spread on the logit scale */
export interface Share {
  readonly mean: number;
  readonly sd: number;
}
export type Weights<K extends string | number> = Readonly<Record<K, number>>;

/** one component of the audience mix */
export interface PersonaSegmentConfig {
  readonly name: string;
  readonly weight: number;
  readonly femaleShare: number;
  readonly ageBands: Weights<AgeBand>;
  /** CNY per month, before the city-tier factor */
  readonly budgetMonthly: Spread;
  readonly priceSensitivity: Spread;
  readonly priceExponent: { readonly min: number; readonly max: number };
  /** added to RecSim's U(-1, 1) interests before clipping */
  readonly interestBias: Partial<Record<InterestDim, number>>;
  readonly decisionCycle: Share;
  readonly chattiness: Spread;
  readonly followerShare: number;
  readonly stayMinutes: Spread;
  readonly spammer: boolean;
}

export interface PersonaConfig {
  /** share of Chinese-speaking viewers (the rest write in English) */
  readonly zhShare: number;
  readonly cityTiers: Weights<CityTier>;
  /** budget multiplier by city tier */
  readonly budgetByTier: Weights<CityTier>;
  readonly networks: Weights<NetworkFamily>;
  /** multiplier of the weak-4g and 3g weights by city tier (weak networks are commoner in small towns) */
  readonly weakNetworkByTier: Weights<CityTier>;
  /** device shares; a desktop is always on wifi */
  readonly devices: Weights<Device>;
  readonly segments: readonly PersonaSegmentConfig[];
  /** names and cities through faker; false keeps only the numeric traits (the behaviour is the same) */
  readonly identity: boolean;
}

const YOUNG: Weights<AgeBand> = { '18-24': 0.3, '25-30': 0.35, '31-40': 0.25, '41-50': 0.07, '50+': 0.03 };
const MIDDLE: Weights<AgeBand> = { '18-24': 0.1, '25-30': 0.2, '31-40': 0.35, '41-50': 0.22, '50+': 0.13 };
const EVEN: Weights<AgeBand> = { '18-24': 0.2, '25-30': 0.25, '31-40': 0.3, '41-50': 0.15, '50+': 0.1 };

function segment(name: string, weight: number, over: Partial<PersonaSegmentConfig>): PersonaSegmentConfig {
  return {
    name,
    weight,
    femaleShare: 0.6,
    ageBands: EVEN,
    budgetMonthly: { median: 2000, sigma: 0.6 },
    priceSensitivity: { median: 1, sigma: 0.35 },
    priceExponent: { min: 0.7, max: 1.3 },
    interestBias: {},
    decisionCycle: { mean: 0.5, sd: 1 },
    chattiness: { median: 1, sigma: 1.2 },
    followerShare: 0.25,
    stayMinutes: { median: 8, sigma: 0.9 },
    spammer: false,
    ...over,
  };
}

export const DEFAULT_PERSONA_CONFIG: PersonaConfig = {
  zhShare: 0.92,
  cityTiers: { 1: 0.1, 2: 0.18, 3: 0.22, 4: 0.25, 5: 0.25 },
  budgetByTier: { 1: 1.6, 2: 1.3, 3: 1, 4: 0.8, 5: 0.65 },
  networks: { wifi: 0.45, '4g': 0.35, 'weak-4g': 0.12, '3g': 0.08 },
  weakNetworkByTier: { 1: 0.6, 2: 0.8, 3: 1, 4: 1.2, 5: 1.5 },
  devices: { ios: 0.25, 'android-high': 0.4, 'android-low': 0.3, desktop: 0.05 },
  identity: true,
  segments: [
    segment('beauty-fan', 0.28, {
      femaleShare: 0.9,
      ageBands: YOUNG,
      budgetMonthly: { median: 2500, sigma: 0.6 },
      interestBias: { 'beauty.lipstick': 0.6, 'beauty.eyeshadow': 0.5, 'beauty.foundation': 0.4, 'beauty.serum': 0.5, 'beauty.face-mask': 0.4, 'beauty.sunscreen': 0.3, tutorial: 0.3 },
      decisionCycle: { mean: 0.4, sd: 1 },
      chattiness: { median: 1.3, sigma: 1.2 },
      followerShare: 0.35,
      stayMinutes: { median: 10, sigma: 0.9 },
    }),
    segment('apparel-shopper', 0.24, {
      femaleShare: 0.7,
      ageBands: YOUNG,
      interestBias: { 'apparel.dress': 0.6, 'apparel.top': 0.5, 'apparel.pants': 0.4, 'apparel.coat': 0.3, 'apparel.knitwear': 0.4 },
      decisionCycle: { mean: 0.45, sd: 1 },
    }),
    segment('bargain-hunter', 0.2, {
      ageBands: MIDDLE,
      budgetMonthly: { median: 1500, sigma: 0.5 },
      priceSensitivity: { median: 1.8, sigma: 0.3 },
      interestBias: { deals: 0.8, 'food.snacks': 0.4, 'food.nuts': 0.4, 'food.noodles': 0.4, 'food.gift-box': 0.2 },
      decisionCycle: { mean: 0.6, sd: 0.9 },
      followerShare: 0.2,
      stayMinutes: { median: 12, sigma: 0.9 },
    }),
    segment('family', 0.13, {
      femaleShare: 0.5,
      ageBands: MIDDLE,
      budgetMonthly: { median: 2800, sigma: 0.5 },
      interestBias: { 'food.gift-box': 0.4, 'food.tea': 0.4, 'food.nuts': 0.3, 'apparel.coat': 0.2, 'beauty.sunscreen': 0.2 },
      decisionCycle: { mean: 0.65, sd: 0.9 },
      stayMinutes: { median: 7, sigma: 0.9 },
    }),
    segment('lurker', 0.145, {
      budgetMonthly: { median: 1800, sigma: 0.6 },
      interestBias: { entertainment: 0.4 },
      decisionCycle: { mean: 0.7, sd: 0.8 },
      chattiness: { median: 0.5, sigma: 1 },
      followerShare: 0.1,
      stayMinutes: { median: 5, sigma: 1 },
    }),
    segment('spammer', 0.005, {
      budgetMonthly: { median: 300, sigma: 0.3 },
      chattiness: { median: 30, sigma: 0.5 },
      followerShare: 0,
      stayMinutes: { median: 20, sigma: 0.5 },
      spammer: true,
    }),
  ],
};
