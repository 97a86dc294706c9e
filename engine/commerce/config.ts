// Commerce settings, with defaults and one-pass validation.
import { InputError, type InputProblem } from '../kernel/index.ts';
import type { Catalog } from './catalog/index.ts';

export interface CommerceConfig {
  catalog: Catalog;
  /**
   * How often purchases are announced to the room ("23 people just bought …"), ms; 0 turns it off.
   * 5 s is an assumption (frequent enough to read as live, rare enough not to flood 100k viewers).
   */
  socialProofEveryMs: number;
  /** scripted payment outages [startMs, endMs): checkouts fail with 'payment-failed' inside them */
  paymentOutages: readonly { startMs: number; endMs: number }[];
  /** the most units of one SKU a cart line may hold */
  maxQtyPerLine: number;
}

export const COMMERCE_DEFAULTS: Omit<CommerceConfig, 'catalog'> = {
  socialProofEveryMs: 5_000,
  paymentOutages: [],
  maxQtyPerLine: 99,
};

export function resolveCommerceConfig(input: Partial<CommerceConfig> & { catalog: Catalog }, path = 'commerce'): CommerceConfig {
  const c = { ...COMMERCE_DEFAULTS, ...input };
  const problems: InputProblem[] = [];
  if (!(Number.isFinite(c.socialProofEveryMs) && c.socialProofEveryMs >= 0)) {
    problems.push({ path: `${path}.socialProofEveryMs`, expected: 'a duration ≥ 0 ms (0: off)', value: c.socialProofEveryMs });
  }
  c.paymentOutages.forEach((o, i) => {
    if (!(Number.isFinite(o.startMs) && Number.isFinite(o.endMs) && 0 <= o.startMs && o.startMs < o.endMs)) {
      problems.push({ path: `${path}.paymentOutages.${i}`, expected: '0 ≤ startMs < endMs', value: o });
    }
  });
  if (!(Number.isSafeInteger(c.maxQtyPerLine) && c.maxQtyPerLine > 0)) {
    problems.push({ path: `${path}.maxQtyPerLine`, expected: 'a positive integer', value: c.maxQtyPerLine });
  }
  if (c.catalog.skus.length === 0) problems.push({ path: `${path}.catalog`, expected: 'at least one SKU', value: [] });
  if (problems.length > 0) throw new InputError(problems);
  return c;
}
