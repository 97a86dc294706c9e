// Returns after the show: probability by category, raised by impulse and by a fit/expectation gap.
// Trade press puts women's apparel bought in live streams at 30–60 % returned (CALIBRATION.md §2, grey
// literature); the apparel base is set so that the default audience lands inside that band (checked
// by agents/calibration). The other bases and the two weights are assumptions.
import type { Family } from '../../personas/index.ts';

export interface ReturnParams {
  readonly base: Readonly<Record<Family | 'other', number>>;
  /** × (1 + impulseWeight·impulse), impulse in [0, 1] */
  readonly impulseWeight: number;
  /** × (1 + fitWeight·fitGap), fitGap in [0, 1] */
  readonly fitWeight: number;
  /** fit gap of sized goods with an open sizing/suitability doubt, with one answered, and of others */
  readonly gapDoubt: number;
  readonly gapAnswered: number;
  readonly gapDefault: number;
}

export const RETURNS: ReturnParams = {
  base: { apparel: 0.28, beauty: 0.08, food: 0.03, other: 0.08 },
  impulseWeight: 0.6,
  fitWeight: 0.8,
  gapDoubt: 0.8,
  gapAnswered: 0.2,
  gapDefault: 0.4,
};

export interface Purchase {
  readonly family: Family | 'other';
  /** 0 deliberate … 1 pure impulse */
  readonly impulse: number;
  /** the viewer asked a sizing/suitability question; answered or not */
  readonly asked: boolean;
  readonly answered: boolean;
}

/** impulse of a purchase from the buyer's decision cycle and the hype behind it (share of utility) */
export function impulseOf(decisionCycle: number, hypeShare: number): number {
  return Math.max(0, Math.min(1, 0.6 * (1 - decisionCycle) + 0.4 * hypeShare));
}

export function fitGap(pu: Purchase, p: ReturnParams = RETURNS): number {
  if (pu.asked) return pu.answered ? p.gapAnswered : p.gapDoubt;
  return p.gapDefault;
}

export function returnProbability(pu: Purchase, p: ReturnParams = RETURNS): number {
  const prob = p.base[pu.family] * (1 + p.impulseWeight * pu.impulse) * (1 + p.fitWeight * fitGap(pu, p));
  return Math.min(0.95, prob);
}
