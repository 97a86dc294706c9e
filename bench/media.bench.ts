// Media: what the player and link models cost per viewer-minute over the audience mix (bench-ref's
// 60 % 4G, 25 % weak 4G, 15 % 3G), their memory per viewer, QoE by family (3G vs 4G), and the same
// per-viewer-minute cost of the viewer agents on the statechart fast path, measured in this process.
// CPU time (process.cpuUsage), best of 3 rounds alternating the two: the machine is shared, so read the
// ratios as ±30 % (and the load average is recorded with them).
//
// Issue 3's target, "the model at 100k viewers for a 60-minute show costs less than the agents do", is
// reported as `issue3_media_vs_agents`: both costs per viewer-minute, their ratio, and whether it holds.
// What is and is not compared: the media side is players and links alone, driven a minute at a time
// without an event queue (the runtime's queue adds to it in a show); the agents side is the viewer
// statecharts on the fast path under a scripted feed (the runtime queue is in it). The figure per family
// says where the media cost lies: a viewer playing with catch-up idle on a steady rung fetches windows of
// up to 32 segments (one player event each, engine/media/player/window.ts), else runs of up to 8, but each
// segment still costs its parts' link integration, throughput sample and replayed ABR choice; weak-4G
// viewers that stall and catch up (rate ≠ 1) still step on every segment and on every stall start and end.
// The agents' rounds vary most between rounds here (first rounds 2–4× the best): with --rounds=8 their best
// is ~20 % lower than with the default 3, so compare ratios at the same round count.
import os from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { RngStreams, STATUS_ACTIVE, StatechartRuntime, compileMachine, type XEvent } from '../engine/kernel/index.ts';
import { Link } from '../engine/net/index.ts';
import { MediaEventBuffer, PlayerStore, advance, createPlayer, resolvePlayerConfig, simulatePopulation, type Player, type PopulationSummary } from '../engine/media/index.ts';
import { FAMILY_3G, FAMILY_4G, FAMILY_WEAK_4G, FAMILY_WIFI, instantiate, type FamilyProfile } from '../network-profiles/index.ts';
import { DEFAULT_PERSONA_CONFIG, PersonaSampler } from '../agents/personas/index.ts';
import { mediaScript, showScript, SAMPLE_SKUS } from '../agents/calibration/index.ts';
import { viewerMachine } from '../agents/viewer/index.ts';
import type { BenchFlags } from './registry.ts';

/** bench-ref's audience mix (network class shares) */
const MIX: readonly [FamilyProfile, number][] = [
  [FAMILY_4G, 0.6],
  [FAMILY_WEAK_4G, 0.25],
  [FAMILY_3G, 0.15],
];
/** PERF-BASELINE.md: XState actors 46.3 µs/event; bench-ref's 1.80 M events over ~842 k viewer-minutes */
const XSTATE_ACTORS_US_PER_VIEWER_MINUTE = (46.3 * 1_802_661) / ((421_013 * 120) / 60);

function cpuUs(): number {
  const c = process.cpuUsage();
  return c.user + c.system;
}

/** One pass over the mix: CPU µs, viewer-minutes, player events. */
function mixRun(viewers: number, minutes: number, seed: number) {
  let first = 0, events = 0, vm = 0;
  const t0 = cpuUs();
  for (const [profile, share] of MIX) {
    const n = Math.round(viewers * share);
    const s = simulatePopulation({ profile, viewers: n, minutes, seed, firstViewer: first });
    first += n;
    events += s.eventsPerViewerMinute * n * minutes;
    vm += n * minutes;
  }
  return { us: cpuUs() - t0, vm, events };
}

