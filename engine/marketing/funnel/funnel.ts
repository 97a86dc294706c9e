// The per-second funnel: entered → product viewed → added to cart → checked out → paid, as event
// counts per virtual second (for the anomaly monitor) and as distinct viewers who reached each stage
// (the run's funnel totals). Also per second: bounces (leaves within `bounceMs` of joining) and failed
// payments. O(1) per event; seconds are closed in order by the tick.
import type { Column, ViewerSlots } from '../core/columns.ts';

export const FUNNEL_STAGES = ['entered', 'productViewed', 'addedToCart', 'checkedOut', 'paid'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];
export const SERIES = [...FUNNEL_STAGES, 'bounced', 'left', 'paymentFailed'] as const;
export type Series = (typeof SERIES)[number];

const S = SERIES.length;

export class Funnel {
  /** distinct viewers per stage */
  readonly totals: Record<FunnelStage, number> = { entered: 0, productViewed: 0, addedToCart: 0, checkedOut: 0, paid: 0 };
  private readonly reached: Column<Uint8Array>;
  /** counts[second * S + series] */
  private counts = new Uint32Array(S * 1024);
  /** seconds seen so far (the highest second with an event, + 1) */
  seconds = 0;

  constructor(slots: ViewerSlots) {
    this.reached = slots.column((n) => new Uint8Array(n));
  }

  /** Counts one event of a series at time `now` (ms); funnel stages also count the viewer once. */
  count(series: Series, slot: number, now: number): void {
    const sec = Math.max(0, Math.floor(now / 1000));
    if ((sec + 1) * S > this.counts.length) {
      const next = new Uint32Array(Math.max(this.counts.length * 2, (sec + 1) * S));
      next.set(this.counts);
      this.counts = next;
    }
    this.counts[sec * S + SERIES.indexOf(series)]!++;
    if (sec + 1 > this.seconds) this.seconds = sec + 1;
    const stage = FUNNEL_STAGES.indexOf(series as FunnelStage);
    if (stage >= 0 && slot >= 0) {
      const bit = 1 << stage;
      if ((this.reached.a[slot]! & bit) === 0) {
        this.reached.a[slot]! |= bit;
        this.totals[series as FunnelStage]++;
      }
    }
  }

  /** Events of a series in second `sec` (0 beyond the data). */
  at(series: Series, sec: number): number {
    return sec < 0 || (sec + 1) * S > this.counts.length ? 0 : this.counts[sec * S + SERIES.indexOf(series)]!;
  }

  /** Sum of a series over seconds [from, to). */
  sum(series: Series, from: number, to: number): number {
    let t = 0;
    for (let s = Math.max(0, from); s < to; s++) t += this.at(series, s);
    return t;
  }
}
