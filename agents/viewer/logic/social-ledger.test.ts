// The shared purchase ticker gives each viewer the count the per-message form (offers.socialPurchase,
// applied to every announcement made since the viewer joined) would have given it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SocialLedger } from './social-ledger.ts';

const HALF = 60_000;

/** the per-message form: the viewer's own running count, as offers.ts keeps it */
function perMessage(ann: readonly { t: number; sku: string; count: number }[], joinedAt: number, sku: string, now: number): number {
  let own = '', seen = 0, at = 0;
  for (const a of ann) {
    if (a.t < joinedAt || a.t > now) continue;
    const carried = a.sku === own ? seen * Math.pow(0.5, (a.t - at) / HALF) : 0;
    own = a.sku;
    seen = carried + Math.max(0, a.count);
    at = a.t;
  }
  return sku === own ? seen * Math.pow(0.5, (now - at) / HALF) : 0;
}

const announcements = fc
  .array(fc.record({ dt: fc.integer({ min: 0, max: 30_000 }), sku: fc.constantFrom('a', 'b', 'c'), count: fc.integer({ min: 0, max: 40 }) }), { maxLength: 60 })
  .map((xs) => {
    let t = 0;
    return xs.map(({ dt, sku, count }) => ({ t: (t += dt), sku, count }));
  });

describe('SocialLedger', () => {
  it('gives every viewer the count it would have kept from the messages since it joined', () => {
    fc.assert(
      fc.property(
        announcements,
        fc.array(fc.record({ joinedAt: fc.integer({ min: 0, max: 1_000_000 }), later: fc.integer({ min: 0, max: 600_000 }), sku: fc.constantFrom('a', 'b', 'c') }), { minLength: 1, maxLength: 8 }),
        (ann, reads) => {
          const ledger = new SocialLedger();
          for (const a of ann) ledger.announce(a.t, a.sku, a.count);
          for (const r of reads) {
            const now = r.joinedAt + r.later;
            const want = perMessage(ann, r.joinedAt, r.sku, now);
            const got = ledger.seen(r.sku, r.joinedAt, now, HALF);
            expect(got).toBeGreaterThanOrEqual(0);
            expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, want));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts only what was announced by now, and starts again on another SKU', () => {
    const l = new SocialLedger();
    l.announce(1_000, 'a', 10);
    l.announce(6_000, 'a', 5);
    l.announce(11_000, 'b', 3);
    expect(l.seen('a', 0, 5_999, HALF)).toBeCloseTo(10 * Math.pow(0.5, 4_999 / HALF), 12);
    expect(l.seen('a', 0, 6_000, HALF)).toBeCloseTo(10 * Math.pow(0.5, 5_000 / HALF) + 5, 12);
    expect(l.seen('a', 2_000, 6_000, HALF)).toBe(5); // joined after the first announcement
    expect(l.seen('a', 0, 11_000, HALF)).toBe(0); // b came last
    expect(l.seen('b', 0, 71_000, HALF)).toBeCloseTo(1.5, 12); // one half-life later
    expect(l.seen('b', 12_000, 20_000, HALF)).toBe(0); // joined after it
  });

  it('takes a new half-life (another run parameter) without mixing the two', () => {
    const l = new SocialLedger();
    l.announce(0, 'a', 8);
    expect(l.seen('a', 0, 60_000, HALF)).toBeCloseTo(4, 12);
    expect(l.seen('a', 0, 30_000, 30_000)).toBeCloseTo(4, 12);
    l.announce(30_000, 'a', 2);
    expect(l.seen('a', 0, 30_000, 30_000)).toBeCloseTo(6, 12);
  });

  it('refuses announcements out of time order', () => {
    const l = new SocialLedger();
    l.announce(5_000, 'a', 1);
    expect(() => l.announce(4_000, 'a', 1)).toThrow(/before/);
  });
});
