// Returns after the show: probability by category, raised by impulse, by a fit/expectation gap, and by
// an impulse buy above the buyer's price level (a "stretch": the price against what they usually pay).
// Trade press puts women's apparel bought in live streams at 30–60 % returned (CALIBRATION.md §2, grey
// literature); the apparel base is set so that the default audience lands inside that band (checked
// by agents/calibration). The other bases and the weights are assumptions. The stretch term follows
// two directions from the literature, not figures: dearer items are returned more often (Hess & Mayhew
// 1997, merchandise returns in direct marketing), and regret after a purchase is larger when it was
// unplanned and large for the buyer's means (post-purchase dissonance, Sweeney, Hausknecht & Soutar
// 2000). It is what makes a pitch that fits the room's spending level return less than one above it.
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
  /** × (1 + stretchWeight·stretch·impulse), stretch in [0, 1] (stretchOf) */
  readonly stretchWeight: number;
  /** price / reference price at which the stretch is full (log scale); below the reference it is 0 */
  readonly stretchSpan: number;
}

export const RETURNS: ReturnParams = {
  base: { apparel: 0.28, beauty: 0.08, food: 0.03, other: 0.08 },
  impulseWeight: 0.6,
  fitWeight: 0.8,
  gapDoubt: 0.8,
  gapAnswered: 0.2,
  gapDefault: 0.4,
  stretchWeight: 1,
  stretchSpan: 4,
};

export interface Purchase {
  readonly family: Family | 'other';
  /** 0 deliberate … 1 pure impulse */
  readonly impulse: number;
  /** the viewer asked a sizing/suitability question; answered or not */
  readonly asked: boolean;
  readonly answered: boolean;
  /** how far the price is above the buyer's usual level, in [0, 1] (stretchOf); absent: 0 */
  readonly stretch?: number;
}

/**
 * Stretch of a price for a buyer whose usual price is `ref` (the choice model's reference: a share of
 * the monthly budget): 0 at or below it, 1 at stretchSpan × ref and above, log-linear between.
 */
export function stretchOf(price: number, ref: number, p: ReturnParams = RETURNS): number {
  if (!(price > ref) || !(ref > 0)) return 0;
  return Math.min(1, Math.log(price / ref) / Math.log(p.stretchSpan));
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
  const prob = p.base[pu.family] * (1 + p.impulseWeight * pu.impulse) * (1 + p.fitWeight * fitGap(pu, p)) * (1 + p.stretchWeight * (pu.stretch ?? 0) * pu.impulse);
  return Math.min(0.95, prob);
}
