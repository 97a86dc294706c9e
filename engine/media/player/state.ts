// One viewer's low-latency live player as plain numbers: one object with a fixed shape (all fields set in
// the constructor, so V8 keeps them unboxed in-object) and three small typed arrays. About 0.9 KB per
// viewer including its arrays; the link and trace add ~0.3 KB (see bench/media.bench.ts).
// Media time is the capture clock: the live edge at run time t is media time t, so latency = t − pos.
import type { Rng } from '../../kernel/index.ts';
import type { Link } from '../../net/index.ts';
import type { AbrRule } from '../abr/types.ts';
import type { ResolvedPlayerConfig } from '../config.ts';
import { newLatencyHistogram } from '../qoe/latency-histogram.ts';

export const PHASE = { startup: 0, playing: 1, stalled: 2, ended: 3 } as const;

/** Power-of-two ring of requested rungs per segment, big enough for any buffer the config allows. */
function ringSize(cfg: ResolvedPlayerConfig): number {
  const segs = Math.ceil((cfg.targetLatencyMs + cfg.maxDriftMs) / cfg.segmentMs) + 4;
  let n = 8;
  while (n < segs) n *= 2;
  return n;
}

export class Player {
  readonly viewer: number;
  readonly cfg: ResolvedPlayerConfig;
  readonly rule: AbrRule;
  readonly link: Link;
  readonly rng: Rng;

  phase: number = PHASE.startup;
  /** dash.js BUFFER_EMPTY while playing (level ≤ stall threshold): no catch-up, BOLA's placeholder reset */
  lowBuf = 0;
  /** the run time the continuous state below is valid at */
  now: number;
  /** when the next thing happens (cached by computeNext) */
  nextMs = 0;

  // playback
  pos = 0;
  rate = 1;
  /** media end of the contiguous data that has arrived */
  bufEnd = 0;
  /** rung on screen */
  renderQ: number;

  // the download in flight (dlSeg = −1 when idle)
  dlSeg = -1;
  dlQ = 0;
  dlReqMs = 0;
  dlPart = 0;
  dlBytes = 0;
  dlBusyMs = 0;
  /** arrival time of each part of the segment in flight */
  readonly parts: Float64Array;
  /** next segment to request; no request before holdUntil (BOLA's delay) */
  nextSeg = 0;
  holdUntil = 0;
  /** first segment the session fetched (so the ring is only read for segments it holds) */
  firstSeg = 0;
  /** rung requested for segment k, at k & (ring.length − 1) */
  readonly ring: Uint8Array;

  // ABR state (shared by every rule: dash.js keeps one throughput history per media type)
  q: number;
  tpFast = 0;
  tpSlow = 0;
  tpWeight = 0;
  tpFastDecay = 1;
  tpSlowDecay = 1;
  lastDoneMs = NaN;
  bolaSteady = 0;
  bolaPlaceholderS = 0;
  bolaLastMs = NaN;
  useBola = 0;
  /** set by a rule that wants the request postponed (ms) */
  abrDelayMs = 0;

  // latency.high hysteresis
  latHigh = 0;

  // QoE accumulators
  readonly joinMs: number;
  firstFrameMs = NaN;
  stalls = 0;
  stallMs = 0;
  stallStartMs = 0;
  seeks = 0;
  playMs = 0;
  mediaPlayedMs = 0;
  /** Σ bitrate on screen × media ms played */
  bitrateMediaMs = 0;
  switches = 0;
  /** ∫ latency dt and the time it covers (after the first frame) */
  latencyIntegral = 0;
  latencyTimeMs = 0;
  readonly latencyHist: Float64Array;
  segments = 0;
  /** NQoE (Twitch challenge, per segment) running sum, previous segment bitrate, stall ms at last segment */
  nqoeSum = 0;
  prevSegKbps = NaN;
  stallMsAtSeg = 0;

  constructor(viewer: number, cfg: ResolvedPlayerConfig, rule: AbrRule, link: Link, rng: Rng, joinMs: number) {
    this.viewer = viewer;
    this.cfg = cfg;
    this.rule = rule;
    this.link = link;
    this.rng = rng;
    this.now = joinMs;
    this.joinMs = joinMs;
    this.q = cfg.initialRung;
    this.renderQ = cfg.initialRung;
    this.parts = new Float64Array(cfg.partsPerSegment);
    this.ring = new Uint8Array(ringSize(cfg));
    this.latencyHist = newLatencyHistogram();
  }
}

/** Buffered media ahead of the playhead, at the player's `now`. */
export function levelOf(p: Player): number {
  return p.bufEnd - p.pos;
}

/** The rung requested for segment k. */
export function rungOf(p: Player, k: number): number {
  return p.ring[k & (p.ring.length - 1)]!;
}
