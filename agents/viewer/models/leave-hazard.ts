// The base leave hazard during playback, before impairment (qoe-hazard.ts) multiplies it: a persona's
// own stay time, bent by what is on stage and by the stream. CALIBRATION.md has no live-commerce watch
// time figure, so the persona's stay time and the content and host factors are assumptions; the
// latency and bitrate factors follow the direction of the sources named at each field.

export interface LeaveHazardParams {
  /** hazard × exp(-contentGamma·(match − 0.5)): liked content keeps viewers (assumption) */
  readonly contentGamma: number;
  /** hazard factor per host answer to this viewer's question, at most two (assumption) */
  readonly hostAnswerFactor: number;
  /** latency above this adds latencyPerSecond to the hazard per second (the seed article: each 1 s of
   * live delay raises churn by 3–5 points, an industry claim with no study; we take 4 % per s) */
  readonly latencyThresholdMs: number;
  readonly latencyPerSecond: number;
  /** below this bitrate the hazard rises linearly up to lowBitrateFactor at 0 kbit/s (Dobrian et al.
   * 2011, direction only: bitrate matters more for live than for VoD) */
  readonly lowBitrateKbps: number;
  readonly lowBitrateFactor: number;
  /** after paying, the viewer has what they came for (assumption) */
  readonly doneFactor: number;
}

export const LEAVE_HAZARD: LeaveHazardParams = {
  contentGamma: 1.5,
  hostAnswerFactor: 0.85,
  latencyThresholdMs: 3000,
  latencyPerSecond: 0.04,
  lowBitrateKbps: 800,
  lowBitrateFactor: 1.3,
  doneFactor: 1.5,
};

export interface HazardInputs {
  stayMinutes: number;
  /** interest match in [0, 1] of what is on stage (0.5 = neutral) */
  match: number;
  hostAnswers: number;
  latencyMs: number;
  /** 0 = not known yet */
  bitrateKbps: number;
  paid: boolean;
}

/** base leave hazard per ms */
export function baseHazard(h: HazardInputs, p: LeaveHazardParams = LEAVE_HAZARD): number {
  let rate = 1 / (h.stayMinutes * 60_000);
  rate *= Math.exp(-p.contentGamma * (h.match - 0.5));
  rate *= Math.pow(p.hostAnswerFactor, Math.min(2, h.hostAnswers));
  if (h.latencyMs > p.latencyThresholdMs) rate *= 1 + (p.latencyPerSecond * (h.latencyMs - p.latencyThresholdMs)) / 1000;
  if (h.bitrateKbps > 0 && h.bitrateKbps < p.lowBitrateKbps) rate *= 1 + (p.lowBitrateFactor - 1) * (1 - h.bitrateKbps / p.lowBitrateKbps);
  if (h.paid) rate *= p.doneFactor;
  return rate;
}
