// The throughput estimate dash.js keeps (ThroughputModel / ThroughputController, v5.1.1): two EWMAs with
// half-lives 3 s (fast) and 8 s (slow), each sample weighted by 0.0015 × its download time in ms, corrected
// for the zero start by 1 − 0.5^(totalWeight / halfLife), and the estimate is the lower of the two. The
// "safe" estimate multiplies by bandwidthSafetyFactor 0.9. A low-latency player measures a chunked download
// over the time the link was actually busy (dash.js lowLatencyDownloadTimeCalculationMode MOOF_PARSING).
import type { Player } from '../player/state.ts';

export const EWMA_FAST_HALF_LIFE_S = 3;
export const EWMA_SLOW_HALF_LIFE_S = 8;
export const EWMA_WEIGHT_PER_MS = 0.0015;
export const BANDWIDTH_SAFETY_FACTOR = 0.9;

/** 0.5^(w/3) and 0.5^(w/8) are the 8th and 3rd powers of 0.5^(w/24): one exponential per sample */
export const LN2_24 = Math.LN2 / 24;

// p.tpFastDecay / p.tpSlowDecay carry 0.5^(totalWeight / halfLife) as running products of the α's, so the
// zero-start correction 1 − 0.5^(totalWeight / halfLife) needs no power at estimate time
export function addThroughputSample(p: Player, kbps: number, downloadMs: number): void {
  if (!(kbps > 0) || !(downloadMs > 0) || kbps === Infinity) return;
  const w = EWMA_WEIGHT_PER_MS * downloadMs;
  const e = Math.exp(-w * LN2_24);
  const e2 = e * e;
  const as = e2 * e; // 0.5^(w / 8)
  const e4 = e2 * e2;
  const af = e4 * e4; // 0.5^(w / 3)
  p.tpFast = af * p.tpFast + (1 - af) * kbps;
  p.tpSlow = as * p.tpSlow + (1 - as) * kbps;
  p.tpFastDecay *= af;
  p.tpSlowDecay *= as;
}

/** min(fast, slow) after zero-start correction, in kbit/s; NaN before the first sample. */
export function throughputEstimate(p: Player): number {
  if (p.tpFastDecay === 1) return NaN; // no sample yet
  const fast = p.tpFast / (1 - p.tpFastDecay);
  const slow = p.tpSlow / (1 - p.tpSlowDecay);
  return fast < slow ? fast : slow;
}

export function safeThroughput(p: Player): number {
  return throughputEstimate(p) * BANDWIDTH_SAFETY_FACTOR;
}

/** dash.js getOptimalRepresentationForBitrate: the highest rung at or below kbps, else the lowest. */
export function rungForBitrate(ladder: Float64Array, kbps: number): number {
  let q = 0;
  for (let i = 1; i < ladder.length; i++) if (ladder[i]! <= kbps) q = i;
  return q;
}
