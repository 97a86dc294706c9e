// Segment requests and completions. A request asks for segment nextSeg as soon as the origin has started
// producing it (the MMSys'20 harness pre-requests low-latency segments), the buffer is below dash.js's
// target for live (min(18 s, live delay)) and no ABR hold is pending; the origin then streams its parts as
// they are produced (engine/net chunkedTransfer). A completion feeds the throughput estimate, the rule's
// bookkeeping and the per-segment NQoE.
import { uniform } from '../../kernel/index.ts';
import { chunkedTransfer } from '../../net/index.ts';
import { NQOE_GAMMA_HIGH, NQOE_GAMMA_LOW, NQOE_LATENCY_KNEE_S, NQOE_MU } from '../abr/lolp-lite.ts';
import { addThroughputSample } from '../abr/throughput.ts';
import { PHASE, levelOf, partsBase, setRung, type Player } from './state.ts';

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
  const n = cfg.partsPerSegment;
  // kbit/s × ms = bits; / 8 = bytes; sizes vary like a VBR encoder's
  const bytes = ((cfg.ladder[q]! * cfg.segmentMs) / 8) * uniform(p.rng, cfg.sizeNoiseLo, cfg.sizeNoiseHi);
  const link = p.link;
  chunkedTransfer(link, t, cfg.requestBytes, k * cfg.segmentMs + cfg.partMs, cfg.partMs, bytes / n, n, p.f, partsBase(p));
  p.dlSeg = k;
  p.dlQ = q;
  p.dlReqMs = t;
  p.dlPart = 0;
  p.dlBytes = bytes;
  p.dlBusyMs = link.busyMs;
  setRung(p, k, q);
}

/** The segment in flight has fully arrived at t (its parts already applied to the buffer). */
export function complete(p: Player, t: number): void {
  const cfg = p.cfg;
  const busy = p.dlBusyMs;
  if (busy > 0) addThroughputSample(p, (8 * p.dlBytes) / busy, busy); // bits per ms = kbit/s
  // NQoE per segment (Twitch challenge NQoE.pdf, CALIBRATION.md §5): α = segment s, β = top rung,
  // γ by latency, σ = bottom rung, μ per kbit/s switched
  const R = cfg.ladder[p.dlQ]!;
  const E = (p.stallMs - p.stallMsAtSeg) / 1000;
  const L = (t - p.pos) / 1000;
  const ladder = cfg.ladder;
  p.nqoeSum +=
    (cfg.segmentMs / 1000) * R -
    ladder[ladder.length - 1]! * E -
    (L <= NQOE_LATENCY_KNEE_S ? NQOE_GAMMA_LOW : NQOE_GAMMA_HIGH) * L -
    ladder[0]! * Math.abs(1 - p.rate);
  if (p.prevSegQ >= 0) p.nqoeSum -= NQOE_MU * Math.abs(R - ladder[p.prevSegQ]!);
  p.prevSegQ = p.dlQ;
  p.stallMsAtSeg = p.stallMs;
  p.rule.onSegment(p, t, levelOf(p));
  p.segments++;
  p.nextSeg = p.dlSeg + 1;
  p.dlSeg = -1;
}
