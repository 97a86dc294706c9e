// Segment requests and completions. A request asks for segment nextSeg as soon as the origin has started
// producing it (the MMSys'20 harness pre-requests low-latency segments), the buffer is below dash.js's
// target for live (min(18 s, live delay)) and no ABR hold is pending; the origin then streams its parts as
// they are produced (engine/net chunkedTransfer). A completion feeds the throughput estimate, the rule's
// bookkeeping and the per-segment NQoE.
//
// Steady viewers commit to a run of segments (groupSegments below): one player event, one size draw and
// one completion for up to MAX_GROUP_SEGMENTS segments, each segment still requested when the one before
// has arrived and its parts arriving one by one as the link integration says (engine/net
// chunkedRunSegment), so the buffer, stalls and latency are those of one request per segment. This is a
// model choice for cost (issue 3: the media model must cost less than the agents): a viewer at the live
// edge would otherwise cost a player event per 1-s segment. The run is cut where the per-segment player
// would have done something else (replay.ts landed), so the rung of every segment is the one the rule picks.
// A viewer whose picture and buffer are all on the chosen rung commits to a longer run, a window of up to
// windowSegments (default 32) that keeps no per-part state (window.ts: where it is cut, what it changes).
import { uniform } from '../../kernel/index.ts';
import { chunkedRunSegment, chunkedRunStart } from '../../net/index.ts';
import { addThroughputSample } from '../abr/throughput.ts';
import { catchupMinChange, nextRate } from './catchup.ts';
import { chargeSegments } from './nqoe.ts';
import { keepReplayed, landed, restoreLive, saveLive, useReplayed } from './replay.ts';
import { MAX_GROUP_SEGMENTS, PHASE, levelOf, partAt, partsBase, segBusyBase, setRung, windowCap, windowLandingAt, type Player } from './state.ts';
import { windowFits, windowRun } from './window.ts';
import { fastWindowRule, windowRunFast } from './window-fast.ts';

/**
 * The most segments to commit to (model choice, documented in the header): 1 unless the viewer is playing
 * out of dash.js's BUFFER_EMPTY with catch-up idle (latency on target, see below); then
 * MAX_GROUP_SEGMENTS, which request() cuts to the segments the rule would have fetched at this rung one by
 * one (replay.ts landed); or, when windowFits, into a window (window.ts).
 *
 * Was (until this change): only under the throughput rule (or dynamic below BOLA's switch-over) with at
 * least half the live delay buffered, a run of 4(h − 1) segments for a headroom h ≥ 1.5 of the safe
 * estimate over the rung and of the next rung over the estimate, its segments streamed back to back. The
 * throughput rule picks the highest rung below the estimate, so on the mobile ladder only the bottom and
 * top rungs ever had h ≥ 1.5: 3G and weak-4G viewers (730k–2000k rungs), and viewers that dynamic had
 * handed to BOLA, re-decided every segment. Now a run's segments are fetched as the per-segment player
 * fetches them, each asked for when the one before has arrived (engine/net chunkedRunSegment: that
 * request draws no jitter or message loss, a model choice for cost), so a run differs from one request per
 * segment in that and in sharing one size draw. Measured on the families (1000 viewers × 10 min, seed 42;
 * player events per viewer-minute, rebuffer ratio, mean bitrate, NQoE, mean latency), before → after:
 * 4G 18.5 → 8.9 events, 0.0000 → 0.0000, 2818 → 2815 kbit/s, 0.939 → 0.938; Wi-Fi 14.6 → 8.7, QoE
 * unchanged; 3G 68.5 → 22.3, 0.0130 → 0.0117, 714 → 712 kbit/s, 0.224 → 0.225, 4208 → 4188 ms; weak 4G
 * 75.3 → 47.4, 0.0697 → 0.0677, 1981 → 1978 kbit/s, 0.582 → 0.584, 5197 → 5181 ms. (With the in-run
 * requests' jitter and loss drawn as for a lone message, 3G rebuffering was 0.0132 and weak 4G 0.0722, at
 * ~12 % more media CPU.)
 */
export function groupSegments(p: Player, t: number, levelMs: number): number {
  if (p.phase !== PHASE.playing || p.lowBuf !== 0) return 1;
  const cfg = p.cfg;
  // catch-up idle: dash.js v5.1.1 only applies a rate ≥ 0.02 away from the current one, so on target its
  // rate dithers within 0.02 of 1 (latency within ~20 ms of the target) and never settles; the model takes
  // the dither's mean, 1, for the group (request() snaps the rate) when rate 1 would be kept here
  if (!(Math.abs(p.rate - 1) < catchupMinChange(cfg)) || nextRate(cfg, 1, t - p.pos, levelMs) !== 1) return 1;
  return MAX_GROUP_SEGMENTS;
}

/** When the idle player may send its next request (Infinity while a full buffer waits for playback). */
export function requestTime(p: Player): number {
  const cfg = p.cfg;
  let r = p.nextSeg * cfg.segmentMs;
  if (p.holdUntil > r) r = p.holdUntil;
  if (p.now > r) r = p.now;
  const excess = levelOf(p) - cfg.bufferTimeDefaultMs;
  if (excess > 0) {
    if (p.phase !== PHASE.playing) return Infinity;
    const drained = p.now + excess / p.rate;
    if (drained > r) r = drained;
  }
  return r;
}

