import { describe, expect, it } from 'vitest';
import { TraceSegment, type TraceProfile } from '../types.ts';
import { CHROME_PRESETS, FAST_3G, FAST_4G, SLOW_3G, SLOW_4G } from './chrome.ts';
import * as M from './mmsys20.ts';

function steps(p: TraceProfile) {
  const seg = new TraceSegment();
  const out: [number, number][] = [];
  for (let t = 0; t < p.trace.periodMs; t = seg.endMs) {
    p.trace.locate(t, seg);
    out.push([seg.downKbps, seg.endMs - seg.startMs]);
  }
  return out;
}

describe('Chrome presets (bytes/s and latency exactly as puppeteer ships them)', () => {
  it.each([
    { p: SLOW_3G, down: 400, up: 400, rtt: 2000, reason: '50,000 B/s each way, 2000 ms' },
    { p: FAST_3G, down: 1440, up: 675, rtt: 562.5, reason: '180,000 / 84,375 B/s, 562.5 ms' },
    { p: SLOW_4G, down: 1440, up: 675, rtt: 562.5, reason: 'Slow 4G is Fast 3G renamed' },
    { p: FAST_4G, down: 8100, up: 1350, rtt: 165, reason: '1,012,500 / 168,750 B/s, 165 ms' },
  ])('$p.name: $down/$up kbit/s, $rtt ms ($reason)', ({ p, down, up, rtt }) => {
    const seg = new TraceSegment();
    p.trace.locate(123_456, seg);
    expect([seg.downKbps, seg.upKbps, seg.rttMs, seg.loss]).toEqual([down, up, rtt, 0]);
    expect(p.trace.jitterMs).toBe(0);
  });

  it('has four presets', () => expect(CHROME_PRESETS.map((p) => p.name)).toEqual(['slow-3g', 'fast-3g', 'slow-4g', 'fast-4g']));
});

describe('MMSys\'20 patterns (speed·1024/8 bytes/s, latency 0)', () => {
  const k = (speed: number) => speed * 1.024;
  it.each([
    { p: M.MMSYS20_CASCADE, want: [[1200, 30], [800, 30], [400, 30], [800, 30], [1200, 30]] },
    { p: M.MMSYS20_INTRA_CASCADE, want: [1000, 800, 600, 400, 200, 400, 600, 800, 1000].map((s) => [s, 15]) },
    { p: M.MMSYS20_SPIKE, want: [[1200, 10], [300, 10], [800, 10]] },
    { p: M.MMSYS20_SLOW_JITTERS, want: [500, 1200, 500, 1200, 500, 1200].map((s) => [s, 5]) },
    { p: M.MMSYS20_FAST_JITTERS, want: [[500, 0.25], [1200, 5], [500, 0.1], [1200, 1], [500, 0.25], [1200, 5]] },
    { p: M.MMSYS20_CASCADE_FAST, want: [[500, 30], [200, 30], [500, 30]] },
    { p: M.MMSYS20_INTRA_CASCADE_FAST, want: [300, 200, 100, 200, 300].map((s) => [s, 15]) },
    { p: M.MMSYS20_SPIKE_FAST, want: [[500, 10], [200, 10], [400, 10]] },
    { p: M.MMSYS20_SLOW_JITTERS_FAST, want: [200, 500, 200, 500, 200, 500].map((s) => [s, 5]) },
    { p: M.MMSYS20_FAST_JITTERS_FAST, want: [[200, 0.25], [500, 5], [200, 0.1], [500, 1], [200, 0.25], [500, 5]] },
  ])('$p.name has the exact steps of the challenge repository', ({ p, want }) => {
    const got = steps(p);
    expect(got.map(([kbps]) => kbps)).toEqual(want.map(([s]) => k(s!)));
    got.forEach(([, ms], i) => expect(ms).toBeCloseTo(want[i]![1]! * 1000, 9));
    const seg = new TraceSegment();
    p.trace.locate(0, seg);
    expect([seg.rttMs, seg.loss, seg.upKbps]).toEqual([0, 0, seg.downKbps]);
  });

  it('ships the ten patterns', () => expect(M.MMSYS20_PRESETS).toHaveLength(10));
});
