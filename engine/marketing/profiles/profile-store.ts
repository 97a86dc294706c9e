// Viewer profiles built online from events only (never from an agent's hidden persona): behaviour
// counts, spending (order value and frequency), the prices a viewer looks at, decision cycle (first
// view → first cart, first view → first checkout) and decayed category interests. Typed columns per slot.
import type { Column, ViewerSlots } from '../core/columns.ts';
import { InterestVectors } from './interest.ts';

export interface ProfileParams {
  enabled: boolean;
  /** half-life of category interest (ms) */
  interestHalfLifeMs: number;
  /** interest added per behaviour; dwell counts per second on a product card */
  weights: { view: number; dwellPerSec: number; cart: number; order: number; mention: number };
}

export const BEHAVIOURS = ['views', 'carts', 'checkouts', 'orders', 'comments', 'gifts'] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];
const WIDTH = BEHAVIOURS.length;

export class ProfileStore {
  readonly interest: InterestVectors;
  /** behaviour counts, WIDTH per slot in BEHAVIOURS order */
  readonly counts: Column<Uint32Array>;
  readonly orderValue: Column<Float64Array>;
  readonly giftValue: Column<Float64Array>;
  /** sum and weight of the (log-scaled, 0..1) price level of SKUs the viewer viewed, carted or bought */
  readonly priceLevelSum: Column<Float32Array>;
  readonly priceLevelWeight: Column<Float32Array>;
  readonly firstViewAt: Column<Float64Array>;
  readonly firstCartAt: Column<Float64Array>;
  readonly firstCheckoutAt: Column<Float64Array>;

  constructor(
    readonly params: ProfileParams,
    readonly slots: ViewerSlots,
    categories: number,
  ) {
    this.interest = new InterestVectors(slots, categories, params.interestHalfLifeMs);
    this.counts = slots.column((n) => new Uint32Array(n), 0, WIDTH);
    this.orderValue = slots.column((n) => new Float64Array(n));
    this.giftValue = slots.column((n) => new Float64Array(n));
    this.priceLevelSum = slots.column((n) => new Float32Array(n));
    this.priceLevelWeight = slots.column((n) => new Float32Array(n));
    this.firstViewAt = slots.column((n) => new Float64Array(n), NaN);
    this.firstCartAt = slots.column((n) => new Float64Array(n), NaN);
    this.firstCheckoutAt = slots.column((n) => new Float64Array(n), NaN);
  }

  count(slot: number, b: Behaviour): number {
    return this.counts.a[slot * WIDTH + BEHAVIOURS.indexOf(b)]!;
  }

  bump(slot: number, b: Behaviour, by = 1): void {
    this.counts.a[slot * WIDTH + BEHAVIOURS.indexOf(b)]! += by;
  }

  /** Records that the viewer looked at (weight 1), carted (2) or bought (3) something at this price level. */
  seePrice(slot: number, level: number, weight: number): void {
    this.priceLevelSum.a[slot]! += level * weight;
    this.priceLevelWeight.a[slot]! += weight;
  }

  markFirst(col: Column<Float64Array>, slot: number, now: number): void {
    if (Number.isNaN(col.a[slot]!)) col.a[slot] = now;
  }

  /** Decision cycles of all profiled viewers who reached the step (ms from their first product view). */
  decisionCycles(): { toCart: number[]; toCheckout: number[] } {
    const toCart: number[] = [];
    const toCheckout: number[] = [];
    for (let s = 0; s < this.slots.size; s++) {
      const v = this.firstViewAt.a[s]!;
      if (Number.isNaN(v)) continue;
      const c = this.firstCartAt.a[s]!;
      const k = this.firstCheckoutAt.a[s]!;
      if (!Number.isNaN(c)) toCart.push(Math.max(0, c - v));
      if (!Number.isNaN(k)) toCheckout.push(Math.max(0, k - v));
    }
    return { toCart, toCheckout };
  }
}
