// The room's purchase ticker ("37 people bought this"), as one shared record per simulated shard instead
// of one message per viewer per flush. A viewer's social proof is the decayed count of the purchases it
// has seen announced for one SKU: announcements of the same SKU add up (halving every socialHalfLifeMs),
// an announcement of another SKU starts the count again (offers.ts `socialPurchase` is the per-message
// form the wall-clock runtime uses). Here the viewer reads it when it weighs an offer: the same sum over
// the announcements made since it joined, up to now, in closed form.
//
// Against the per-message form it differs in one way: an announcement counts from the moment the room
// makes it, not from when it reaches this viewer through its downlink (tens to hundreds of ms against a
// 60 s half-life). In a 10,000-viewer beauty show the per-message form was 677,000 of the run's 1.66 M
// events; this is one entry per announcement.

/** what a viewer reads: the decayed count of announced purchases of `sku` it has seen by `now` */
export interface SocialFeed {
  seen(sku: string, joinedAt: number, now: number, halfLifeMs: number): number;
}

export class SocialLedger implements SocialFeed {
  private t: number[] = [];
  private sku: string[] = [];
  private count: number[] = [];
  /** index of the first entry of the run (same SKU in a row) each entry belongs to */
  private runStart: number[] = [];
  /** the count at each entry, summed from its run's start and decayed to the entry's time */
  private acc: number[] = [];
  private halfLifeMs = NaN;

  /** entries must come in time order (the stack's messages are) */
  announce(t: number, sku: string, count: number): void {
    const n = this.t.length;
    if (n > 0 && t < this.t[n - 1]!) throw new Error(`SocialLedger: announcement at ${t} before ${this.t[n - 1]}`);
    const same = n > 0 && this.sku[n - 1] === sku;
    this.t.push(t);
    this.sku.push(sku);
    this.count.push(Math.max(0, count));
    this.runStart.push(same ? this.runStart[n - 1]! : n);
    this.acc.push(NaN);
    if (this.halfLifeMs === this.halfLifeMs) this.fill(n);
  }

  get size(): number {
    return this.t.length;
  }

  seen(sku: string, joinedAt: number, now: number, halfLifeMs: number): number {
    // the last announcement at or before now (announcements of a later part of the epoch may be in already)
    let b = this.t.length - 1;
    while (b >= 0 && this.t[b]! > now) b--;
    if (b < 0 || this.sku[b] !== sku || this.t[b]! < joinedAt) return 0;
    if (halfLifeMs !== this.halfLifeMs) this.rebuild(halfLifeMs);
    const r = this.runStart[b]!;
    let s = this.acc[b]!;
    if (this.t[r]! < joinedAt) {
      // joined during the run: take away what was announced before it came (the last such entry, decayed)
      let lo = r, hi = b; // first entry of the run at or after joinedAt: in (r, b]
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (this.t[mid]! < joinedAt) lo = mid;
        else hi = mid;
      }
      s = Math.max(0, s - this.acc[lo]! * decay(this.t[b]! - this.t[lo]!, halfLifeMs));
    }
    return s * decay(now - this.t[b]!, halfLifeMs);
  }

  private rebuild(halfLifeMs: number): void {
    this.halfLifeMs = halfLifeMs;
    for (let i = 0; i < this.t.length; i++) this.fill(i);
  }

  private fill(i: number): void {
    const prev = this.runStart[i] === i ? 0 : this.acc[i - 1]! * decay(this.t[i]! - this.t[i - 1]!, this.halfLifeMs);
    this.acc[i] = prev + this.count[i]!;
  }
}

function decay(dtMs: number, halfLifeMs: number): number {
  return Math.pow(0.5, dtMs / halfLifeMs);
}
