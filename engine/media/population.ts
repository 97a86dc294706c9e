// A cheap population run for tests, benchmarks and `profiles` figures: N viewers of one profile, each with
// its own trace, link and player streams, joining within the first segment and watching M minutes.
// Summarises startup (p50/p95), rebuffering, bitrate, latency and NQoE across viewers.
import { RngStreams, uniform } from '../kernel/index.ts';
import { Link } from '../net/index.ts';
import { instantiate, type NetworkProfile, type Overlay } from '../../network-profiles/index.ts';
import { resolvePlayerConfig, type PlayerConfig, type ResolvedPlayerConfig } from './config.ts';
import { PlayerStore } from './player/state.ts';
import { MediaEventBuffer } from './events.ts';
import { advance, createPlayer, endSession } from './player/index.ts';
import { qoeOf, type QoeSummary } from './qoe/summary.ts';

export interface PopulationOptions {
  profile: NetworkProfile;
  viewers: number;
  minutes: number;
  seed: number;
  player?: Partial<PlayerConfig>;
  overlay?: Overlay | null;
  /** viewer ids start here (so two populations in one run draw different streams) */
  firstViewer?: number;
}

export interface Dist {
  mean: number;
  p50: number;
  p95: number;
}

export interface PopulationSummary {
  profile: string;
  rule: string;
  viewers: number;
  minutes: number;
  seed: number;
  /** viewers whose playback never started */
  neverStarted: number;
  startupMs: Dist;
  rebufferRatio: Dist;
  stallsPerViewer: number;
  /** share of viewers with at least one stall */
  stalledShare: number;
  meanBitrateKbps: Dist;
  latencyMs: Dist;
  switchesPerViewer: number;
  nqoe: Dist;
  /** player events processed (internal ones included) per viewer-minute */
  eventsPerViewerMinute: number;
}

export function dist(values: readonly number[]): Dist {
  const v = values.filter((x) => x === x).sort((a, b) => a - b);
  if (v.length === 0) return { mean: NaN, p50: NaN, p95: NaN };
  const at = (q: number) => v[Math.min(v.length - 1, Math.floor(q * v.length))]!;
  return { mean: v.reduce((s, x) => s + x, 0) / v.length, p50: at(0.5), p95: at(0.95) };
}

/**
 * The default player config, resolved once per process. Pure speed: a freshly resolved config per population
 * (the same values, a new object) left the optimised player code deoptimising on its config reads ("wrong
 * map") and re-optimising population after population: in one process, mix rounds after the first varied
 * 31–61 µs per viewer-minute, with one shared config 31–36 (media bench workload, load ~9).
 */
let defaultConfig: ResolvedPlayerConfig | null = null;

export function simulatePopulation(opts: PopulationOptions): PopulationSummary {
  const cfg = opts.player === undefined ? (defaultConfig ??= resolvePlayerConfig()) : resolvePlayerConfig(opts.player);
  const store = new PlayerStore(cfg, opts.viewers);
  const streams = new RngStreams(opts.seed);
  const out = new MediaEventBuffer(256);
  const qoe: QoeSummary[] = [];
  let events = 0;
  const first = opts.firstViewer ?? 0;
  for (let v = first; v < first + opts.viewers; v++) {
    const trace = instantiate(opts.profile, streams.stream(v, 'net-profile'));
    const link = new Link(trace, streams.stream(v, 'net'), { overlay: opts.overlay ?? null });
    const joinMs = 60_000 + uniform(streams.stream(v, 'join'), 0, cfg.segmentMs);
    const p = createPlayer(store, link, streams.stream(v, 'media'), { viewer: v, joinMs });
    const end = joinMs + opts.minutes * 60_000;
    // a minute at a time, as a runtime would drive it, so the event buffer stays small
    for (let t = joinMs + 60_000; ; t += 60_000) {
      events += advance(p, Math.min(t, end), out);
      out.clear();
      if (t >= end) break;
    }
    endSession(p, end, out);
    out.clear();
    qoe.push(qoeOf(p));
  }
  const started = qoe.filter((q) => q.startupMs === q.startupMs);
  return {
    profile: opts.profile.name,
    rule: cfg.rule,
    viewers: opts.viewers,
    minutes: opts.minutes,
    seed: opts.seed,
    neverStarted: qoe.length - started.length,
    startupMs: dist(started.map((q) => q.startupMs)),
    rebufferRatio: dist(started.map((q) => q.rebufferRatio)),
    stallsPerViewer: qoe.reduce((s, q) => s + q.stalls, 0) / qoe.length,
    stalledShare: qoe.filter((q) => q.stalls > 0).length / qoe.length,
    meanBitrateKbps: dist(started.map((q) => q.meanBitrateKbps)),
    latencyMs: dist(started.map((q) => q.latencyMeanMs)),
    switchesPerViewer: qoe.reduce((s, q) => s + q.switches, 0) / qoe.length,
    nqoe: dist(qoe.map((q) => q.nqoe)),
    eventsPerViewerMinute: events / (opts.viewers * opts.minutes),
  };
}

