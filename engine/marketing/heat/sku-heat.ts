// SKU heat: which SKU the host should spend time on now. Per SKU, exponentially decayed sums of danmaku
// mentions, seconds of dwell on its card, card views and add-to-carts; the score is
//   wMention·mentions + wDwell·dwellSec + wCart·carts + wCartRate·(carts + 1) / (views + 10)
// (the rate shrunk towards 0.1 with 10 pseudo-views so two views and one cart do not top the chart).
// Decay is lazy per SKU, so an event costs O(1) and a ranking O(S log S) for S SKUs.
export interface HeatParams {
  enabled: boolean;
  halfLifeMs: number;
  weights: { mention: number; dwellPerSec: number; cart: number; cartRate: number };
  /** pairing (pairing.ts): a viewer who carts an item gets the card of the hottest SKU that goes with it */
  pairCards: boolean;
  /** at most one pairing card per viewer per this many ms */
  pairGapMs: number;
}

export interface HeatEntry {
  sku: string;
  score: number;
  mentions: number;
  dwellSec: number;
  views: number;
  carts: number;
}

const PSEUDO_VIEWS = 10;
const PSEUDO_CARTS = 1;

export class SkuHeat {
  private readonly mentions: Float64Array;
  private readonly dwellSec: Float64Array;
  private readonly views: Float64Array;
  private readonly carts: Float64Array;
  private readonly at: Float64Array;

  constructor(
    private readonly skus: readonly string[],
    private readonly p: HeatParams,
  ) {
    const n = skus.length;
    this.mentions = new Float64Array(n);
    this.dwellSec = new Float64Array(n);
    this.views = new Float64Array(n);
    this.carts = new Float64Array(n);
    this.at = new Float64Array(n).fill(NaN);
  }

  mention(i: number, now: number): void {
    this.decayTo(i, now);
    this.mentions[i]! += 1;
  }

  view(i: number, now: number): void {
    this.decayTo(i, now);
    this.views[i]! += 1;
  }

  dwell(i: number, ms: number, now: number): void {
    this.decayTo(i, now);
    this.dwellSec[i]! += Math.max(0, ms) / 1000;
  }

  cart(i: number, now: number): void {
    this.decayTo(i, now);
    this.carts[i]! += 1;
  }

  /** The score of SKU i decayed to `now`. Does not change state. */
  score(i: number, now: number): number {
    const w = this.p.weights;
    const f = this.factor(i, now);
    const carts = this.carts[i]! * f;
    const views = this.views[i]! * f;
    const rate = (carts + PSEUDO_CARTS) / (views + PSEUDO_VIEWS);
    return w.mention * this.mentions[i]! * f + w.dwellPerSec * this.dwellSec[i]! * f + w.cart * carts + w.cartRate * rate;
  }

  /** SKUs by score at `now`, hottest first (ties: catalog order). */
  ranking(now: number): HeatEntry[] {
    const out = this.skus.map((sku, i) => {
      const f = this.factor(i, now);
      return { i, sku, score: this.score(i, now), mentions: this.mentions[i]! * f, dwellSec: this.dwellSec[i]! * f, views: this.views[i]! * f, carts: this.carts[i]! * f };
    });
    out.sort((a, b) => b.score - a.score || a.i - b.i);
    return out.map(({ i: _i, ...e }) => e);
  }

  private factor(i: number, now: number): number {
    const last = this.at[i]!;
    return Number.isNaN(last) || now <= last ? 1 : Math.pow(2, -(now - last) / this.p.halfLifeMs);
  }

  private decayTo(i: number, now: number): void {
    const f = this.factor(i, now);
    if (f !== 1) {
      this.mentions[i]! *= f;
      this.dwellSec[i]! *= f;
      this.views[i]! *= f;
      this.carts[i]! *= f;
    }
    if (Number.isNaN(this.at[i]!) || now > this.at[i]!) this.at[i] = now;
  }
}
