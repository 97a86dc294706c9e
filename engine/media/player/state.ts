// Viewers' players as struct-of-arrays: every number of every player lives in a few typed-array columns
// of a PlayerStore (one store per player config, grown by chunks), and a Player is a small handle whose
// accessors read and write its row. ~0.45 KB of columns plus a ~0.1 KB handle per viewer, where a plain
// object with the same fields costs ~1.8 KB (V8 boxes each double field separately). The code reads
// `p.pos` as if the player were a plain object; the accessor inlines to one typed-array access.
// Media time is the capture clock: the live edge at run time t is media time t, so latency = t − pos.
import type { Rng } from '../../kernel/index.ts';
import type { Link } from '../../net/index.ts';
import { ABR_RULES } from '../abr/registry.ts';
import type { AbrRule } from '../abr/types.ts';
import type { ResolvedPlayerConfig } from '../config.ts';
import { LATENCY_BUCKETS } from '../qoe/latency-histogram.ts';

export const PHASE = { startup: 0, playing: 1, stalled: 2, ended: 3 } as const;

/**
 * The most segments one request may carry (download.ts groupSegments: a steady viewer commits to its rung
 * for a run of segments, fetched as one chunked transfer).
 */
export const MAX_GROUP_SEGMENTS = 8;
/**
 * Double columns: the fields, then the arrival time of each part of the segments in flight, then the
 * bottleneck's busy time for each of those segments (their throughput samples).
 */
const NF_FIELDS = 36;
/** Int columns. */
const NI = 24;

/**
 * The most segments one fast-forwarded window may carry (window.ts): its landing times are kept in the
 * part and busy slots after the first segment's parts (its busy time in dlBusyMs), so at most that many,
 * and the config's cap.
 */
export function windowCap(cfg: ResolvedPlayerConfig): number {
  return Math.min(cfg.windowSegments, MAX_GROUP_SEGMENTS * (cfg.partsPerSegment + 1) - cfg.partsPerSegment);
}

/** Power-of-two ring of requested rungs per segment: enough for the most a buffer can hold plus a group. */
function ringSize(cfg: ResolvedPlayerConfig): number {
  const segs = Math.ceil(cfg.bufferTimeDefaultMs / cfg.segmentMs) + Math.max(MAX_GROUP_SEGMENTS, windowCap(cfg)) + 4;
  let n = 8;
  while (n < segs) n *= 2;
  return n;
}

/** Rows per chunk: a store grows by whole chunks and never moves a row, so a handle keeps its arrays. */
const CHUNK_ROWS = 1024;

export class PlayerStore {
  readonly cfg: ResolvedPlayerConfig;
  readonly rule: AbrRule;
  readonly nf: number;
  readonly ringLen: number;
  readonly links: Link[] = [];
  readonly rngs: Rng[] = [];
  size = 0;
  private chunkRows: number;
  private f: Float64Array | null = null;
  private i: Int32Array | null = null;
  /** time at each latency (latency-histogram.ts); float32 is ample for ms totals */
  private hist: Float32Array | null = null;
  private ring: Uint8Array | null = null;
  private used = 0;

  /** `rows` sizes the first chunk (a population of known size fits in one). */
  constructor(cfg: ResolvedPlayerConfig, rows = CHUNK_ROWS) {
    this.cfg = cfg;
    this.rule = ABR_RULES[cfg.rule];
    this.nf = NF_FIELDS + MAX_GROUP_SEGMENTS * (cfg.partsPerSegment + 1);
    this.ringLen = ringSize(cfg);
    this.chunkRows = Math.max(1, rows);
  }

  /** A new row for `p` (its arrays and offsets are set on the handle). */
  add(p: Player, link: Link, rng: Rng): number {
    if (this.f === null || this.used === this.chunkRows) {
      if (this.f !== null) this.chunkRows = CHUNK_ROWS;
      const n = this.chunkRows;
      this.f = new Float64Array(n * this.nf);
      this.i = new Int32Array(n * NI);
      this.hist = new Float32Array(n * LATENCY_BUCKETS);
      this.ring = new Uint8Array(n * this.ringLen);
      this.used = 0;
    }
    const row = this.used++;
    p.f = this.f;
    p.i = this.i!;
    p.hist = this.hist!;
    p.ring = this.ring!;
    p.fb = row * this.nf;
    p.ib = row * NI;
    p.hb = row * LATENCY_BUCKETS;
    p.rb = row * this.ringLen;
    this.links.push(link);
    this.rngs.push(rng);
    return this.size++;
  }
}

