// The strategies a scenario can name, as one `as const` registry (STYLE.md §6).
import { InputError } from '../kernel/index.ts';
import { marketingConfig, type DeepPartial, type MarketingConfig } from '../marketing/index.ts';
import { anomalyAlerts } from './anomaly-alerts.ts';
import { baseline } from './baseline.ts';
import { commentPrompts } from './comment-prompts.ts';
import { full } from './full.ts';
import { heatFocus } from './heat-focus.ts';
import { propensityPitch } from './propensity-pitch.ts';
import { realtimeTargeting } from './realtime-targeting.ts';
import type { Strategy } from './strategy.ts';
import { timedPromo } from './timed-promo.ts';

export const STRATEGIES = [baseline, commentPrompts, realtimeTargeting, propensityPitch, timedPromo, heatFocus, anomalyAlerts, full] as const;
export type StrategyName = (typeof STRATEGIES)[number]['name'];
export const STRATEGY_NAMES = STRATEGIES.map((s) => s.name) as StrategyName[];

/** A strategy by name; an unknown name is an InputError naming the choices. `path` locates it in a scenario. */
export function strategyByName(name: string, path = 'strategy'): Strategy {
  const s = STRATEGIES.find((k) => k.name === name);
  if (s !== undefined) return s;
  const near = STRATEGY_NAMES.find((n) => n.startsWith(name.slice(0, 3)));
  throw new InputError([{ path, expected: `one of ${STRATEGY_NAMES.join(', ')}`, value: name, ...(near ? { hint: `did you mean "${near}"?` } : {}) }]);
}

/** A strategy with a scenario's parameter overrides merged in (the switches can be overridden too). */
export function withOverrides(s: Strategy, overrides: DeepPartial<MarketingConfig>): Strategy {
  return { name: s.name, description: s.description, marketing: marketingConfig(overrides, s.marketing) };
}
