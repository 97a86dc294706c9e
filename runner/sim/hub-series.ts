// Per-minute series the hub counts from the canonical message stream (for result.json's detail and
// the report): arrivals, departures, the funnel stages, GMV.
import { BinnedSeries } from '../../engine/metrics/index.ts';
import type { ViewerDown, ViewerUp } from '../../engine/protocol.ts';

export class HubSeries {
  readonly arrivals: BinnedSeries;
  readonly departures: BinnedSeries;
  readonly entered: BinnedSeries;
  readonly productViewed: BinnedSeries;
  readonly addedToCart: BinnedSeries;
  readonly checkedOut: BinnedSeries;
  readonly paid: BinnedSeries;
  readonly gmv: BinnedSeries;
  readonly comments: BinnedSeries;

  /** per viewer: the funnel stages reached (bit i = stage i), for viewer-level funnel counts */
  private stages = new Uint8Array(1024);

  constructor(readonly binMs: number) {
    const make = () => new BinnedSeries(binMs, 256);
    this.arrivals = make();
    this.departures = make();
    this.entered = make();
    this.productViewed = make();
    this.addedToCart = make();
    this.checkedOut = make();
    this.paid = make();
    this.gmv = make();
    this.comments = make();
  }

  private reach(viewer: number, stage: number): void {
    if (viewer >= this.stages.length) {
      let n = this.stages.length;
      while (n <= viewer) n *= 2;
      const b = new Uint8Array(n);
      b.set(this.stages);
      this.stages = b;
    }
    this.stages[viewer]! |= 1 << stage;
  }

  /** viewers who reached each stage: entered, productViewed, addedToCart, checkedOut, paid */
  funnelViewers(): [number, number, number, number, number] {
    const c: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    for (const s of this.stages) for (let i = 0; i < 5; i++) if (s & (1 << i)) c[i]!++;
    return c;
  }

  up(t: number, m: ViewerUp): void {
    switch (m.type) {
      case 'room.join':
        this.arrivals.add(t);
        this.entered.add(t);
        this.reach(m.viewer, 0);
        return;
      case 'room.leave':
        this.departures.add(t);
        return;
      case 'product.viewed':
        this.productViewed.add(t);
        this.reach(m.viewer, 1);
        return;
      case 'cart.added':
        this.addedToCart.add(t);
        this.reach(m.viewer, 2);
        return;
      case 'checkout.submitted':
        this.checkedOut.add(t);
        this.reach(m.viewer, 3);
        return;
      case 'danmaku.sent':
        this.comments.add(t);
        return;
    }
  }

  down(t: number, m: ViewerDown, to: number): void {
    if (m.type === 'order.confirmed') {
      if (to >= 0) this.reach(to, 4);
      this.paid.add(t);
      this.gmv.add(t, m.total);
    }
  }
}
