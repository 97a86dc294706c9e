// What puts a viewer in a propensity bucket: evidence (a price level seen, carted, bought, a gift, or the
// platform's consumption-level tag at join), never the index's prior alone; and the room's mix counts
// only viewers with a bucket, so the pitch order follows who is in the room, not the newcomers' prior.
import { describe, expect, it } from 'vitest';
import { advise } from '../advice.ts';
import { withTools } from '../../strategies/strategy.ts';
import { BEAUTY_CATALOG, drive, join, view, type Timed } from '../fixtures.ts';
import { createMarketingEngine } from '../state.ts';
import { TAG_LEVEL, viewerBucket } from './propensity.ts';

const engine = () => createMarketingEngine(withTools(['profiles', 'propensity']), BEAUTY_CATALOG);
const tagged = (t: number, viewer: number, spendTier: 0 | 1 | 2): Timed => ({ t, up: { type: 'room.join', viewer, network: 'wifi', follower: false, spendTier } });
const price = (sku: string) => BEAUTY_CATALOG.skus.find((k) => k.sku === sku)!.price;

describe('propensity evidence', () => {
  it('a newcomer without a tag has no bucket and is not counted in the mix', () => {
    const s = engine();
    drive(s, [join(0, 1), join(0, 2)], 1_000);
    expect(viewerBucket(s.profiles!, s.slots.slotOf(1), s.catalog, s.config.propensity)).toBe(-1);
    expect(s.audience!.counts).toEqual([0, 0, 0]);
    // nothing known: the pitch order is the script's
    expect(advise(s, 1_000).skuOrder).toEqual(BEAUTY_CATALOG.skus.map((k) => k.sku));
  });

  it('the platform tag is the first evidence: low, mid and high tags land in their buckets', () => {
    const s = engine();
    drive(s, [tagged(0, 1, 0), tagged(0, 2, 1), tagged(0, 3, 2)], 1_000);
    const bucket = (v: number) => viewerBucket(s.profiles!, s.slots.slotOf(v), s.catalog, s.config.propensity);
    expect([bucket(1), bucket(2), bucket(3)]).toEqual([0, 1, 2]);
    expect(s.audience!.counts).toEqual([1, 1, 1]);
    expect(TAG_LEVEL).toEqual([1 / 6, 1 / 2, 5 / 6]);
  });

  it('a viewer counts once they look at something, and what they look at moves them', () => {
    const s = engine();
    const dear = [...BEAUTY_CATALOG.skus].sort((a, b) => b.price - a.price)[0]!.sku;
    drive(s, [join(0, 1), view(1_000, 1, dear), view(2_000, 1, dear), view(3_000, 1, dear)], 4_000);
    expect(viewerBucket(s.profiles!, s.slots.slotOf(1), s.catalog, s.config.propensity)).toBe(2);
    expect(s.audience!.counts).toEqual([0, 0, 1]);
  });

  it('orders pitches by who is in the room: dear first for high-tagged viewers, cheap first for low-tagged ones', () => {
    const rich = engine();
    drive(rich, [1, 2, 3, 4].map((v) => tagged(0, v, 2)), 1_000);
    const thrifty = engine();
    drive(thrifty, [1, 2, 3, 4].map((v) => tagged(0, v, 0)), 1_000);
    expect(price(advise(rich, 1_000).skuOrder[0]!)).toBeGreaterThan(price(advise(thrifty, 1_000).skuOrder[0]!));
    // leaving takes the viewer out of the mix
    drive(rich, [1, 2, 3, 4].map((v): Timed => ({ t: 2_000, up: { type: 'room.leave', viewer: v, reason: 'boredom', watchedMs: 2_000 } })), 3_000);
    expect(rich.audience!.counts).toEqual([0, 0, 0]);
  });
});