/** A handle on one row of a PlayerStore. */
export class Player {
  readonly s: PlayerStore;
  readonly id: number;
  /** its chunk's columns and its row offsets in them (set by the store) */
  f!: Float64Array;
  i!: Int32Array;
  hist!: Float32Array;
  ring!: Uint8Array;
  fb = 0;
  ib = 0;
  hb = 0;
  rb = 0;

  constructor(store: PlayerStore, link: Link, rng: Rng) {
    this.s = store;
    this.id = store.add(this, link, rng);
  }

  get cfg(): ResolvedPlayerConfig { return this.s.cfg; }
  get rule(): AbrRule { return this.s.rule; }
  get link(): Link { return this.s.links[this.id]!; }
  get rng(): Rng { return this.s.rngs[this.id]!; }

  // doubles: playback, download, ABR, QoE (run times and durations in ms)
  get now(): number { return this.f[this.fb]!; } set now(v: number) { this.f[this.fb] = v; }
  /** when the next thing happens (cached by computeNext) */
  get nextMs(): number { return this.f[this.fb + 1]!; } set nextMs(v: number) { this.f[this.fb + 1] = v; }
  get pos(): number { return this.f[this.fb + 2]!; } set pos(v: number) { this.f[this.fb + 2] = v; }
  get rate(): number { return this.f[this.fb + 3]!; } set rate(v: number) { this.f[this.fb + 3] = v; }
  /** media end of the contiguous data that has arrived */
  get bufEnd(): number { return this.f[this.fb + 4]!; } set bufEnd(v: number) { this.f[this.fb + 4] = v; }
  get dlReqMs(): number { return this.f[this.fb + 5]!; } set dlReqMs(v: number) { this.f[this.fb + 5] = v; }
  /** bytes of each segment in flight (a run's segments share one size draw) */
  get dlBytes(): number { return this.f[this.fb + 6]!; } set dlBytes(v: number) { this.f[this.fb + 6] = v; }
  /** busy time of the last segment of a window in flight (window.ts; a run keeps it per segment) */
  get dlBusyMs(): number { return this.f[this.fb + 7]!; } set dlBusyMs(v: number) { this.f[this.fb + 7] = v; }
  /** no request before this (BOLA's delay, the init segment) */
  get holdUntil(): number { return this.f[this.fb + 8]!; } set holdUntil(v: number) { this.f[this.fb + 8] = v; }
  get tpFast(): number { return this.f[this.fb + 9]!; } set tpFast(v: number) { this.f[this.fb + 9] = v; }
  get tpSlow(): number { return this.f[this.fb + 10]!; } set tpSlow(v: number) { this.f[this.fb + 10] = v; }
  get tpFastDecay(): number { return this.f[this.fb + 11]!; } set tpFastDecay(v: number) { this.f[this.fb + 11] = v; }
  get tpSlowDecay(): number { return this.f[this.fb + 12]!; } set tpSlowDecay(v: number) { this.f[this.fb + 12] = v; }
  get bolaPlaceholderS(): number { return this.f[this.fb + 13]!; } set bolaPlaceholderS(v: number) { this.f[this.fb + 13] = v; }
  get bolaLastMs(): number { return this.f[this.fb + 14]!; } set bolaLastMs(v: number) { this.f[this.fb + 14] = v; }
  get joinMs(): number { return this.f[this.fb + 15]!; } set joinMs(v: number) { this.f[this.fb + 15] = v; }
  get firstFrameMs(): number { return this.f[this.fb + 16]!; } set firstFrameMs(v: number) { this.f[this.fb + 16] = v; }
  get stallStartMs(): number { return this.f[this.fb + 17]!; } set stallStartMs(v: number) { this.f[this.fb + 17] = v; }
  get stallMs(): number { return this.f[this.fb + 18]!; } set stallMs(v: number) { this.f[this.fb + 18] = v; }
  get playMs(): number { return this.f[this.fb + 19]!; } set playMs(v: number) { this.f[this.fb + 19] = v; }
  get mediaPlayedMs(): number { return this.f[this.fb + 20]!; } set mediaPlayedMs(v: number) { this.f[this.fb + 20] = v; }
  /** Σ bitrate on screen × media ms played */
  get bitrateMediaMs(): number { return this.f[this.fb + 21]!; } set bitrateMediaMs(v: number) { this.f[this.fb + 21] = v; }
  /** ∫ latency dt over the time since the first frame */
  get latencyIntegral(): number { return this.f[this.fb + 22]!; } set latencyIntegral(v: number) { this.f[this.fb + 22] = v; }
  get latencyTimeMs(): number { return this.f[this.fb + 23]!; } set latencyTimeMs(v: number) { this.f[this.fb + 23] = v; }
  /** NQoE running sum and the stall time already charged to earlier segments */
  get nqoeSum(): number { return this.f[this.fb + 24]!; } set nqoeSum(v: number) { this.f[this.fb + 24] = v; }
  get stallMsAtSeg(): number { return this.f[this.fb + 25]!; } set stallMsAtSeg(v: number) { this.f[this.fb + 25] = v; }
  /** set by a rule that wants the request postponed (ms) */
  get abrDelayMs(): number { return this.f[this.fb + 26]!; } set abrDelayMs(v: number) { this.f[this.fb + 26] = v; }
  /**
   * when the buffer will reach the stall threshold while catching up (rate ≠ 1): there dash.js enters
   * BUFFER_EMPTY and the rate drops to 1 (applied by syncTo, no wake-up of its own); Infinity if not due
   */
  get rateEndMs(): number { return this.f[this.fb + 27]!; } set rateEndMs(v: number) { this.f[this.fb + 27] = v; }
  /** playhead minus run time when the transfer in flight was requested (a run lands on pos = t + dlLag) */
  get dlLag(): number { return this.f[this.fb + 28]!; } set dlLag(v: number) { this.f[this.fb + 28] = v; }
  /**
   * what the run in flight leaves the estimate and BOLA with once all its segments but the last have landed
   * (request() computed it replaying them; complete() takes it while runReplayed is 1)
   */
  get runTpFast(): number { return this.f[this.fb + 29]!; } set runTpFast(v: number) { this.f[this.fb + 29] = v; }
  get runTpSlow(): number { return this.f[this.fb + 30]!; } set runTpSlow(v: number) { this.f[this.fb + 30] = v; }
  get runTpFastDecay(): number { return this.f[this.fb + 31]!; } set runTpFastDecay(v: number) { this.f[this.fb + 31] = v; }
  get runTpSlowDecay(): number { return this.f[this.fb + 32]!; } set runTpSlowDecay(v: number) { this.f[this.fb + 32] = v; }
  get runPlaceholderS(): number { return this.f[this.fb + 33]!; } set runPlaceholderS(v: number) { this.f[this.fb + 33] = v; }
  get runBolaLastMs(): number { return this.f[this.fb + 34]!; } set runBolaLastMs(v: number) { this.f[this.fb + 34] = v; }
  /** busy time of a window's successor (window.ts: the late segment it hands on, its parts in the part slots) */
  get succBusyMs(): number { return this.f[this.fb + 35]!; } set succBusyMs(v: number) { this.f[this.fb + 35] = v; }

