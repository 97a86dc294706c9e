import { describe, expect, it } from 'vitest';
import { RngStreams } from '../kernel/index.ts';
import { DOWN, FAMILY_WEAK_4G, FAST_3G, FAST_4G, MMSYS20_CASCADE, UP, compileOverlay, instantiate, type ScriptedEvent } from '../../network-profiles/index.ts';
import { capacityBetween, drainTime } from './drain.ts';
import { Link } from './link.ts';

const rng = () => new RngStreams(1).stream(0, 'net');
const link = (trace = FAST_4G.trace, events: ScriptedEvent[] = [], phaseMs = 0) => new Link(trace, rng(), { overlay: compileOverlay(events), phaseMs });

describe('drainTime: exact against hand-computed cases', () => {
  it.each([
    { name: 'fast-4g 10 125 B', l: link(), t: 0, bytes: 10_125, dir: DOWN, want: 10, reason: '1 012 500 B/s = 1012.5 B/ms' },
    { name: 'fast-3g uplink 843.75 B', l: link(FAST_3G.trace), t: 5, bytes: 843.75, dir: UP, want: 15, reason: '84 375 B/s up = 84.375 B/ms' },
    {
      name: 'cascade across a step',
      l: link(MMSYS20_CASCADE.trace),
      t: 29_000,
      bytes: 200_000,
      dir: DOWN,
      want: 30_453.125,
      reason: '1 s at 153.6 B/ms (1200·1024/8) = 153 600 B, then 46 400 B at 102.4 B/ms = 453.125 ms',
    },
    {
      name: 'cascade across the wrap',
      l: link(MMSYS20_CASCADE.trace),
      t: 149_000,
      bytes: 307_200,
      dir: DOWN,
      want: 151_000,
      reason: 'the last 1200 step then the first 1200 step of the next loop',
    },
    {
      name: 'through a tunnel',
      l: link(FAST_4G.trace, [{ kind: 'tunnel', atMs: 5, durationMs: 100 }]),
      t: 0,
      bytes: 10_125,
      dir: DOWN,
      want: 110,
      reason: '5 ms of sending, 100 ms of outage, 5 ms more',
    },
    {
      name: 'under congestion',
      l: link(FAST_4G.trace, [{ kind: 'congestion', atMs: 0, durationMs: 1000, capacityShare: 0.5 }]),
      t: 0,
      bytes: 10_125,
      dir: DOWN,
      want: 20,
      reason: 'half the capacity doubles the time',
    },
    {
      name: 'with a phase offset',
      l: link(MMSYS20_CASCADE.trace, [], 30_000),
      t: 0,
      bytes: 102_400,
      dir: DOWN,
      want: 1000,
      reason: 'run time 0 reads trace time 30 s, the 800 step (102.4 B/ms)',
    },
    { name: 'zero bytes', l: link(), t: 42, bytes: 0, dir: DOWN, want: 42, reason: 'nothing to send takes no time' },
  ])('$name → $want ms ($reason)', ({ l, t, bytes, dir, want }) => {
    expect(drainTime(l, t, bytes, dir)).toBeCloseTo(want, 9);
  });

  it('never finishes under an outage that never ends', () => {
    expect(drainTime(link(FAST_4G.trace, [{ kind: 'tunnel', atMs: 0, durationMs: 1e9 }]), 0, 1, DOWN)).toBeGreaterThanOrEqual(1e9);
  });

  it('inverts capacityBetween on a family trace (walked step by step, with outages)', () => {
    const l = new Link(instantiate(FAMILY_WEAK_4G, rng()), rng(), { overlay: compileOverlay([{ kind: 'tunnel', atMs: 20_000, durationMs: 3000 }]) });
    for (const [t, bytes] of [
      [0, 1e6],
      [19_000, 5e5],
      [123_456, 3e6],
    ] as const) {
      const f = drainTime(l, t, bytes, DOWN);
      expect(capacityBetween(l, t, f, DOWN)).toBeCloseTo(bytes, 3);
      expect(capacityBetween(l, t, f - 1, DOWN)).toBeLessThan(bytes);
    }
  });
});