/** Decide the rung and start downloading segment nextSeg at t (or hold, if the rule asks to wait). */
export function request(p: Player, t: number): void {
  const cfg = p.cfg;
  const q = p.rule.choose(p, t, levelOf(p));
  p.q = q;
  const delay = p.abrDelayMs;
  p.abrDelayMs = 0;
  // a hold is buffer to burn: at playback rate r that takes delay / r; holds under 1 ms (a browser
  // timer's grain) are not worth a wake-up, and skipping them keeps the wait from shrinking for ever
  if (delay >= 1) {
    p.holdUntil = t + (p.phase === PHASE.playing ? delay / p.rate : delay);
    return;
  }
  const k = p.nextSeg;
  const g = groupSegments(p, t, levelOf(p));
  if (g > 1) p.rate = 1;
  const pps = cfg.partsPerSegment;
  // kbit/s × ms = bits; / 8 = bytes; sizes vary like a VBR encoder's (one draw per request: a run's
  // segments share it)
  const segBytes = ((cfg.ladder[q]! * cfg.segmentMs) / 8) * uniform(p.rng, cfg.sizeNoiseLo, cfg.sizeNoiseHi);
  const partBytes = segBytes / pps;
  const firstReady = k * cfg.segmentMs + cfg.partMs;
  const link = p.link;
  const f = p.f;
  const partsAt = partsBase(p);
  const busyAt = segBusyBase(p);
  chunkedRunStart(link, t, cfg.requestBytes, firstReady, cfg.partMs, partBytes);
  chunkedRunSegment(link, pps, f, partsAt);
  f[busyAt] = link.busyMs;
  p.dlSeg = k;
  p.dlQ = q;
  p.dlReqMs = t;
  p.dlLag = p.pos - t;
  p.dlPart = 0;
  p.dlBytes = segBytes;
  p.win = 0;
  p.succ = 0;
  let run = 1;
  if (g > 1) {
    // a comfortable viewer fast-forwards a whole window (window.ts); else a run of up to g segments
    const cap = windowCap(cfg);
    if (cap > 1 && windowFits(p, q, k)) {
      run = fastWindowRule(p) ? windowRunFast(p, t, q, cap) : windowRun(p, t, q, cap);
    } else run = 0;
    if (run === 0) run = fetchRun(p, t, q, g);
  }
  p.dlSegs = run;
  const rungs = p.win === 1 && p.succ === 1 ? run + 1 : run;
  for (let i = 0; i < rungs; i++) setRung(p, k + i, q);
}

/**
 * The run as the per-segment player would have fetched it: as each segment lands, replay what that player
 * does (on a copy of what it changes) and ask for the next segment only if it would have chosen this rung
 * again at once. Returns the run's segment count.
 */
function fetchRun(p: Player, t: number, q: number, g: number): number {
  const cfg = p.cfg;
  const pps = cfg.partsPerSegment;
  const link = p.link;
  const f = p.f;
  const partsAt = partsBase(p);
  const busyAt = segBusyBase(p);
  const k = p.dlSeg;
  saveLive(p);
  let run = 1;
  while (run < g && landed(p, run - 1, partsAt + run * pps - 1, busyAt + run - 1) === q) {
    chunkedRunSegment(link, pps, f, partsAt);
    f[busyAt + run] = link.busyMs;
    run++;
  }
  // a run that was not cut has replayed all its segments but the last, what complete() would redo: kept
  // for it (a cut run also replayed the segment where it stopped, so complete() redoes that one)
  p.runReplayed = 0;
  if (run === g) keepReplayed(p);
  restoreLive(p);
  p.nextSeg = k;
  p.dlReqMs = t;
  return run;
}

/** The transfer in flight has fully arrived at t (its parts already applied to the buffer). */
export function complete(p: Player, t: number): void {
  const cfg = p.cfg;
  const g = p.dlSegs;
  // a run's earlier segments: what the per-segment player did as each landed (request() checked that it
  // chose this rung each time, and kept the result unless BUFFER_EMPTY came since: then it is redone)
  const win = p.win === 1;
  const pps = cfg.partsPerSegment;
  if (g > 1) {
    if (p.runReplayed === 1) {
      useReplayed(p);
      p.segments += g - 1;
      p.dlReqMs = win ? windowLandingAt(p, g - 2) : partAt(p, (g - 1) * pps - 1);
    } else if (win) {
      // nothing can step a window between its request and its end (window.ts), BUFFER_EMPTY included
      throw Object.assign(new Error(`media: player ${p.viewer} lost its window's replay at t=${t}`), { replay: { viewer: p.viewer, t } });
    } else {
      for (let i = 0; i < g - 1; i++) landed(p, i, partsBase(p) + (i + 1) * pps - 1, segBusyBase(p) + i);
    }
    p.runReplayed = 0;
  }
  // the last segment's throughput sample (bits per ms = kbit/s, over the time the link was busy with it)
  const busy = win ? p.dlBusyMs : p.f[segBusyBase(p) + g - 1]!;
  if (busy > 0) addThroughputSample(p, (8 * p.dlBytes) / busy, busy);
  chargeSegments(p, t, g);
  p.rule.onSegment(p, t, levelOf(p));
  p.segments++;
  p.nextSeg = p.dlSeg + g;
  p.dlSeg = -1;
  if (win && p.succ === 1) {
    // the window's successor, requested as its last segment landed (now), is the transfer in flight
    p.dlSeg = p.nextSeg;
    p.dlSegs = 1;
    p.dlPart = 0;
    p.dlReqMs = t;
    p.dlLag = p.pos - t;
    p.f[segBusyBase(p)] = p.succBusyMs;
    p.succ = 0;
  }
  p.win = 0;
}