  // ints: phase flags, segment indices, rungs, counters
  get phase(): number { return this.i[this.ib]!; } set phase(v: number) { this.i[this.ib] = v; }
  /** dash.js BUFFER_EMPTY while playing (level ≤ stall threshold): no catch-up, BOLA's placeholder reset */
  get lowBuf(): number { return this.i[this.ib + 1]!; } set lowBuf(v: number) { this.i[this.ib + 1] = v; }
  /** rung on screen */
  get renderQ(): number { return this.i[this.ib + 2]!; } set renderQ(v: number) { this.i[this.ib + 2] = v; }
  /** segment in flight (−1 when idle), its rung, its next part to arrive */
  get dlSeg(): number { return this.i[this.ib + 3]!; } set dlSeg(v: number) { this.i[this.ib + 3] = v; }
  get dlQ(): number { return this.i[this.ib + 4]!; } set dlQ(v: number) { this.i[this.ib + 4] = v; }
  get dlPart(): number { return this.i[this.ib + 5]!; } set dlPart(v: number) { this.i[this.ib + 5] = v; }
  get nextSeg(): number { return this.i[this.ib + 6]!; } set nextSeg(v: number) { this.i[this.ib + 6] = v; }
  get firstSeg(): number { return this.i[this.ib + 7]!; } set firstSeg(v: number) { this.i[this.ib + 7] = v; }
  /** the rung last chosen (dash.js currentRepresentation) */
  get q(): number { return this.i[this.ib + 8]!; } set q(v: number) { this.i[this.ib + 8] = v; }
  get bolaSteady(): number { return this.i[this.ib + 9]!; } set bolaSteady(v: number) { this.i[this.ib + 9] = v; }
  get useBola(): number { return this.i[this.ib + 10]!; } set useBola(v: number) { this.i[this.ib + 10] = v; }
  get latHigh(): number { return this.i[this.ib + 11]!; } set latHigh(v: number) { this.i[this.ib + 11] = v; }
  get stalls(): number { return this.i[this.ib + 12]!; } set stalls(v: number) { this.i[this.ib + 12] = v; }
  get seeks(): number { return this.i[this.ib + 13]!; } set seeks(v: number) { this.i[this.ib + 13] = v; }
  get switches(): number { return this.i[this.ib + 14]!; } set switches(v: number) { this.i[this.ib + 14] = v; }
  get segments(): number { return this.i[this.ib + 15]!; } set segments(v: number) { this.i[this.ib + 15] = v; }
  /** rung of the previous segment for NQoE's switch term (−1 before the first) */
  get prevSegQ(): number { return this.i[this.ib + 16]!; } set prevSegQ(v: number) { this.i[this.ib + 16] = v; }
  get viewer(): number { return this.i[this.ib + 17]!; } set viewer(v: number) { this.i[this.ib + 17] = v; }
  /** segments in the transfer in flight (dlSeg … dlSeg + dlSegs − 1; their parts are contiguous) */
  get dlSegs(): number { return this.i[this.ib + 18]!; } set dlSegs(v: number) { this.i[this.ib + 18] = v; }
  get runBolaSteady(): number { return this.i[this.ib + 19]!; } set runBolaSteady(v: number) { this.i[this.ib + 19] = v; }
  get runUseBola(): number { return this.i[this.ib + 20]!; } set runUseBola(v: number) { this.i[this.ib + 20] = v; }
  /** 1 while the run's replayed state above holds (no BUFFER_EMPTY since the request: BOLA's onStall) */
  get runReplayed(): number { return this.i[this.ib + 21]!; } set runReplayed(v: number) { this.i[this.ib + 21] = v; }
  /**
   * 1 while the transfer in flight is a fast-forwarded window (window.ts): part slots hold the landing time
   * of each of its segments (windowLandingAt) instead of every part's arrival
   */
  get win(): number { return this.i[this.ib + 22]!; } set win(v: number) { this.i[this.ib + 22] = v; }
  /** 1 while the window in flight has a successor: the segment after it, already requested (window.ts) */
  get succ(): number { return this.i[this.ib + 23]!; } set succ(v: number) { this.i[this.ib + 23] = v; }
}

