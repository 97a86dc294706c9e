// A viewer's interest over catalog categories, decayed in time with a half-life: a flat Float32Array of
// C numbers per slot plus the time of its last update. Decay is lazy (applied when the viewer next acts),
// and because it scales every category alike it never changes the argmax by itself: only new behaviour
// moves interest, which is what makes a segment move attributable to one event.
import type { Column, ViewerSlots } from '../core/columns.ts';

export class InterestVectors {
  readonly values: Column<Float32Array>;
  readonly at: Column<Float64Array>;

  constructor(
    slots: ViewerSlots,
    readonly categories: number,
    private readonly halfLifeMs: number,
  ) {
    this.values = slots.column((n) => new Float32Array(n), 0, Math.max(1, categories));
    this.at = slots.column((n) => new Float64Array(n), NaN);
  }

  /** Decays the viewer's vector to `now`, then adds `amount` to category `c`. */
  add(slot: number, c: number, amount: number, now: number): void {
    this.decayTo(slot, now);
    this.values.a[slot * this.categories + c]! += amount;
  }

  decayTo(slot: number, now: number): void {
    const last = this.at.a[slot]!;
    this.at.a[slot] = now;
    if (Number.isNaN(last) || now <= last) return;
    const f = Math.pow(2, -(now - last) / this.halfLifeMs);
    const v = this.values.a;
    const base = slot * this.categories;
    for (let i = 0; i < this.categories; i++) v[base + i]! *= f;
  }

  /** The viewer's interest in category c as of its last update (not decayed to now). */
  get(slot: number, c: number): number {
    return this.values.a[slot * this.categories + c]!;
  }

  /** Index of the largest interest (lowest index on ties), or -1 if all are zero. */
  argmax(slot: number): number {
    const v = this.values.a;
    const base = slot * this.categories;
    let best = -1;
    let bestV = 0;
    for (let i = 0; i < this.categories; i++) {
      if (v[base + i]! > bestV) {
        bestV = v[base + i]!;
        best = i;
      }
    }
    return best;
  }
}
