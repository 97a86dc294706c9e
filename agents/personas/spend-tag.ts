// The platform's consumption-level tag of an account (low / mid / high spender): what live-commerce
// platforms give a room about a viewer from their order history elsewhere (the "consumption power" crowd
// tags of the platforms' merchant analytics), sent with the join. Here it is the persona's monthly
// budget in three bands, one band off for a fifth of the viewers (a history is an imperfect measure of
// today's spending power). The cut-offs and the error share are assumptions; the tag depends only on
// (persona, viewer id), so every variant of a comparison sees the same tags.
import { hashString } from '../../engine/kernel/index.ts';
import type { Persona } from './types.ts';

export interface SpendTagParams {
  /** monthly budget (yuan) below which the tag is low, and at or above which it is high */
  readonly lowBelow: number;
  readonly highFrom: number;
  /** share of viewers whose tag is one band off (half up, half down, clamped) */
  readonly error: number;
}

export const SPEND_TAG: SpendTagParams = { lowBelow: 1500, highFrom: 4000, error: 0.2 };

/** 0 low, 1 mid, 2 high */
export function spendTag(persona: Pick<Persona, 'id' | 'budgetMonthly'>, p: SpendTagParams = SPEND_TAG): 0 | 1 | 2 {
  const band = persona.budgetMonthly < p.lowBelow ? 0 : persona.budgetMonthly < p.highFrom ? 1 : 2;
  const u = (hashString(`spend-tag:${persona.id}`) >>> 0) / 4_294_967_296;
  const off = u < p.error / 2 ? -1 : u < p.error ? 1 : 0;
  return Math.max(0, Math.min(2, band + off)) as 0 | 1 | 2;
}
