// What a viewer is: the hidden traits an agent acts on. The marketing engine never reads these; it
// must infer them from behaviour (issue 8). Numbers only where the models need them, strings for show.
import type { Lang, NetworkFamily } from '../../engine/protocol.ts';

export const AGE_BANDS = ['18-24', '25-30', '31-40', '41-50', '50+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];

/** 1 = tier 1, 2 = new tier 1, 3 = tier 2, 4 = tier 3, 5 = tier 4 and below (the 下沉市场) */
export const CITY_TIERS = [1, 2, 3, 4, 5] as const;
export type CityTier = (typeof CITY_TIERS)[number];

export const DEVICES = ['ios', 'android-high', 'android-low', 'desktop'] as const;
export type Device = (typeof DEVICES)[number];

export const NETWORK_FAMILIES = ['wifi', '4g', 'weak-4g', '3g'] as const satisfies readonly NetworkFamily[];

export interface Persona {
  readonly id: number;
  /** the mix component the persona was drawn from (e.g. 'beauty-fan') */
  readonly segment: string;
  readonly lang: Lang;
  readonly name: string;
  readonly ageBand: AgeBand;
  readonly gender: Gender;
  /** province (zh) or state (en) */
  readonly region: string;
  readonly city: string;
  readonly cityTier: CityTier;
  readonly device: Device;
  /** maps to a network-profile family */
  readonly network: NetworkFamily;
  /** monthly discretionary budget, CNY */
  readonly budgetMonthly: number;
  /** scale of the price disutility (1 = average shopper) */
  readonly priceSensitivity: number;
  /** curvature of the price disutility: (price / reference)^exponent */
  readonly priceExponent: number;
  /** interests in [-1, 1] over INTEREST_DIMS (categories then topics), as RecSim's user interests */
  readonly interests: Float32Array;
  /** 0 = impulse buyer … 1 = deliberate buyer */
  readonly decisionCycle: number;
  /** patience as a normal score: 0 = median viewer, +1 = more patient than 84 % */
  readonly patienceZ: number;
  /** multiplier of comment and like rates (1 = median) */
  readonly chattiness: number;
  /** follows the host already (loyalty) */
  readonly follower: boolean;
  /** mean stay in minutes when the content is neither liked nor disliked */
  readonly stayMinutes: number;
  /** a spam account (ads, bot-like repetition) */
  readonly spammer: boolean;
}