/** A fresh player row: everything zero except what is not. */
export function newPlayer(store: PlayerStore, link: Link, rng: Rng, viewer: number, joinMs: number): Player {
  const p = new Player(store, link, rng);
  p.viewer = viewer;
  p.now = joinMs;
  p.joinMs = joinMs;
  p.rate = 1;
  p.dlSeg = -1;
  p.q = store.cfg.initialRung;
  p.renderQ = store.cfg.initialRung;
  p.tpFastDecay = 1;
  p.tpSlowDecay = 1;
  p.bolaLastMs = NaN;
  p.firstFrameMs = NaN;
  p.prevSegQ = -1;
  p.rateEndMs = Infinity;
  return p;
}

/** Copies every number of player `from` into `to` (two rows of one store; links and streams stay their own). */
export function copyPlayer(from: Player, to: Player): void {
  const s = from.s;
  if (to.s !== s) throw new RangeError('copyPlayer: the two players are in different stores');
  to.f.set(from.f.subarray(from.fb, from.fb + s.nf), to.fb);
  to.i.set(from.i.subarray(from.ib, from.ib + NI), to.ib);
  to.hist.set(from.hist.subarray(from.hb, from.hb + LATENCY_BUCKETS), to.hb);
  to.ring.set(from.ring.subarray(from.rb, from.rb + s.ringLen), to.rb);
}

/** Buffered media ahead of the playhead, at the player's `now`. */
export function levelOf(p: Player): number {
  return p.bufEnd - p.pos;
}

/** Arrival time of part j of the transfer in flight (parts of its segments in order). */
export function partAt(p: Player, j: number): number {
  return p.f[p.fb + NF_FIELDS + j]!;
}

/** Offset of part 0's arrival in the store's double column (chunkedTransfer writes there). */
export function partsBase(p: Player): number {
  return p.fb + NF_FIELDS;
}

/** Landing time (last part's arrival) of segment i of the window in flight. */
export function windowLandingAt(p: Player, i: number): number {
  return p.f[p.fb + NF_FIELDS + p.s.cfg.partsPerSegment + i]!;
}

/** Offset of dlBusyMs, where a window keeps its newest segment's busy time (replay.ts landed reads it there). */
export function windowBusyAt(p: Player): number {
  return p.fb + 7;
}

/** Offset of the busy time of segment 0 of the transfer in flight (chunkedTransfer writes there). */
export function segBusyBase(p: Player): number {
  return p.fb + NF_FIELDS + MAX_GROUP_SEGMENTS * p.s.cfg.partsPerSegment;
}

/** The rung requested for segment k. */
export function rungOf(p: Player, k: number): number {
  return p.ring[p.rb + (k & (p.s.ringLen - 1))]!;
}

export function setRung(p: Player, k: number, q: number): void {
  p.ring[p.rb + (k & (p.s.ringLen - 1))] = q;
}
