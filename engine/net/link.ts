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

/** The round trip at run time t: the trace's plus the overlay's addition. Leaves link.seg located at t. */
export function rttAt(link: Link, t: number): number {
  link.trace.locate(t + link.phaseMs, link.seg);
  let rtt = link.seg.rttMs;
  const o = link.overlay;
  if (o !== null) {
    const w = o.windowAt(t, link.ow);
    link.ow = w;
    rtt += o.rttAddIn(w);
  }
  return rtt;
}
