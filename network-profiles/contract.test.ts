// One contract, every shipped profile (STYLE.md §12): what engine/net relies on from any LinkTrace.
import { describe, expect, it } from 'vitest';
import { RngStreams } from '../engine/kernel/index.ts';
import { instantiate } from './instantiate.ts';
import { PROFILE_NAMES, getProfile } from './registry.ts';
import { summarizeProfile } from './summary.ts';
import { DOWN, TraceSegment, UP, type LinkTrace } from './types.ts';

const WALK_MS = 300_000;

function walk(trace: LinkTrace) {
  const seg = new TraceSegment();
  const out: number[] = [];
  for (let t = 0; t < WALK_MS; ) {
    trace.locate(t, seg);
    out.push(seg.startMs, seg.endMs, seg.downKbps, seg.upKbps, seg.rttMs, seg.loss);
    t = Math.min(seg.endMs, WALK_MS);
  }
  return out;
}

describe.each(PROFILE_NAMES.map((name) => ({ name })))('profile contract: $name', ({ name }) => {
  const profile = getProfile(name);
  const trace = (viewer: number, seed = 11) => instantiate(profile, new RngStreams(seed).stream(viewer, 'net-profile'));

  it('tiles time with segments that contain their query time and carry valid values', () => {
    for (let v = 0; v < 3; v++) {
      const tr = trace(v);
      const seg = new TraceSegment();
      let prevEnd = 0;
      for (let t = 0; t < WALK_MS; t = seg.endMs) {
        tr.locate(t, seg);
        expect(seg.startMs).toBeLessThanOrEqual(t);
        expect(seg.endMs).toBeGreaterThan(t);
        expect(seg.startMs).toBeLessThanOrEqual(prevEnd + 1e-9);
        prevEnd = seg.endMs;
        expect(Number.isFinite(seg.downKbps) && seg.downKbps >= 0).toBe(true);
        expect(Number.isFinite(seg.upKbps) && seg.upKbps >= 0).toBe(true);
        expect(Number.isFinite(seg.rttMs) && seg.rttMs >= 0).toBe(true);
        expect(seg.loss >= 0 && seg.loss <= 1).toBe(true);
        if (seg.endMs === Infinity) break;
      }
    }
    expect(trace(0).jitterMs).toBeGreaterThanOrEqual(0);
  });

  it('is deterministic per seed', () => {
    expect(walk(trace(1, 5))).toEqual(walk(trace(1, 5)));
  });

  it('has a cumulative form, if any, that agrees with its segments', () => {
    const tr = trace(0);
    if (!tr.capacityTo) return;
    const seg = new TraceSegment();
    let bytes = 0;
    for (let t = 0; t < 200_000; ) {
      tr.locate(t, seg);
      const e = Math.min(seg.endMs, 200_000);
      bytes += (seg.downKbps / 8) * (e - t);
      t = e;
    }
    expect(tr.capacityTo(200_000, DOWN)).toBeCloseTo(bytes, 3);
    expect(tr.timeAtCapacity!(bytes, DOWN)).toBeLessThanOrEqual(200_000 + 1e-6);
    expect(tr.capacityTo(0, UP)).toBe(0);
  });

  it('summarises to ordered, positive statistics', () => {
    const s = summarizeProfile(profile, { viewers: 20, durationMs: 120_000 });
    for (const st of [s.downKbps, s.upKbps, s.rttMs]) {
      expect(st.p10).toBeLessThanOrEqual(st.p50);
      expect(st.p50).toBeLessThanOrEqual(st.p90);
    }
    expect(s.downKbps.mean).toBeGreaterThan(0);
    expect(s.outageShare).toBeLessThan(0.05);
  });
});
