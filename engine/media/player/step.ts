// The player as next-event state: computeNext (next.ts) says when the next thing happens; step does it.
// Between events the state moves in closed form (the playhead at a constant rate, parts landing at known
// times), so a viewer at the live edge costs about one event per segment, not one per 200 ms part.
import { MediaEventBuffer, EV } from '../events.ts';
import { addLinear } from '../qoe/latency-histogram.ts';
import { nextRate } from './catchup.ts';
import { complete, request, requestTime } from './download.ts';
import { EPS, computeNext } from './next.ts';
import { PHASE, levelOf, partsBase, rungOf, windowLandingAt, type Player } from './state.ts';

/** latency.high re-arms once latency is this far back under the threshold (model choice). */
export const LATENCY_HIGH_HYSTERESIS_MS = 1000;
/** A viewer-hour is ~7 000 steps; this many in one advance means a bug, not a busy viewer. */
const MAX_STEPS_PER_ADVANCE = 5_000_000;
/** A handful of things can fall due at one instant; a hundred means a step that changes nothing. */
const MAX_STEPS_AT_ONE_TIME = 100;

/** Plays from `now` to t at the current rate: playhead and the playing accumulators. */
function play(p: Player, now: number, t: number): void {
  const dt = t - now;
  const rate = p.rate;
  const pos0 = p.pos;
  const pos1 = pos0 + rate * dt;
  const l0 = now - pos0;
  const l1 = t - pos1;
  p.pos = pos1;
  p.playMs += dt;
  p.mediaPlayedMs += rate * dt;
  p.bitrateMediaMs += p.cfg.ladder[p.renderQ]! * rate * dt;
  p.latencyIntegral += ((l0 + l1) / 2) * dt;
  p.latencyTimeMs += dt;
  addLinear(p.hist, p.hb, l0, l1, dt);
}

/**
 * Moves the continuous state from p.now to t (no event may fall strictly between, except the catch-up
 * pause at p.rateEndMs, which it applies: BUFFER_EMPTY, rate 1).
 */
export function syncTo(p: Player, t: number): void {
  let now = p.now;
  const dt = t - now;
  if (dt > 0) {
    const phase = p.phase;
    if (phase === PHASE.playing) {
      const sw = p.rateEndMs;
      if (sw < t) {
        if (sw > now) {
          play(p, now, sw);
          now = sw;
        }
        p.rate = 1;
        p.lowBuf = 1;
        p.rateEndMs = Infinity;
      }
      play(p, now, t);
    } else if (phase === PHASE.stalled) {
      const l0 = now - p.pos;
      p.stallMs += dt;
      p.latencyIntegral += (l0 + dt / 2) * dt;
      p.latencyTimeMs += dt;
      addLinear(p.hist, p.hb, l0, l0 + dt, dt);
    }
    p.now = t;
  }
  const seg = p.dlSeg;
  if (seg >= 0) {
    const cfg = p.cfg;
    if (p.win === 1) {
      // a window keeps segment landings, not parts: the buffer is brought up to the last segment landed
      // (only a session that ends mid-window looks at it before the window's end)
      const pps = cfg.partsPerSegment;
      let c = p.dlPart / pps;
      if (c < p.dlSegs && windowLandingAt(p, c) <= t) {
        do c++;
        while (c < p.dlSegs && windowLandingAt(p, c) <= t);
        p.dlPart = c * pps;
        p.bufEnd = (seg + c) * cfg.segmentMs;
      }
      return;
    }
    const n = cfg.partsPerSegment * p.dlSegs;
    let j = p.dlPart;
    const f = p.f;
    const parts = partsBase(p);
    if (j < n && f[parts + j]! <= t) {
      do j++;
      while (j < n && f[parts + j]! <= t);
      p.dlPart = j;
      p.bufEnd = seg * cfg.segmentMs + j * cfg.partMs;
    }
  }
}

/** dash.js seekToCurrentLive: jump to live edge − target, drop the buffer and the download in flight. */
function seekToLive(p: Player, t: number, out: MediaEventBuffer): void {
  const cfg = p.cfg;
  p.seeks++;
  p.pos = t - cfg.targetLatencyMs;
  p.dlSeg = -1;
  p.win = 0;
  p.succ = 0;
  p.nextSeg = Math.floor(p.pos / cfg.segmentMs);
  p.bufEnd = p.nextSeg * cfg.segmentMs;
  p.holdUntil = 0;
  p.latHigh = 0;
  p.rule.onSeek(p);
  if (p.phase === PHASE.playing) startStall(p, t, out);
}

