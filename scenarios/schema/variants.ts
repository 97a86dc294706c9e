// The variants of a comparison: `baseline` (implicit: the scenario as written, unless the file
// overrides it) first, then the file's variants in file order; each as a full scenario.
import { InputError } from '../../engine/kernel/index.ts';
import { didYouMean } from './levenshtein.ts';
import { applyOverrides } from './overrides.ts';
import type { Scenario } from './scenario.ts';

export const BASELINE = 'baseline';

export function variantNames(s: Scenario): string[] {
  return [BASELINE, ...Object.keys(s.variants).filter((n) => n !== BASELINE)];
}

/** The scenario of one variant, its overrides applied (its own `variants` emptied). */
export function variantScenario(s: Scenario, name: string): Scenario {
  const overrides = s.variants[name];
  if (overrides === undefined && name !== BASELINE) {
    const names = variantNames(s);
    const hint = didYouMean(name, names);
    throw new InputError([{ path: 'variants', value: name, expected: `a variant of the scenario (${names.join(', ')})`, ...(hint ? { hint } : {}) }]);
  }
  return { ...applyOverrides(s, overrides ?? {}), variants: {} };
}
