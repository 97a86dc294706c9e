// Test helper: one viewer on one profile, stepped event by event, recording what tests look at.
import { RngStreams } from '../../kernel/index.ts';
import { Link } from '../../net/index.ts';
import { compileOverlay, instantiate, type NetworkProfile, type ScriptedEvent } from '../../../network-profiles/index.ts';
import { resolvePlayerConfig, type PlayerConfig } from '../config.ts';
import { MediaEventBuffer, type MediaEvent } from '../events.ts';
import { qoeOf, type QoeSummary } from '../qoe/summary.ts';
import { createPlayer } from './create.ts';
import { endSession } from './session.ts';
import { PHASE, PlayerStore, levelOf, type Player } from './state.ts';
import { step } from './step.ts';

export interface RunOptions {
  profile: NetworkProfile;
  player?: Partial<PlayerConfig>;
  events?: ScriptedEvent[];
  joinMs?: number;
  untilMs: number;
  seed?: number;
  viewer?: number;
}

export interface RunResult {
  p: Player;
  events: MediaEvent[];
  /** [request time, rung] of every segment request (a run's or a window's one request for all its segments) */
  requests: [number, number][];
  /** the rung fetched for each segment index (the last fetch of it) */
  rungOfSegment: Map<number, number>;
  /** segments per request, in order */
  requestSegments: number[];
  qoe: QoeSummary;
  steps: number;
  /** the lowest buffer level seen while the picture was playing (must stay ≥ 0) */
  minPlayingLevel: number;
}

export function runPlayer(o: RunOptions): RunResult {
  const s = new RngStreams(o.seed ?? 1);
  const v = o.viewer ?? 0;
  const link = new Link(instantiate(o.profile, s.stream(v, 'net-profile')), s.stream(v, 'net'), { overlay: compileOverlay(o.events ?? []) });
  const p = createPlayer(new PlayerStore(resolvePlayerConfig(o.player)), link, s.stream(v, 'media'), { viewer: v, joinMs: o.joinMs ?? 10_000 });
  const out = new MediaEventBuffer();
  const requests: [number, number][] = [];
  const rungOfSegment = new Map<number, number>();
  const requestSegments: number[] = [];
  let steps = 0;
  let minLevel = Infinity;
  let lastReq = NaN;
  while (p.nextMs <= o.untilMs) {
    step(p, out);
    if (++steps > 1_000_000) throw new Error(`runPlayer: no progress at t=${p.now}`);
    if (p.dlSeg >= 0 && p.dlReqMs !== lastReq) {
      lastReq = p.dlReqMs;
      requests.push([p.dlReqMs, p.dlQ]);
      requestSegments.push(p.dlSegs);
      for (let i = 0; i < p.dlSegs; i++) rungOfSegment.set(p.dlSeg + i, p.dlQ);
    }
    if (p.phase === PHASE.playing) minLevel = Math.min(minLevel, levelOf(p));
  }
  endSession(p, o.untilMs, out);
  return { p, events: out.toArray(), requests, rungOfSegment, requestSegments, qoe: qoeOf(p), steps, minPlayingLevel: minLevel };
}

/** The rung requested last at or before time t. */
export function rungAt(requests: [number, number][], t: number): number {
  let q = -1;
  for (const [at, r] of requests) if (at <= t) q = r;
  return q;
}
