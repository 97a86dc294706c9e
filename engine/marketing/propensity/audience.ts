// The propensity mix of the viewers in the room now, kept incrementally: a viewer is counted in one
// bucket while present and moves when their bucket changes, so reading the mix is O(1) at any audience.
// A viewer with no bucket yet (-1: nothing revealed their price level) is present but not counted.
import type { Column, ViewerSlots } from '../core/columns.ts';

export class AudienceMix {
  /** present viewers per bucket: low, mid, high */
  readonly counts = [0, 0, 0];
  /** bucket per slot, -1 before the first estimate */
  readonly bucket: Column<Int8Array>;
  readonly present: Column<Uint8Array>;

  constructor(slots: ViewerSlots) {
    this.bucket = slots.column((n) => new Int8Array(n), -1);
    this.present = slots.column((n) => new Uint8Array(n));
  }

  join(slot: number, bucket: -1 | 0 | 1 | 2): void {
    if (this.present.a[slot]) return;
    this.present.a[slot] = 1;
    this.bucket.a[slot] = bucket;
    if (bucket >= 0) this.counts[bucket]!++;
  }

  leave(slot: number): void {
    if (!this.present.a[slot]) return;
    this.present.a[slot] = 0;
    const b = this.bucket.a[slot]!;
    if (b >= 0) this.counts[b]!--;
  }

  /** Moves a viewer to a bucket (counted only while present). */
  set(slot: number, bucket: -1 | 0 | 1 | 2): void {
    const old = this.bucket.a[slot]!;
    if (old === bucket) return;
    this.bucket.a[slot] = bucket;
    if (!this.present.a[slot]) return;
    if (old >= 0) this.counts[old]!--;
    if (bucket >= 0) this.counts[bucket]!++;
  }

  /** Shares of low / mid / high among present viewers (all zero in an empty room). */
  shares(): [number, number, number] {
    const n = this.counts[0]! + this.counts[1]! + this.counts[2]!;
    return n === 0 ? [0, 0, 0] : [this.counts[0]! / n, this.counts[1]! / n, this.counts[2]! / n];
  }
}
