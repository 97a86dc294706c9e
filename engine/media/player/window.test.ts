// Fast-forwarded windows (window.ts, window-fast.ts) against the player they stand in for: the same
// player with windows off (windowSegments 1: runs of up to 8 segments, each segment's rung replayed).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RngStreams, uniform } from '../../kernel/index.ts';
import { Link } from '../../net/index.ts';
import { FAMILY_3G, FAMILY_4G, FAMILY_WEAK_4G, StepTrace, instantiate, type NetworkProfile, type TraceProfile } from '../../../network-profiles/index.ts';
import { DYNAMIC_RULE } from '../abr/dynamic.ts';
import type { AbrRule } from '../abr/types.ts';
import { resolvePlayerConfig, type PlayerConfig } from '../config.ts';
import { MediaEventBuffer } from '../events.ts';
import { qoeOf } from '../qoe/summary.ts';
import { createPlayer } from './create.ts';
import { endSession } from './session.ts';
import { PlayerStore } from './state.ts';
import { advance } from './step.ts';
import { runPlayer, type RunOptions } from './test-run.ts';

const steps = (name: string, s: { durationMs: number; downKbps: number; rttMs?: number }[], wrap = false): TraceProfile => ({
  kind: 'trace',
  name,
  title: '',
  source: 'test',
  trace: StepTrace.fromSteps(s.map((x) => ({ durationMs: x.durationMs, downKbps: x.downKbps, upKbps: x.downKbps, rttMs: x.rttMs ?? 40, loss: 0 })), { wrap }),
});
const OFF = { windowSegments: 1 };
const both = (o: RunOptions) => [runPlayer(o), runPlayer({ ...o, player: { ...o.player, ...OFF } })] as const;

describe('a window on a comfortable link', () => {
  it('is one player event for up to 32 segments', () => {
    const [on, off] = both({ profile: steps('const-20M', [{ durationMs: 1000, downKbps: 20_000 }], true), untilMs: 190_000 });
    const late = on.requestSegments.slice(-3);
    expect(late.every((n) => n === 32)).toBe(true);
    expect(on.steps).toBeLessThan(off.steps / 2);
    expect(off.requestSegments.every((n) => n <= 8)).toBe(true);
  });

  it('property: the same rung for every segment as without windows, no stall, QoE within 0.5 %', () => {
    // constant links from 1.5 to 30 Mbit/s, round trips 10–150 ms, joining anywhere in a second
    fc.assert(
      fc.property(fc.integer({ min: 1500, max: 30_000 }), fc.integer({ min: 10, max: 150 }), fc.integer({ min: 0, max: 999 }), (kbps, rtt, join) => {
        const profile = steps(`c-${kbps}-${rtt}`, [{ durationMs: 1000, downKbps: kbps, rttMs: rtt }], true);
        const [on, off] = both({ profile, joinMs: 10_000 + join, untilMs: 160_000 });
        for (const [k, q] of on.rungOfSegment) if (off.rungOfSegment.has(k)) expect([k, q]).toEqual([k, off.rungOfSegment.get(k)]);
        expect(on.qoe.stalls).toBe(off.qoe.stalls);
        expect(on.qoe.switches).toBe(off.qoe.switches);
        expect(on.qoe.startupMs).toBe(off.qoe.startupMs);
        expect(Math.abs(on.qoe.meanBitrateKbps / off.qoe.meanBitrateKbps - 1)).toBeLessThan(0.005);
        expect(Math.abs(on.qoe.latencyMeanMs / off.qoe.latencyMeanMs - 1)).toBeLessThan(0.005);
        expect(Math.abs(on.qoe.nqoe - off.qoe.nqoe)).toBeLessThan(0.005);
        expect(on.steps).toBeLessThanOrEqual(off.steps);
      }),
      { numRuns: 40 },
    );
  });

  it('a drop inside a window cuts it where the rule steps down, as without windows', () => {
    const drop = steps('drop', [
      { durationMs: 64_500, downKbps: 8000 },
      { durationMs: 600_000, downKbps: 1000 },
    ]);
    const [on, off] = both({ profile: drop, untilMs: 100_000 });
    // a window was in flight across the drop (requested before it, cut after it)
    const spanning = on.requests.findIndex(([t], i) => t < 64_500 && (on.requests[i + 1]?.[0] ?? 0) > 64_500);
    expect(on.requestSegments[spanning]).toBeGreaterThan(1);
    const firstLow = (r: typeof on) => r.requests.find(([t, q]) => t >= 64_500 && q < 5)![0];
    expect(firstLow(on)).toBeGreaterThan(69_000);
    expect(firstLow(on)).toBeLessThan(70_500);
    // not to the millisecond: at 1 Mbit/s a 3 Mbit segment takes ~3 s, and its ±10 % size draw is the
    // window's (drawn at ~45 s) with windows, the run's (drawn at ~60 s) without
    expect(Math.abs(firstLow(on) - firstLow(off))).toBeLessThan(1000);
    for (const [k, q] of on.rungOfSegment) if (k < 70 && off.rungOfSegment.has(k)) expect([k, q]).toEqual([k, off.rungOfSegment.get(k)]);
  });

  it('a window ends before a segment that an outage makes late and hands it on: the same events, to the ms', () => {
    const [on, off] = both({ profile: steps('const-20M', [{ durationMs: 1000, downKbps: 20_000 }], true), events: [{ kind: 'tunnel', atMs: 100_000, durationMs: 10_000 }], untilMs: 140_000 });
    const stall = (r: typeof on) => r.events.find((e) => e.type === 'stall.started')!.t;
    expect(stall(on)).toBeGreaterThan(103_000);
    // the late segment is the window's successor (requested as its last segment landed, one segment)
    const i = on.requests.findIndex(([t]) => t > 98_000 && t < 100_000);
    expect([on.requestSegments[i - 1]! > 8, on.requestSegments[i]]).toEqual([true, 1]);
    expect(on.events.map((e) => e.type)).toEqual(off.events.map((e) => e.type));
    on.events.forEach((e, j) => expect(Math.abs(e.t - off.events[j]!.t)).toBeLessThan(1));
    expect(on.qoe.stalls).toBe(1);
    expect(on.minPlayingLevel).toBeGreaterThanOrEqual(-1e-6);
  });

  it('a session that ends mid-window is brought up to its end (playing time, latency)', () => {
    const profile = steps('const-20M', [{ durationMs: 1000, downKbps: 20_000 }], true);
    const [on, off] = both({ profile, untilMs: 123_456 });
    expect(on.p.win).toBe(1);
    expect(on.qoe.sessionMs).toBe(off.qoe.sessionMs);
    expect(Math.abs(on.p.playMs - off.p.playMs)).toBeLessThan(1e-6 * off.p.playMs);
    expect(Math.abs(on.qoe.latencyMeanMs - off.qoe.latencyMeanMs)).toBeLessThan(20);
  });
});