/** The picture freezes. */
function startStall(p: Player, t: number, out: MediaEventBuffer): void {
  p.phase = PHASE.stalled;
  p.lowBuf = 1;
  p.stalls++;
  p.stallStartMs = t;
  p.rate = 1;
  out.push(p.viewer, EV.stallStarted, t, p.cfg.ladder[p.renderQ]!, p.stalls);
}

/** Does what is due at p.nextMs. */
export function step(p: Player, out: MediaEventBuffer): void {
  const t = p.nextMs;
  if (t === Infinity) return;
  syncTo(p, t);
  const cfg = p.cfg;
  const ladder = cfg.ladder;
  if (p.dlSeg >= 0 && p.dlPart >= cfg.partsPerSegment * p.dlSegs) complete(p, t);
  const level = levelOf(p);
  if (p.phase === PHASE.startup && level >= cfg.rebufferGoalMs - EPS) {
    p.phase = PHASE.playing;
    p.lowBuf = level <= cfg.stallThresholdMs + EPS ? 1 : 0;
    p.firstFrameMs = t;
    p.renderQ = rungOf(p, Math.floor((p.pos + EPS) / cfg.segmentMs));
    out.push(p.viewer, EV.playbackStarted, t, t - p.joinMs, ladder[p.renderQ]!);
  } else if (p.phase === PHASE.stalled && level >= cfg.rebufferGoalMs - EPS) {
    p.phase = PHASE.playing;
    p.lowBuf = level <= cfg.stallThresholdMs + EPS ? 1 : 0;
    out.push(p.viewer, EV.stallEnded, t, t - p.stallStartMs, t - p.pos);
  } else if (p.phase === PHASE.playing) {
    if (p.lowBuf === 0 && level <= cfg.stallThresholdMs + EPS) {
      // dash.js BUFFER_EMPTY: catch-up pauses, BOLA drops its placeholder; the picture still plays
      p.lowBuf = 1;
      p.rule.onStall(p);
      p.runReplayed = 0;
    } else if (p.lowBuf === 1 && level > cfg.stallThresholdMs + EPS) {
      p.lowBuf = 0;
    }
    if (p.lowBuf === 1 && level <= EPS) startStall(p, t, out);
  }
  if (p.phase === PHASE.playing) {
    const q = rungOf(p, Math.floor((p.pos + EPS) / cfg.segmentMs));
    if (q !== p.renderQ) {
      out.push(p.viewer, EV.qualityChanged, t, ladder[q]!, ladder[p.renderQ]!);
      p.renderQ = q;
      p.switches++;
    }
  }
  if (p.phase !== PHASE.startup) {
    const L = t - p.pos;
    if (p.latHigh === 0 && L >= cfg.latencyHighMs - EPS) {
      p.latHigh = 1;
      out.push(p.viewer, EV.latencyHigh, t, L, cfg.latencyHighMs);
    } else if (p.latHigh === 1 && L < cfg.latencyHighMs - LATENCY_HIGH_HYSTERESIS_MS) {
      p.latHigh = 0;
    }
    if (L - cfg.targetLatencyMs >= cfg.maxDriftMs - EPS) seekToLive(p, t, out);
  }
  if (p.dlSeg < 0 && requestTime(p) <= t + EPS) request(p, t);
  // dash.js CatchupController: rate 1 while in BUFFER_EMPTY
  if (p.phase === PHASE.playing) p.rate = p.lowBuf === 1 ? 1 : nextRate(cfg, p.rate, t - p.pos, levelOf(p));
  computeNext(p);
}

/** Runs every event up to and including untilMs; decision-worthy ones go to `out`. Returns the step count. */
export function advance(p: Player, untilMs: number, out: MediaEventBuffer): number {
  let steps = 0;
  let same = 0;
  while (p.nextMs <= untilMs) {
    const t = p.nextMs;
    step(p, out);
    same = p.nextMs === t ? same + 1 : 0;
    if (++steps > MAX_STEPS_PER_ADVANCE || same > MAX_STEPS_AT_ONE_TIME) {
      throw Object.assign(new Error(`media: player ${p.viewer} made no progress at t=${p.nextMs}`), { replay: { viewer: p.viewer, t: p.nextMs } });
    }
  }
  return steps;
}

/** When the player next needs attention (for a runtime that keeps viewers in its own event queue). */
export function nextEventTime(p: Player): number {
  return p.nextMs;
}
