// A strategy is a named marketing configuration that scenarios compare: which tools are on, with what
// parameters. `withTools` builds one from the baseline (everything off) by switching tools on.
import { allToolsOff, marketingConfig, type DeepPartial, type MarketingConfig } from '../marketing/index.ts';

export const TOOLS = ['cleaning', 'profiles', 'segments', 'targeting', 'prompts', 'alerts', 'heat', 'propensity', 'promo'] as const;
export type Tool = (typeof TOOLS)[number];

export interface Strategy {
  readonly name: string;
  readonly description: string;
  readonly marketing: MarketingConfig;
}

/** The baseline's configuration with exactly `tools` switched on (defaults for their parameters). */
export function withTools(tools: readonly Tool[], overrides: DeepPartial<MarketingConfig> = {}): MarketingConfig {
  const on: DeepPartial<MarketingConfig> = {};
  for (const t of tools) on[t] = { enabled: true };
  return marketingConfig(overrides, marketingConfig(on, allToolsOff()));
}

/** The tools a configuration has switched on, in `TOOLS` order. */
export function toolsOn(c: MarketingConfig): Tool[] {
  return TOOLS.filter((t) => c[t].enabled);
}