describe('driving a player through windows', () => {
  it('advancing epoch by epoch (Δ = 250 ms) stops at each epoch end and gives exactly what one advance gives (4G)', () => {
    const make = () => {
      const st = new RngStreams(9);
      const link = new Link(instantiate(FAMILY_4G, st.stream(2, 'net-profile')), st.stream(2, 'net'));
      return createPlayer(new PlayerStore(resolvePlayerConfig()), link, st.stream(2, 'media'), { viewer: 2, joinMs: 5000 });
    };
    const one = make(), many = make();
    const outOne = new MediaEventBuffer(), outMany = new MediaEventBuffer();
    advance(one, 200_000, outOne);
    let windows = 0;
    for (let t = 5000; t <= 200_000; t += 250) {
      advance(many, t, outMany);
      expect(many.now).toBeLessThanOrEqual(t);
      expect(many.nextMs).toBeGreaterThan(t);
      if (many.win === 1 && many.dlSegs > 8) windows++;
    }
    expect(windows).toBeGreaterThan(100); // most epoch ends fall inside a window
    expect(outMany.toArray()).toEqual(outOne.toArray());
    expect(qoeOf(many)).toEqual(qoeOf(one));
  });
});

describe('windowRunFast is windowRun, inline', () => {
  // the same viewers twice: once with dash.js's dynamic rule (the inline path), once with a copy of it that
  // windowRunFast does not recognise (the generic path through the rule's own functions)
  const population = (profile: NetworkProfile, generic: boolean, player: Partial<PlayerConfig> = {}) => {
    const cfg = resolvePlayerConfig(player);
    const store = new PlayerStore(cfg, 60);
    if (generic) (store as { rule: AbrRule }).rule = { ...DYNAMIC_RULE };
    const streams = new RngStreams(11);
    const out = new MediaEventBuffer();
    const rows: unknown[] = [];
    for (let v = 0; v < 60; v++) {
      const link = new Link(instantiate(profile, streams.stream(v, 'net-profile')), streams.stream(v, 'net'));
      const joinMs = 60_000 + uniform(streams.stream(v, 'join'), 0, 1000);
      const p = createPlayer(store, link, streams.stream(v, 'media'), { viewer: v, joinMs });
      advance(p, joinMs + 240_000, out);
      endSession(p, joinMs + 240_000, out);
      rows.push({ qoe: qoeOf(p), tp: [p.tpFast, p.tpSlow, p.tpFastDecay, p.tpSlowDecay], bola: [p.bolaPlaceholderS, p.bolaLastMs], events: out.toArray() });
      out.clear();
    }
    return rows;
  };
  it.each([
    { profile: FAMILY_4G, reason: 'mostly long windows' },
    { profile: FAMILY_WEAK_4G, reason: 'windows cut by the rule, by late parts and by outages' },
    { profile: FAMILY_3G, reason: 'near the rung rates' },
  ])('$profile.name: identical players ($reason)', ({ profile }) => {
    expect(population(profile, false)).toEqual(population(profile, true));
  });
  it.each([
    { player: { partMs: 1000 }, reason: 'one part per segment: a window of 15 uses the busy slots for landings' },
    { player: { partMs: 500 }, reason: 'two parts per segment' },
    { player: { segmentMs: 2000, partMs: 250, targetLatencyMs: 6000 }, reason: '2 s segments of 8 parts' },
  ])('4G, $reason: identical players', ({ player }) => {
    expect(population(FAMILY_4G, false, player)).toEqual(population(FAMILY_4G, true, player));
  });
});