/** Heap per live viewer: n players (with link, trace, streams) kept alive after 30 s of play. */
function heapPerViewer(n: number): number | null {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  if (typeof gc !== 'function') return null;
  const store = new PlayerStore(resolvePlayerConfig(), n);
  const streams = new RngStreams(5);
  const out = new MediaEventBuffer(64);
  gc();
  const before = process.memoryUsage().heapUsed;
  const players: Player[] = [];
  for (let v = 0; v < n; v++) {
    const profile = MIX[v % 20 < 12 ? 0 : v % 20 < 17 ? 1 : 2]![0];
    const link = new Link(instantiate(profile, streams.stream(v, 'net-profile')), streams.stream(v, 'net'));
    const p = createPlayer(store, link, streams.stream(v, 'media'), { viewer: v, joinMs: 60_000 });
    advance(p, 90_000, out);
    out.clear();
    players.push(p);
  }
  gc();
  const bytes = (process.memoryUsage().heapUsed - before) / n;
  if (players.length !== n) throw new Error('unreachable');
  return Math.round(bytes);
}

/** The viewer agents on the fast path over the agents bench's scripted hour, per viewer-minute in session. */
function agentsRun(sessions: number) {
  const HOUR = 3_600_000;
  const sampler = new PersonaSampler(42, { ...DEFAULT_PERSONA_CONFIG, identity: false });
  const personas = Array.from({ length: sessions }, (_, i) => sampler.persona(i));
  const events = [...mediaScript(900, HOUR, 2000, 180_000), ...showScript(SAMPLE_SKUS, 5 * 60_000, HOUR, 3000)].sort((a, b) => a.at - b.at);
  const rt = new StatechartRuntime(compileMachine(viewerMachine), { capacity: sessions + 1 });
  const rng = new RngStreams(7);
  const clock = { now: () => rt.now };
  const agents = personas.map((persona) => rt.spawn({ persona, rng, clock }));
  for (const a of agents) rt.schedule(events[0]!.at, 0, a, 0);
  const feed = (r: StatechartRuntime) => {
    const agent = r.extTarget, k = r.extArg;
    if (r.status(agent) !== STATUS_ACTIVE) return;
    r.send(agent, events[k]!.event as unknown as XEvent);
    if (k + 1 < events.length) r.schedule(events[k + 1]!.at, 0, agent, k + 1);
  };
  let us = 0, vm = 0;
  for (let m = 1; m <= 60; m++) {
    const t0 = cpuUs();
    rt.runUntil(m * 60_000, feed, true);
    us += cpuUs() - t0;
    for (const a of agents) if (rt.status(a) === STATUS_ACTIVE) vm++;
  }
  return { us, vm, macrosteps: rt.macrosteps };
}

function qoeRow(s: PopulationSummary) {
  const r = (x: number, d = 0) => +x.toFixed(d);
  return {
    viewers: s.viewers,
    minutes: s.minutes,
    startup_ms: { p50: r(s.startupMs.p50), p95: r(s.startupMs.p95) },
    rebuffer_ratio: { mean: r(s.rebufferRatio.mean, 4), p95: r(s.rebufferRatio.p95, 4) },
    stalled_share: r(s.stalledShare, 3),
    stalls_per_viewer: r(s.stallsPerViewer, 2),
    mean_bitrate_kbps: r(s.meanBitrateKbps.mean),
    latency_ms: { mean: r(s.latencyMs.mean), p95: r(s.latencyMs.p95) },
    switches_per_viewer: r(s.switchesPerViewer, 1),
    nqoe: r(s.nqoe.mean, 3),
    events_per_viewer_minute: r(s.eventsPerViewerMinute, 1),
  };
}

