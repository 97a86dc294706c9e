// The names a scenario may use, as value lists: network profiles (from network-profiles' registry),
// catalog categories (from commerce's vocabulary), RNG algorithms (kernel), comment intents (protocol),
// and the lists this format owns. Where another module owns a type but exports no value list, the local
// list is checked against that type at compile time (both directions), so the two cannot drift apart.
import { CATEGORIES, type Category } from '../../engine/commerce/catalog/types.ts';
import { VOCABULARY } from '../../engine/commerce/catalog/vocabulary.ts';
import { RNG_ALGORITHMS } from '../../engine/kernel/rng/rng.ts';
import type { AlertKind } from '../../engine/marketing/alerts/monitor.ts';
import type { DetectorName } from '../../engine/marketing/detectors/registry.ts';
import type { TargetingParams } from '../../engine/marketing/segments/targeting.ts';
import { ABR_RULE_IDS } from '../../engine/media/abr/ids.ts';
import { MOBILE_LIVE_LADDER_KBPS } from '../../engine/media/config.ts';
import type { StrategyName } from '../../engine/strategies/registry.ts';
import type { Tool } from '../../engine/strategies/strategy.ts';
import { COMMENT_INTENTS, type Lang } from '../../engine/protocol.ts';
import { PROFILE_NAMES } from '../../network-profiles/registry.ts';
import type { ScriptedEventKind } from '../../network-profiles/overlay/events.ts';

/** Exactly the members of U: a compile error if the list misses one or has an extra. */
type Exact<L extends readonly string[], U extends string> = [Exclude<U, L[number]>] extends [never] ? ([Exclude<L[number], U>] extends [never] ? L : never) : never;
const exactly =
  <U extends string>() =>
  <const L extends readonly [string, ...string[]]>(list: Exact<L, U>): L =>
    list;

export { CATEGORIES, COMMENT_INTENTS, PROFILE_NAMES, RNG_ALGORITHMS };
export type { Category };

export const VERTICALS = ['beauty', 'food', 'apparel', 'mixed'] as const;
export type Vertical = (typeof VERTICALS)[number];

/** subcategory keys, e.g. 'lipstick', 'gift-box' */
export const SUBCATEGORIES: readonly string[] = CATEGORIES.flatMap((c) => VOCABULARY[c].subcategories.map((s) => s.key));
/** the category a subcategory key belongs to */
export const CATEGORY_OF: ReadonlyMap<string, Category> = new Map(CATEGORIES.flatMap((c) => VOCABULARY[c].subcategories.map((s) => [s.key, c] as const)));
/** what a timeline entry may name as its `category`: a category, a subcategory, or 'category.subcategory' */
export const TIMELINE_CATEGORIES: readonly string[] = [...CATEGORIES, ...SUBCATEGORIES, ...CATEGORIES.flatMap((c) => VOCABULARY[c].subcategories.map((s) => `${c}.${s.key}`))];

/** Persona interest dimensions: 'category.subcategory' and three show topics (agents/personas/categories.ts). */
export const TOPICS = ['deals', 'entertainment', 'tutorial'] as const;
export const INTEREST_DIMS: readonly [string, ...string[]] = [...CATEGORIES.flatMap((c) => VOCABULARY[c].subcategories.map((s) => `${c}.${s.key}`)), ...TOPICS] as unknown as [string, ...string[]];

/** The personas of the built-in audience mix (agents/personas/config.ts; a test keeps the two in sync). */
export const BUILT_IN_PERSONAS = ['beauty-fan', 'apparel-shopper', 'bargain-hunter', 'family', 'lurker', 'spammer'] as const;

export const NETWORK_EVENT_TYPES = exactly<ScriptedEventKind>()(['tunnel', 'handover', 'congestion'] as const);

/** ABR rules of the live player model (engine/media): dash.js's throughput, BOLA and dynamic, a LoL+-style rule. */
export { ABR_RULE_IDS as ABR_RULES, MOBILE_LIVE_LADDER_KBPS };

/** The strategies of engine/strategies' registry, and the tools each switches on (a test checks both against it). */
export const STRATEGY_PRESETS = exactly<StrategyName>()(['baseline', 'comment-prompts', 'realtime-targeting', 'propensity-pitch', 'timed-promo', 'heat-focus', 'anomaly-alerts', 'full'] as const);
export const PRESET_TOOLS: Readonly<Record<StrategyName, readonly Tool[]>> = {
  baseline: [],
  'comment-prompts': ['cleaning', 'prompts'],
  'realtime-targeting': ['cleaning', 'profiles', 'segments', 'targeting', 'propensity'],
  'propensity-pitch': ['profiles', 'propensity'],
  'timed-promo': ['promo'],
  'heat-focus': ['cleaning', 'heat'],
  'anomaly-alerts': ['alerts'],
  full: ['cleaning', 'profiles', 'segments', 'targeting', 'prompts', 'alerts', 'heat', 'propensity', 'promo'],
};
export type { StrategyName, Tool as EngineTool };
export const DETECTOR_NAMES = exactly<DetectorName>()(['cusum', 'ewma', 'page-hinkley'] as const);
export const ALERT_KINDS = exactly<AlertKind>()(['bounce-burst', 'conversion-drop', 'cart-collapse'] as const);
export const TARGETING_PUSH = exactly<TargetingParams['push']>()(['by-propensity', 'coupon', 'card'] as const);
export const LANGS = exactly<Lang>()(['zh', 'en'] as const);

export const TIMELINE_TYPES = ['segment', 'pitch', 'flashsale', 'qa'] as const;
export const ANOMALY_TYPES = ['bounce-burst', 'payment-outage', 'bad-pitch'] as const;

/** The metric groups of result.json (issue 8); a threshold's metric starts with one of them. */
export const METRIC_GROUPS = ['viewers', 'qoe', 'commerce', 'funnel', 'marketing', 'engine'] as const;
export const THRESHOLD_OPS = ['<=', '>=', '==', '!=', '<', '>'] as const;
export type ThresholdOp = (typeof THRESHOLD_OPS)[number];
