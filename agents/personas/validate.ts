// Checks a persona config in one pass and reports every problem with its path, value and expectation
// (STYLE.md §8). The scenarios issue will put a zod schema in front; this keeps the sampler safe meanwhile.
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';
import { INTEREST_DIMS } from './categories.ts';
import type { PersonaConfig, Spread, Weights } from './config.ts';

const DIMS = new Set<string>(INTEREST_DIMS);

function weights(path: string, w: Weights<string | number>, out: InputProblem[]): void {
  let total = 0;
  for (const [k, v] of Object.entries(w)) {
    if (!(Number.isFinite(v) && v >= 0)) out.push({ path: `${path}.${k}`, expected: 'a weight ≥ 0', value: v });
    else total += v;
  }
  if (!(total > 0)) out.push({ path, expected: 'weights with a positive sum', value: w });
}

function spread(path: string, s: Spread, out: InputProblem[]): void {
  if (!(s.median > 0)) out.push({ path: `${path}.median`, expected: 'a number > 0', value: s.median });
  if (!(s.sigma >= 0)) out.push({ path: `${path}.sigma`, expected: 'a number ≥ 0', value: s.sigma });
}

function share(path: string, v: number, out: InputProblem[]): void {
  if (!(v >= 0 && v <= 1)) out.push({ path, expected: 'a share in [0, 1]', value: v });
}

export function personaConfigProblems(c: PersonaConfig, at = 'personas'): InputProblem[] {
  const out: InputProblem[] = [];
  share(`${at}.zhShare`, c.zhShare, out);
  weights(`${at}.cityTiers`, c.cityTiers, out);
  weights(`${at}.networks`, c.networks, out);
  weights(`${at}.devices`, c.devices, out);
  for (const [k, v] of Object.entries(c.budgetByTier)) if (!(v > 0)) out.push({ path: `${at}.budgetByTier.${k}`, expected: 'a number > 0', value: v });
  if (c.segments.length === 0) out.push({ path: `${at}.segments`, expected: 'at least one segment', value: c.segments });
  weights(`${at}.segments[*].weight`, Object.fromEntries(c.segments.map((s, i) => [i, s.weight])), out);
  c.segments.forEach((s, i) => {
    const p = `${at}.segments[${i}]`;
    share(`${p}.femaleShare`, s.femaleShare, out);
    share(`${p}.followerShare`, s.followerShare, out);
    share(`${p}.decisionCycle.mean`, s.decisionCycle.mean, out);
    weights(`${p}.ageBands`, s.ageBands, out);
    spread(`${p}.budgetMonthly`, s.budgetMonthly, out);
    spread(`${p}.priceSensitivity`, s.priceSensitivity, out);
    spread(`${p}.chattiness`, s.chattiness, out);
    spread(`${p}.stayMinutes`, s.stayMinutes, out);
    if (!(s.priceExponent.min > 0 && s.priceExponent.max >= s.priceExponent.min)) {
      out.push({ path: `${p}.priceExponent`, expected: '0 < min ≤ max', value: s.priceExponent });
    }
    for (const [k, v] of Object.entries(s.interestBias)) {
      if (!DIMS.has(k)) out.push({ path: `${p}.interestBias.${k}`, expected: `one of ${INTEREST_DIMS.join(', ')}`, value: k });
      else if (!(v !== undefined && v >= -2 && v <= 2)) out.push({ path: `${p}.interestBias.${k}`, expected: 'a bias in [-2, 2]', value: v });
    }
  });
  return out;
}

/** throws an InputError listing every problem */
export function checkPersonaConfig(c: PersonaConfig, at?: string): void {
  const problems = personaConfigProblems(c, at);
  if (problems.length > 0) throw new InputError(problems);
}