export default async function mediaBench(flags: BenchFlags): Promise<Record<string, unknown>> {
  const viewers = Number(flags.viewers ?? (flags.quick ? 2000 : 6000));
  const minutes = Number(flags.minutes ?? 10);
  const agentsSessions = Number(flags.agents ?? (flags.quick ? 1000 : 3000));
  const rounds = Number(flags.rounds ?? 3);
  // warm-up, then the two workloads alternated round by round (the machine is shared: interference
  // spreads over both), each keeping its best round
  mixRun(Math.min(500, viewers), 2, 99);
  agentsRun(Math.min(300, agentsSessions));
  const runs: ReturnType<typeof mixRun>[] = [];
  const agentRuns: ReturnType<typeof agentsRun>[] = [];
  for (let r = 0; r < rounds; r++) {
    runs.push(mixRun(viewers, minutes, 1 + r));
    agentRuns.push(agentsRun(agentsSessions));
  }
  const best = runs.reduce((a, b) => (a.us / a.vm < b.us / b.vm ? a : b));
  const usPerVm = best.us / best.vm;
  const ag = agentRuns.reduce((a, b) => (a.us / a.vm < b.us / b.vm ? a : b));
  const agentsUsPerVm = ag.us / ag.vm;

  const qoeViewers = Number(flags.qoeViewers ?? (flags.quick ? 300 : 1000));
  const qoe: Record<string, unknown> = {};
  const byFamily: Record<string, unknown> = {};
  for (const p of [FAMILY_4G, FAMILY_WEAK_4G, FAMILY_3G, FAMILY_WIFI]) {
    const t0 = cpuUs();
    const s = simulatePopulation({ profile: p, viewers: qoeViewers, minutes: 10, seed: 42 });
    const us = cpuUs() - t0;
    qoe[p.name] = qoeRow(s);
    byFamily[p.name] = { us_per_viewer_minute: +(us / (qoeViewers * 10)).toFixed(2), player_events_per_viewer_minute: +s.eventsPerViewerMinute.toFixed(1) };
  }
  const ratio = usPerVm / agentsUsPerVm;

  return {
    load_average: os.loadavg().map((x) => +x.toFixed(2)),
    workload: `audience mix 60 % 4g, 25 % weak-4g, 15 % 3g; ${viewers} viewers × ${minutes} min each; dash.js defaults (dynamic ABR, 4 s live delay, 1 s segments of 5 parts, mobile ladder)`,
    media: {
      us_per_viewer_minute: +usPerVm.toFixed(2),
      us_per_player_event: +(best.us / best.events).toFixed(3),
      player_events_per_viewer_minute: +(best.events / best.vm).toFixed(1),
      runs_us_per_viewer_minute: runs.map((r) => +(r.us / r.vm).toFixed(2)),
      projected_cpu_s_100k_viewers_60_min: +((usPerVm * 100_000 * 60) / 1e6).toFixed(0),
      heap_bytes_per_live_viewer: heapPerViewer(Number(flags.heapViewers ?? 20_000)),
    },
    agents_fast_path: {
      workload: "agents bench's scripted hour (pitches every 5 min, a 2-s stall every 3 min of play), viewers leave by their own hazards",
      sessions: agentsSessions,
      viewer_minutes: ag.vm,
      macrosteps: ag.macrosteps,
      us_per_viewer_minute: +agentsUsPerVm.toFixed(2),
      rounds_us_per_viewer_minute: agentRuns.map((r) => +(r.us / r.vm).toFixed(2)),
    },
    issue3_media_vs_agents: {
      target: 'media model µs per viewer-minute < viewer agents µs per viewer-minute (issue 3)',
      media_us_per_viewer_minute: +usPerVm.toFixed(2),
      agents_us_per_viewer_minute: +agentsUsPerVm.toFixed(2),
      media_player_events_per_viewer_minute: +(best.events / best.vm).toFixed(1),
      agents_macrosteps_per_viewer_minute: +(ag.macrosteps / ag.vm).toFixed(2),
      media_over_agents: +ratio.toFixed(2),
      met: ratio < 1,
      projected_cpu_s_100k_viewers_60_min: { media: +((usPerVm * 6e6) / 1e6).toFixed(0), agents: +((agentsUsPerVm * 6e6) / 1e6).toFixed(0) },
      note: 'best of the rounds each; the media side has no event queue, the agents side does; media cost by family in media_cost_by_family',
    },
    media_cost_by_family: byFamily,
    media_over_agents_fast_path: +ratio.toFixed(2),
    media_over_xstate_actors_reference: +(usPerVm / XSTATE_ACTORS_US_PER_VIEWER_MINUTE).toFixed(3),
    xstate_actors_reference_us_per_viewer_minute: +XSTATE_ACTORS_US_PER_VIEWER_MINUTE.toFixed(1),
    qoe_by_family: qoe,
  };
}
