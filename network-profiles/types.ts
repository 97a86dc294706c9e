// What a network profile is. A profile is data: either a fixed trace (scripted steps, an imported trace)
// that every viewer replays, or a family (a stochastic model) that gives each viewer its own seeded trace.
// `instantiate` turns either into a LinkTrace, the per-viewer view that engine/net integrates.
// Units everywhere: rates in kbit/s (1 kbit = 1000 bit, so bytes per ms = kbps / 8), times in ms.

/** Downlink (stack → viewer) or uplink (viewer → stack). */
export type Direction = 0 | 1;
export const DOWN: Direction = 0;
export const UP: Direction = 1;

/** One scripted step: these values hold for `durationMs`. */
export interface ProfileStep {
  readonly durationMs: number;
  readonly downKbps: number;
  readonly upKbps: number;
  /** round-trip time added to every request (Chrome's "latency" is this round trip) */
  readonly rttMs: number;
  /** random (independent) packet loss probability in [0, 1] */
  readonly loss: number;
}

/**
 * Gilbert–Elliott bursty loss, per packet: a good state (loss = the step's random loss) and a bad state.
 * Classic parametrisation (Gilbert 1960, Elliott 1963): p = P(good → bad), r = P(bad → good), h = P(loss | bad).
 */
export interface BurstLoss {
  readonly enter: number;
  readonly exit: number;
  readonly lossInBurst: number;
}

/** Link-level constants that hold for the whole profile. */
export interface LinkParams {
  /** mean extra one-way queueing delay per message, exponential (never negative: the rtt is the floor) */
  readonly jitterMs: number;
  readonly burst: BurstLoss | null;
}

/** The link state that holds on [startMs, endMs); filled in place by LinkTrace.locate (no allocation). */
export class TraceSegment {
  startMs = 0;
  endMs = 0;
  downKbps = 0;
  upKbps = 0;
  rttMs = 0;
  loss = 0;
  /** a search hint the trace may keep between calls */
  hint = 0;
}

/** A per-viewer view of a profile: piecewise-constant link state over virtual time t ≥ 0. */
export interface LinkTrace extends LinkParams {
  /** Fills `seg` with the piecewise-constant state holding at time t (startMs ≤ t < endMs). */
  locate(t: number, seg: TraceSegment): void;
  /**
   * Optional exact cumulative form: bytes deliverable in [0, t) in direction `dir`. Traces that have it
   * (fixed traces, via prefix sums) let engine/net invert it in O(log n) instead of walking steps.
   */
  capacityTo?(t: number, dir: Direction): number;
  /** earliest t with capacityTo(t) ≥ bytes (Infinity if never) */
  timeAtCapacity?(bytes: number, dir: Direction): number;
}

/** Parameters of a stochastic family (see trace/family-trace.ts for the model). */
export interface FamilyParams {
  /** median over viewers of a viewer's median downlink rate */
  readonly downMedianKbps: number;
  /** log-space standard deviation of the viewer's median across viewers */
  readonly viewerSigma: number;
  /** slow fading: log-sd and block length (ms, a multiple of stepMs) */
  readonly slowSigma: number;
  readonly slowMs: number;
  /** fast variation: log-sd, redrawn every stepMs */
  readonly fastSigma: number;
  readonly stepMs: number;
  /** rate cap (the technology's peak) */
  readonly maxDownKbps: number;
  /** uplink = downlink × upRatio (the same fading drives both) */
  readonly upRatio: number;
  readonly rttMedianMs: number;
  readonly rttViewerSigma: number;
  readonly rttStepSigma: number;
  /** expected outages per hour and their mean length (exponential, capped at one slot) */
  readonly outagesPerHour: number;
  readonly outageMeanMs: number;
  readonly loss: number;
}

interface ProfileMeta {
  readonly name: string;
  /** one line for `profiles list` */
  readonly title: string;
  /** where the numbers come from */
  readonly source: string;
}

export interface TraceProfile extends ProfileMeta {
  readonly kind: 'trace';
  /** the compiled trace, shared by every viewer (read-only) */
  readonly trace: LinkTrace & { readonly periodMs: number; readonly wrap: boolean };
}

export interface FamilyProfile extends ProfileMeta {
  readonly kind: 'family';
  readonly family: FamilyParams;
  readonly link: LinkParams;
}

export type NetworkProfile = TraceProfile | FamilyProfile;
