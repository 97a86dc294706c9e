// One viewer's link: its trace (shared or its own), the scripted overlay of its cell (shared), its RNG
// stream for jitter and loss, and a few scratch numbers so the hot path allocates nothing.
import type { Rng } from '../kernel/index.ts';
import { TraceSegment, type LinkTrace, type Overlay } from '../../network-profiles/index.ts';

export interface LinkOptions {
  overlay?: Overlay | null;
  /** shifts the trace: run time t reads trace time t + phaseMs (a shared trace entered at a random point) */
  phaseMs?: number;
}

export class Link {
  readonly trace: LinkTrace;
  readonly overlay: Overlay | null;
  readonly rng: Rng;
  readonly phaseMs: number;
  /** scratch: the trace segment last located (also the trace's search hint) */
  readonly seg = new TraceSegment();
  /** scratch: overlay window hint */
  ow = -1;
  /** scratch: bytes left when a bounded drain stops at its limit */
  rest = 0;
  /** results of the last chunked transfer: bottleneck busy time and time to first byte (ms) */
  busyMs = 0;
  firstByteMs = 0;
  /** scratch of a run of chunked segments in flight (transfer.ts chunkedRunStart / chunkedRunSegment) */
  runReadyMs = 0;
  runPartMs = 0;
  runPartBytes = 0;
  runReqMs = 0;
  runReqBytes = 0;
  runFree = 0;
  runRtt = 0;
  runPrev = -Infinity;
  runPart = 0;

  constructor(trace: LinkTrace, rng: Rng, opts: LinkOptions = {}) {
    this.trace = trace;
    this.rng = rng;
    this.overlay = opts.overlay ?? null;
    this.phaseMs = opts.phaseMs ?? 0;
    if (!(this.phaseMs >= 0)) throw new RangeError(`Link: phaseMs must be ≥ 0, got ${opts.phaseMs}`);
  }
}

export function createLink(trace: LinkTrace, rng: Rng, opts?: LinkOptions): Link {
  return new Link(trace, rng, opts);
}

/**
 * Locates run time t in the link's trace into link.seg, unless link.seg already holds it: consecutive
 * queries of one viewer mostly fall in the same piece (a 1 s family step, a 30 s MMSys step), so this
 * saves most trace lookups on the hot path. The segment is in trace time (run time + phaseMs).
 */
export function locateAt(link: Link, t: number): void {
  const x = t + link.phaseMs;
  const seg = link.seg;
  if (x < seg.startMs || x >= seg.endMs) link.trace.locate(x, seg);
}

/** The round trip at run time t: the trace's plus the overlay's addition. Leaves link.seg located at t. */
export function rttAt(link: Link, t: number): number {
  locateAt(link, t);
  let rtt = link.seg.rttMs;
  const o = link.overlay;
  if (o !== null) {
    const w = o.windowAt(t, link.ow);
    link.ow = w;
    rtt += o.rttAddIn(w);
  }
  return rtt;
}
