// Real-time interest segments: a viewer's segment is the category of their decayed interest argmax.
// The first segment is assigned once the best interest reaches `minScore`; afterwards the viewer moves
// only when another category beats the current one by the hysteresis factor (best ≥ current·(1 + h)),
// so a viewer hovering between two categories does not flap. Each move is counted and queued for
// targeting with the time of the behaviour that caused it. O(C) per behaviour, nothing per tick.
import type { Column, ViewerSlots } from '../core/columns.ts';
import type { InterestVectors } from '../profiles/interest.ts';

export interface SegmentParams {
  enabled: boolean;
  /** relative margin a new category needs over the current segment to take over */
  hysteresis: number;
  /** interest a category needs before it can be a segment at all */
  minScore: number;
}

export interface SegmentMove {
  slot: number;
  /** virtual time of the behaviour that caused the move (the earliest one not yet served) */
  at: number;
  from: number;
  to: number;
}

export class SegmentTracker {
  readonly segment: Column<Int16Array>;
  /** viewers per segment (category), all viewers ever profiled */
  readonly sizes: number[];
  moves = 0;
  assigned = 0;
  /** observation only (the report's transition matrix): moves from→to, at [from * categories + to] */
  readonly transitions: Uint32Array;
  /** moves not yet served by targeting, by slot, in the order they happened */
  readonly pending = new Map<number, SegmentMove>();

  constructor(
    private readonly p: SegmentParams,
    slots: ViewerSlots,
    private readonly interest: InterestVectors,
  ) {
    this.segment = slots.column((n) => new Int16Array(n), -1);
    this.sizes = new Array<number>(interest.categories).fill(0);
    this.transitions = new Uint32Array(interest.categories * interest.categories);
  }

  /** Re-evaluates a viewer's segment after their interests changed at `now`. */
  update(slot: number, now: number): void {
    const best = this.interest.argmax(slot);
    if (best < 0) return;
    const bestScore = this.interest.get(slot, best);
    if (bestScore < this.p.minScore) return;
    const cur = this.segment.a[slot]!;
    if (cur === best) return;
    if (cur < 0) {
      this.segment.a[slot] = best;
      this.sizes[best]!++;
      this.assigned++;
      return;
    }
    if (bestScore < this.interest.get(slot, cur) * (1 + this.p.hysteresis)) return;
    this.segment.a[slot] = best;
    this.sizes[cur]!--;
    this.sizes[best]!++;
    this.moves++;
    this.transitions[cur * this.sizes.length + best]!++;
    const prev = this.pending.get(slot);
    this.pending.set(slot, { slot, at: prev?.at ?? now, from: prev?.from ?? cur, to: best });
  }

  /** Takes every pending move (in the order they were first queued). */
  drain(): SegmentMove[] {
    const out = [...this.pending.values()];
    this.pending.clear();
    return out;
  }
}
