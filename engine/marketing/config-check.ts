// Checks a marketing configuration and collects every problem in one pass (STYLE.md §8): numbers
// finite and in range, names from their registries, and tool dependencies (targeting needs segments,
// segments and propensity need profiles).
import { COMMENT_INTENTS } from '../protocol.ts';
import { InputError, type InputProblem } from '../kernel/index.ts';
import { ALERT_KINDS } from './alerts/monitor.ts';
import type { MarketingConfig } from './config.ts';
import { DETECTOR_NAMES } from './detectors/registry.ts';

const PROB_KEYS = new Set(['couponRate', 'minDiversity', 'trackRate', 'alpha', 'low', 'high']);

function walkNumbers(x: unknown, path: string, out: InputProblem[]): void {
  if (typeof x === 'number') {
    const key = path.slice(path.lastIndexOf('.') + 1);
    if (!Number.isFinite(x) || x < 0) out.push({ path, expected: 'a finite number ≥ 0', value: x });
    else if (PROB_KEYS.has(key) && x > 1) out.push({ path, expected: 'a number in [0, 1]', value: x });
    return;
  }
  if (typeof x === 'object' && x !== null && !Array.isArray(x)) for (const [k, v] of Object.entries(x)) walkNumbers(v, path ? `${path}.${k}` : k, out);
}

export function checkMarketingConfig(c: MarketingConfig, prefix = 'marketing'): InputProblem[] {
  const out: InputProblem[] = [];
  walkNumbers(c, prefix, out);
  const need = (tool: keyof MarketingConfig, dep: keyof MarketingConfig): void => {
    if (c[tool].enabled && !c[dep].enabled) out.push({ path: `${prefix}.${tool}.enabled`, expected: `false while ${dep} is off (${tool} needs ${dep})`, value: true });
  };
  need('targeting', 'segments');
  need('segments', 'profiles');
  need('propensity', 'profiles');
  if (!(c.prompts.minViewers >= 1 && Number.isInteger(c.prompts.minViewers))) out.push({ path: `${prefix}.prompts.minViewers`, expected: 'an integer ≥ 1', value: c.prompts.minViewers });
  if (!(c.prompts.maxPerTick >= 1)) out.push({ path: `${prefix}.prompts.maxPerTick`, expected: 'a number ≥ 1', value: c.prompts.maxPerTick });
  c.prompts.intents.forEach((i, k) => {
    if (!(COMMENT_INTENTS as readonly string[]).includes(i)) out.push({ path: `${prefix}.prompts.intents.${k}`, expected: `one of ${COMMENT_INTENTS.join(', ')}`, value: i });
  });
  const detectors = DETECTOR_NAMES as readonly string[];
  if (!detectors.includes(c.alerts.detector)) out.push({ path: `${prefix}.alerts.detector`, expected: `one of ${DETECTOR_NAMES.join(', ')}`, value: c.alerts.detector });
  for (const [k, v] of Object.entries(c.alerts.perKind)) {
    if (!(ALERT_KINDS as readonly string[]).includes(k)) out.push({ path: `${prefix}.alerts.perKind.${k}`, expected: `a key among ${ALERT_KINDS.join(', ')}`, value: k });
    if (!detectors.includes(v)) out.push({ path: `${prefix}.alerts.perKind.${k}`, expected: `one of ${DETECTOR_NAMES.join(', ')}`, value: v });
  }
  if (!(c.propensity.thresholds.low < c.propensity.thresholds.high)) {
    out.push({ path: `${prefix}.propensity.thresholds`, expected: 'low < high', value: c.propensity.thresholds });
  }
  for (const k of ['interestHalfLifeMs'] as const) if (!(c.profiles[k] > 0)) out.push({ path: `${prefix}.profiles.${k}`, expected: 'a number > 0', value: c.profiles[k] });
  if (!(c.heat.halfLifeMs > 0)) out.push({ path: `${prefix}.heat.halfLifeMs`, expected: 'a number > 0', value: c.heat.halfLifeMs });
  if (!(c.heat.pairGapMs >= 0)) out.push({ path: `${prefix}.heat.pairGapMs`, expected: 'a number ≥ 0', value: c.heat.pairGapMs });
  if (!['card', 'coupon', 'by-propensity'].includes(c.targeting.push)) out.push({ path: `${prefix}.targeting.push`, expected: "'card', 'coupon' or 'by-propensity'", value: c.targeting.push });
  return out;
}

/** Throws an InputError listing every problem, or returns the configuration unchanged. */
export function assertMarketingConfig(c: MarketingConfig, prefix = 'marketing'): MarketingConfig {
  const problems = checkMarketingConfig(c, prefix);
  if (problems.length > 0) throw new InputError(problems);
  return c;
}
