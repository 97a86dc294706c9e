// `strategy`: which marketing tools run and with what parameters. The preset is a strategy of
// engine/strategies' registry (`full`: every tool; `baseline`: none, i.e. a fixed script, static segments,
// fixed countdowns; or one of the single-idea strategies); a tool's own `enabled` overrides the preset.
// Units are the strategist's (seconds, minutes, "20:00-22:00"); to-strategy.ts maps this section onto
// the registry's `withOverrides` input and onto engine/marketing's MarketingConfig.
import { z } from 'zod';
import { name, oneOf } from '../primitives.ts';
import { PRESET_TOOLS, STRATEGY_PRESETS, type EngineTool } from '../vocab.ts';
import { Cleaning, Funnel, Profiles, PromoTiming, Prompts, Propensity, Segments, SkuHeat } from './strategy-tools.ts';

export const StrategySchema = z
  .strictObject({
    name: name().optional().describe('label for reports; absent: the preset name'),
    preset: oneOf(STRATEGY_PRESETS)
      .default('full')
      .describe(
        'a strategy of engine/strategies: full (every tool), baseline (none: fixed script, static segments, fixed countdowns), comment-prompts, realtime-targeting, propensity-pitch, timed-promo, heat-focus, anomaly-alerts',
      ),
    cleaning: Cleaning.prefault({}),
    profiles: Profiles.prefault({}),
    segments: Segments.prefault({}),
    prompts: Prompts.prefault({}),
    funnel: Funnel.prefault({}),
    skuHeat: SkuHeat.prefault({}),
    propensity: Propensity.prefault({}),
    promoTiming: PromoTiming.prefault({}),
  })
  .superRefine((s, ctx) => {
    const need = (tool: 'targeting' | 'segments' | 'propensity', dep: 'segments' | 'profiles'): void => {
      if (toolOn(s, tool) && !toolOn(s, dep)) {
        const path = tool === 'targeting' ? ['segments', 'targeting', 'enabled'] : [tool, 'enabled'];
        ctx.addIssue({ code: 'custom', path, input: true, message: `false while ${dep} is off (${tool} needs ${dep}): switch ${dep} on too` });
      }
    };
    need('targeting', 'segments');
    need('segments', 'profiles');
    need('propensity', 'profiles');
  })
  .describe('Which marketing tools run and their parameters');

export type StrategySection = z.output<typeof StrategySchema>;
export const STRATEGY_TOOLS = ['cleaning', 'profiles', 'segments', 'prompts', 'funnel', 'skuHeat', 'propensity', 'promoTiming'] as const;
export type StrategyTool = (typeof STRATEGY_TOOLS)[number];

/** The engine's name of each tool (engine/strategies TOOLS). */
export const ENGINE_TOOL: Readonly<Record<StrategyTool | 'targeting', EngineTool>> = {
  cleaning: 'cleaning',
  profiles: 'profiles',
  segments: 'segments',
  targeting: 'targeting',
  prompts: 'prompts',
  funnel: 'alerts',
  skuHeat: 'heat',
  propensity: 'propensity',
  promoTiming: 'promo',
};

/** Whether a tool runs (its switch, or the preset's). Targeting is `segments.targeting`. */
export function toolOn(s: Pick<StrategySection, StrategyTool | 'preset'>, tool: StrategyTool | 'targeting'): boolean {
  const t = tool === 'targeting' ? s.segments.targeting : s[tool];
  return t.enabled ?? PRESET_TOOLS[s.preset].includes(ENGINE_TOOL[tool]);
}
