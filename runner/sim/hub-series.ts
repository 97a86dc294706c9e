// Per-minute series the hub counts from the canonical message stream (for result.json's detail and
// the report): arrivals, departures, the funnel stages, GMV.
import { BinnedSeries } from '../../engine/metrics/index.ts';
import * as mkt from '../../engine/marketing/index.ts';
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

  /** confirmed orders that carried a coupon: when, the coupon, the viewer (redemption, for the report) */
  readonly couponOrders: { t: number; couponId: string; viewer: number }[] = [];
  private readonly couponOf = new Map<string, string>();
  /** per SKU over the show: card views, add-to-carts, card dwell (for the report's SKU ranking) */
  readonly skuTotals = new Map<string, { views: number; carts: number; dwellMs: number }>();

  private sku(id: string): { views: number; carts: number; dwellMs: number } {
    let x = this.skuTotals.get(id);
    if (!x) this.skuTotals.set(id, (x = { views: 0, carts: 0, dwellMs: 0 }));
    return x;
  }

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
        this.sku(m.sku).views++;
        return;
      case 'product.closed':
        this.sku(m.sku).dwellMs += Math.max(0, m.dwellMs);
        return;
      case 'cart.added':
        this.addedToCart.add(t);
        this.reach(m.viewer, 2);
        this.sku(m.sku).carts++;
        return;
      case 'checkout.submitted':
        this.checkedOut.add(t);
        this.reach(m.viewer, 3);
        if (m.couponId !== undefined) this.couponOf.set(m.idempotencyKey, m.couponId);
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
      const coupon = this.couponOf.get(m.idempotencyKey);
      if (coupon !== undefined) {
        this.couponOf.delete(m.idempotencyKey);
        this.couponOrders.push({ t, couponId: coupon, viewer: to });
      }
    }
  }
}

/**
 * Observation of the marketing engine for the report (reads only; nothing here feeds back into the run):
 * at each bin boundary the size of each interest segment among the viewers present and every SKU's heat
 * score; at a viewer's first checkout, their spending-propensity index (the index the engine had built
 * from what they did before buying, so buckets are not defined by the purchase itself).
 */
export class MarketingSeries {
  /** sizes[segment][bin]: present viewers whose real-time segment is that category, at the bin's end */
  readonly sizes: number[][];
  /** heat[sku][bin]: the ranking score of each SKU (catalog order) at the bin's end */
  readonly heat: number[][];
  /** viewer id → propensity index at their first checkout */
  readonly propensityAtCheckout = new Map<number, number>();
  private next: number;

  constructor(readonly binMs: number, categories: number, skus: number) {
    this.sizes = Array.from({ length: categories }, () => []);
    this.heat = Array.from({ length: skus }, () => []);
    this.next = binMs;
  }

  /** Called after the engine's tick at the epoch end: samples every bin boundary reached. */
  sample(s: mkt.MarketingState, now: number): void {
    while (now >= this.next) {
      const bin = this.next / this.binMs - 1;
      const seg = s.segments;
      if (seg !== null) {
        const counts = new Array<number>(this.sizes.length).fill(0);
        const n = s.slots.size;
        for (let slot = 0; slot < n; slot++) {
          const c = seg.segment.a[slot]!;
          if (c >= 0 && s.present.a[slot]) counts[c]!++;
        }
        counts.forEach((k, c) => (this.sizes[c]![bin] = k));
      }
      const heat = s.heat;
      if (heat !== null) this.heat.forEach((row, i) => (row[bin] = heat.score(i, this.next)));
      this.next += this.binMs;
    }
  }

  /** Called before the engine ingests a viewer's message. */
  beforeIngest(s: mkt.MarketingState, m: ViewerUp): void {
    if (m.type !== 'checkout.submitted' || s.profiles === null || this.propensityAtCheckout.has(m.viewer)) return;
    const slot = s.slots.find(m.viewer);
    if (slot >= 0) this.propensityAtCheckout.set(m.viewer, mkt.viewerPropensity(s.profiles, slot, s.catalog, s.config.propensity));
  }
}
