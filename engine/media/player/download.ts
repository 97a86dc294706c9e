// Segment requests and completions. A request asks for segment nextSeg as soon as the origin has started
// producing it (the MMSys'20 harness pre-requests low-latency segments), the buffer is below dash.js's
// target for live (min(18 s, live delay)) and no ABR hold is pending; the origin then streams its parts as
// they are produced (engine/net chunkedTransfer). A completion feeds the throughput estimate, the rule's
// bookkeeping and the per-segment NQoE.
//
// Steady viewers commit to a run of segments (groupSegments below): one request, one ABR decision, one
// size draw and one completion for up to MAX_GROUP_SEGMENTS segments, their parts still arriving one by
// one as the link integration says (so the buffer, stalls and latency stay exact for that schedule). This
// is a model choice for cost (issue 3: the media model must cost less than the agents): a viewer at the
// live edge on a link with ample headroom would re-choose the same rung every second.
import { uniform } from '../../kernel/index.ts';
import { chunkedTransfer } from '../../net/index.ts';
import { NQOE_GAMMA_HIGH, NQOE_GAMMA_LOW, NQOE_LATENCY_KNEE_S, NQOE_MU } from '../abr/lolp-lite.ts';
import { addThroughputSample, safeThroughput } from '../abr/throughput.ts';
import { catchupMinChange, nextRate } from './catchup.ts';
import { MAX_GROUP_SEGMENTS, PHASE, levelOf, partsBase, setRung, type Player } from './state.ts';

/** Headroom (safe estimate ÷ the rung's bitrate) below which a viewer re-decides every segment. */
export const GROUP_MIN_HEADROOM = 1.5;
/** Segments committed per unit of headroom above 1: 4(h − 1), so h = 1.5 → 2, h = 2 → 4, h ≥ 3 → 8. */
const GROUP_PER_HEADROOM = 4;

/**
 * How many segments to commit to at rung q (model choice, documented in the header). 1 unless the viewer
 * is steady: playing with catch-up idle (latency on target, see below), out of dash.js's BUFFER_EMPTY with at
 * least half the live delay buffered, re-choosing the rung it already fetched, and the throughput rule in
 * charge (the throughput rule itself, or dynamic below BOLA's switch-over: BOLA's placeholder and delays,
 * and LoL+'s lookahead, decide per segment). Then the run grows with the headroom h of the safe estimate
 * (0.9 × min of the 3 s / 8 s EWMAs, CALIBRATION.md §5) over the rung, or of the next rung over the
 * estimate if that is smaller: 4(h − 1) segments, at most MAX_GROUP_SEGMENTS. The link must fall below
 * 1/h of its recent rate before the committed rung is more than it carries, or rise h-fold before the
 * rule would have climbed. Below h = 1.5 the viewer re-decides every segment as dash.js does (a 3G viewer on the
 * 730k rung of a ~1.2 Mbit/s HSDPA link, CALIBRATION.md §4, mostly does); from h = 3 (a 4G viewer on the
 * 3 Mbit/s top rung of a 13 Mbit/s LTE median link, CALIBRATION.md §4) it commits to eight. Measured on
 * the families (300 viewers × 10 min, seed 42): QoE moves little (3G rebuffer
 * ratio 0.0153 → 0.0128, weak-4G 0.081 → 0.069, 4G/Wi-Fi unchanged; bitrate within 1 %).
 */
export function groupSegments(p: Player, t: number, q: number, levelMs: number): number {
  if (p.phase !== PHASE.playing || p.lowBuf !== 0 || q !== p.prevSegQ) return 1;
  const cfg = p.cfg;
  if (levelMs < cfg.targetLatencyMs / 2) return 1;
  const id = p.rule.id;
  if (!(id === 'throughput' || (id === 'dynamic' && p.useBola === 0))) return 1;
  // catch-up idle: dash.js v5.1.1 only applies a rate ≥ 0.02 away from the current one, so on target its
  // rate dithers within 0.02 of 1 (latency within ~20 ms of the target) and never settles; the model takes
  // the dither's mean, 1, for the group (request() snaps the rate) when rate 1 would be kept here
  if (!(Math.abs(p.rate - 1) < catchupMinChange(cfg)) || nextRate(cfg, 1, t - p.pos, levelMs) !== 1) return 1;
  // headroom both ways: the estimate's margin over the rung and the next rung's over the estimate (an
  // estimate climbing towards the next rung re-decides every segment, as one falling towards this one)
  const tp = safeThroughput(p);
  const ladder = cfg.ladder;
  let h = tp / ladder[q]!;
  if (q + 1 < ladder.length && ladder[q + 1]! / tp < h) h = ladder[q + 1]! / tp;
  if (!(h >= GROUP_MIN_HEADROOM)) return 1;
  const g = Math.floor(GROUP_PER_HEADROOM * (h - 1));
  return g < MAX_GROUP_SEGMENTS ? g : MAX_GROUP_SEGMENTS;
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
  const g = groupSegments(p, t, q, levelOf(p));
  if (g > 1) p.rate = 1;
  const n = cfg.partsPerSegment * g;
  // kbit/s × ms = bits; / 8 = bytes; sizes vary like a VBR encoder's (one draw per request: a group's
  // segments share it)
  const bytes = ((cfg.ladder[q]! * cfg.segmentMs * g) / 8) * uniform(p.rng, cfg.sizeNoiseLo, cfg.sizeNoiseHi);
  const link = p.link;
  chunkedTransfer(link, t, cfg.requestBytes, k * cfg.segmentMs + cfg.partMs, cfg.partMs, bytes / n, n, p.f, partsBase(p));
  p.dlSeg = k;
  p.dlSegs = g;
  p.dlQ = q;
  p.dlReqMs = t;
  p.dlPart = 0;
  p.dlBytes = bytes;
  p.dlBusyMs = link.busyMs;
  for (let i = 0; i < g; i++) setRung(p, k + i, q);
}

/** The transfer in flight has fully arrived at t (its parts already applied to the buffer). */
export function complete(p: Player, t: number): void {
  const cfg = p.cfg;
  const g = p.dlSegs;
  const busy = p.dlBusyMs;
  // one sample for a group: dash.js weighs samples by download time, so one sample over the group's busy
  // time moves the EWMAs as its segments' equal samples would one after another
  if (busy > 0) addThroughputSample(p, (8 * p.dlBytes) / busy, busy); // bits per ms = kbit/s
  // NQoE per segment (Twitch challenge NQoE.pdf, CALIBRATION.md §5): α = segment s, β = top rung,
  // γ by latency, σ = bottom rung, μ per kbit/s switched; a group's segments share its latency and rate
  const R = cfg.ladder[p.dlQ]!;
  const E = (p.stallMs - p.stallMsAtSeg) / 1000;
  const L = (t - p.pos) / 1000;
  const ladder = cfg.ladder;
  p.nqoeSum +=
    g * ((cfg.segmentMs / 1000) * R - (L <= NQOE_LATENCY_KNEE_S ? NQOE_GAMMA_LOW : NQOE_GAMMA_HIGH) * L - ladder[0]! * Math.abs(1 - p.rate)) -
    ladder[ladder.length - 1]! * E;
  if (p.prevSegQ >= 0) p.nqoeSum -= NQOE_MU * Math.abs(R - ladder[p.prevSegQ]!);
  p.prevSegQ = p.dlQ;
  p.stallMsAtSeg = p.stallMs;
  const level = levelOf(p);
  for (let i = 0; i < g; i++) p.rule.onSegment(p, t, level);
  p.segments += g;
  p.nextSeg = p.dlSeg + g;
  p.dlSeg = -1;
}
