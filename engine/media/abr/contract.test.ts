// One contract, every ABR rule (STYLE.md §12).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StepTrace, type TraceProfile } from '../../../network-profiles/index.ts';
import { MMSYS20_LADDER_KBPS, MOBILE_LIVE_LADDER_KBPS } from '../config.ts';
import { runPlayer } from '../player/test-run.ts';
import { ABR_RULE_IDS } from './ids.ts';
import { ABR_RULES } from './registry.ts';
import { testPlayer } from './test-player.ts';

const constant = (kbps: number): TraceProfile => ({
  kind: 'trace',
  name: `const-${kbps}`,
  title: '',
  source: 'test',
  trace: StepTrace.fromSteps([{ durationMs: 1000, downKbps: kbps, upKbps: kbps, rttMs: 40, loss: 0 }], { wrap: true }),
});

const state = fc.record({
  levelMs: fc.double({ min: 0, max: 30_000, noNaN: true }),
  tp: fc.option(fc.double({ min: 10, max: 50_000, noNaN: true }), { nil: undefined }),
  q: fc.integer({ min: 0, max: MOBILE_LIVE_LADDER_KBPS.length - 1 }),
  steady: fc.constantFrom(0, 1),
  placeholderS: fc.double({ min: 0, max: 20, noNaN: true }),
  t: fc.double({ min: 0, max: 1e6, noNaN: true }),
});

interface State {
  levelMs: number;
  tp: number | undefined;
  q: number;
  steady: number;
  placeholderS: number;
  t: number;
}

describe.each(ABR_RULE_IDS.map((id) => ({ id })))('ABR rule contract: $id', ({ id }) => {
  const rule = ABR_RULES[id];
  const make = (s: State, tp = s.tp) => {
    const p = testPlayer({ rule: id, targetLatencyMs: 20_000, latencyHighMs: 30_000 }, { ...(tp !== undefined ? { throughputKbps: tp } : {}), q: s.q });
    p.bolaSteady = s.steady;
    p.bolaPlaceholderS = s.placeholderS;
    p.bolaLastMs = s.t;
    p.nextSeg = Math.floor(s.t / 1000);
    p.pos = s.t - 4000;
    return p;
  };

  it('always answers a rung of the ladder, deterministically', () => {
    fc.assert(
      fc.property(state, (s) => {
        const a = rule.choose(make(s), s.t, s.levelMs);
        expect(Number.isInteger(a) && a >= 0 && a < MOBILE_LIVE_LADDER_KBPS.length).toBe(true);
        expect(rule.choose(make(s), s.t, s.levelMs)).toBe(a);
      }),
      { numRuns: 300 },
    );
  });

  it('never answers a lower rung for a higher throughput estimate', () => {
    fc.assert(
      fc.property(state, fc.double({ min: 10, max: 20_000, noNaN: true }), fc.double({ min: 1, max: 10, noNaN: true }), (s, tp, k) => {
        expect(rule.choose(make(s, tp * k), s.t, s.levelMs)).toBeGreaterThanOrEqual(rule.choose(make(s, tp), s.t, s.levelMs));
      }),
      { numRuns: 300 },
    );
  });

  // end to end on the challenge ladder, with room for a buffer-based rule (live delay 20 s)
  const player = { rule: id, ladderKbps: MMSYS20_LADDER_KBPS, targetLatencyMs: 20_000, latencyHighMs: 30_000 };

  it('climbs to the top rung on a link five times faster, without a stall', () => {
    const r = runPlayer({ profile: constant(5000), player, untilMs: 130_000 });
    expect(r.requests[r.requests.length - 1]![1]).toBe(2);
    expect(r.qoe.stalls).toBe(0);
  });

  it('holds the rung the link sustains when the link sits between two rungs (450 kbit/s on 200/600)', () => {
    const r = runPlayer({ profile: constant(450), player, untilMs: 190_000 });
    const settled = r.requests.filter(([t]) => t > 70_000);
    const above = settled.filter(([, q]) => q >= 1).length / settled.length;
    expect(above).toBeLessThan(0.2);
    expect(r.qoe.rebufferRatio).toBeLessThan(0.05);
  });
});
