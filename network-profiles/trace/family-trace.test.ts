import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RngStreams } from '../../engine/kernel/index.ts';
import { FAMILY_3G, FAMILY_4G, FAMILY_WEAK_4G } from '../presets/families.ts';
import { TraceSegment } from '../types.ts';
import { FamilyTrace, OUTAGE_SLOT_MS } from './family-trace.ts';

const trace = (viewer: number, profile = FAMILY_3G, seed = 42) =>
  new FamilyTrace(profile.family, profile.link, new RngStreams(seed).stream(viewer, 'net-profile'));

function read(tr: FamilyTrace, t: number) {
  const seg = new TraceSegment();
  tr.locate(t, seg);
  return { ...seg };
}

describe('FamilyTrace', () => {
  it('is random-access: a time reads the same whatever was read before (no hidden sequence)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 3_600_000, noNaN: true }), { minLength: 2, maxLength: 30 }), (times) => {
        const a = trace(3), b = trace(3);
        const forward = times.map((t) => read(a, t));
        const backward = [...times].reverse().map((t) => read(b, t)).reverse();
        expect(backward).toEqual(forward.map((s, i) => ({ ...s, hint: backward[i]!.hint })));
      }),
      { numRuns: 50 },
    );
  });

  it('returns a segment that contains t, with finite non-negative values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 7_200_000, noNaN: true }), (v, t) => {
        const s = read(trace(v, FAMILY_WEAK_4G), t);
        expect(s.startMs).toBeLessThanOrEqual(t);
        expect(s.endMs).toBeGreaterThan(t);
        expect(s.endMs - s.startMs).toBeLessThanOrEqual(FAMILY_WEAK_4G.family.stepMs);
        for (const x of [s.downKbps, s.upKbps, s.rttMs]) expect(Number.isFinite(x) && x >= 0).toBe(true);
        expect(s.downKbps).toBeLessThanOrEqual(FAMILY_WEAK_4G.family.maxDownKbps);
      }),
    );
  });

  it('is reproducible per seed and differs between viewers and seeds', () => {
    expect(read(trace(1), 123_456)).toEqual(read(trace(1), 123_456));
    expect(trace(1).medianDownKbps).not.toBe(trace(2).medianDownKbps);
    expect(trace(1, FAMILY_3G, 1).medianDownKbps).not.toBe(trace(1, FAMILY_3G, 2).medianDownKbps);
  });

  it('has outages of zero rate both ways, and their share matches the configured rate', () => {
    // 3G: 2 outages/hour of mean 4 s → expected share ≈ 2 × 4 / 3600 = 0.22 % (slightly less: capped at a slot)
    let outMs = 0, total = 0;
    for (let v = 0; v < 100; v++) {
      const tr = trace(v);
      const seg = new TraceSegment();
      for (let t = 0; t < 3_600_000; t = seg.endMs) {
        tr.locate(t, seg);
        if (seg.downKbps === 0) {
          expect(seg.upKbps).toBe(0);
          outMs += seg.endMs - t;
        }
      }
      total += 3_600_000;
    }
    const expected = (FAMILY_3G.family.outagesPerHour * FAMILY_3G.family.outageMeanMs) / 3_600_000;
    expect(outMs / total).toBeGreaterThan(expected * 0.6);
    expect(outMs / total).toBeLessThan(expected * 1.4);
  });

  it('rejects step lengths that do not divide the slow block and the outage slot', () => {
    const bad = { ...FAMILY_4G.family, stepMs: 7000 };
    expect(() => new FamilyTrace(bad, FAMILY_4G.link, new RngStreams(1).stream(0, 'x'))).toThrow(new RegExp(String(OUTAGE_SLOT_MS)));
  });
});
