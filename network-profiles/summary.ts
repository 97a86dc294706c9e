// Summary statistics of a profile, as `livelab profiles show` prints them: time-weighted means and
// p10/p50/p90 over 1-s windows (a 1-ms Mahimahi trace is all 0 or 12 Mbit/s per millisecond; per second
// it reads like a rate), outage time, loss. A fixed trace is summarised over one period; a family over a
// sampled population of viewers (stated in the result, so the numbers can be reproduced).
import { RngStreams } from '../engine/kernel/index.ts';
import { instantiate } from './instantiate.ts';
import { TraceSegment, type LinkTrace, type NetworkProfile } from './types.ts';

export interface Stat {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface ProfileSummary {
  name: string;
  kind: NetworkProfile['kind'];
  title: string;
  source: string;
  /** one period of a fixed trace; null for a family (each viewer's trace is unbounded) */
  durationS: number | null;
  wraps: boolean;
  windowMs: number;
  downKbps: Stat;
  upKbps: Stat;
  rttMs: Stat;
  /** time-weighted random loss, and the long-run extra loss of Gilbert–Elliott bursts */
  lossRate: number;
  burstLossRate: number;
  jitterMs: number;
  /** time with no downlink capacity, in the summarised span (per period / per sampled viewer) */
  outageS: number;
  outageShare: number;
  sampled: { viewers: number; durationS: number; seed: number } | null;
}

export interface SampleOptions {
  viewers?: number;
  durationMs?: number;
  seed?: number;
}

export const SUMMARY_WINDOW_MS = 1000;

/** Window averages of one trace over [from, to), appended to acc. */
class Windows {
  down: number[] = [];
  up: number[] = [];
  rtt: number[] = [];
  weight: number[] = [];
  lossMs = 0;
  outageMs = 0;
  totalMs = 0;

  add(trace: LinkTrace, from: number, to: number, windowMs: number): void {
    const seg = new TraceSegment();
    let t = from;
    while (t < to) {
      const wEnd = Math.min(to, t + windowMs);
      const wStart = t;
      let down = 0, up = 0, rtt = 0;
      while (t < wEnd) {
        trace.locate(t, seg);
        if (!(seg.endMs > t)) throw new Error(`summary: trace segment does not advance at t=${t}`);
        const e = Math.min(seg.endMs, wEnd);
        const dt = e - t;
        down += seg.downKbps * dt;
        up += seg.upKbps * dt;
        rtt += seg.rttMs * dt;
        this.lossMs += seg.loss * dt;
        if (seg.downKbps === 0) this.outageMs += dt;
        t = e;
      }
      const w = wEnd - wStart;
      this.down.push(down / w);
      this.up.push(up / w);
      this.rtt.push(rtt / w);
      this.weight.push(w);
      this.totalMs += w;
    }
  }
}

/** Weighted p10/p50/p90 and mean of values. */
export function weightedStat(values: readonly number[], weights: readonly number[]): Stat {
  const idx = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  let total = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    total += weights[i]!;
    sum += values[i]! * weights[i]!;
  }
  const q = (p: number) => {
    let cum = 0;
    for (const i of idx) {
      cum += weights[i]!;
      if (cum >= p * total) return values[i]!;
    }
    return values[idx[idx.length - 1]!]!;
  };
  return { mean: total > 0 ? sum / total : NaN, p10: q(0.1), p50: q(0.5), p90: q(0.9) };
}

export function summarizeProfile(profile: NetworkProfile, opts: SampleOptions = {}): ProfileSummary {
  const acc = new Windows();
  let durationS: number | null = null;
  let sampled: ProfileSummary['sampled'] = null;
  let link: { jitterMs: number; burst: LinkTrace['burst'] };
  if (profile.kind === 'trace') {
    acc.add(profile.trace, 0, profile.trace.periodMs, SUMMARY_WINDOW_MS);
    durationS = profile.trace.periodMs / 1000;
    link = profile.trace;
  } else {
    const viewers = opts.viewers ?? 200;
    const durationMs = opts.durationMs ?? 600_000;
    const seed = opts.seed ?? 1;
    const streams = new RngStreams(seed);
    for (let v = 0; v < viewers; v++) acc.add(instantiate(profile, streams.stream(v, 'net-profile')), 0, durationMs, SUMMARY_WINDOW_MS);
    sampled = { viewers, durationS: durationMs / 1000, seed };
    link = profile.link;
  }
  const b = link.burst;
  const perSpan = sampled ? sampled.viewers : 1;
  return {
    name: profile.name,
    kind: profile.kind,
    title: profile.title,
    source: profile.source,
    durationS,
    wraps: profile.kind === 'trace' ? profile.trace.wrap : false,
    windowMs: SUMMARY_WINDOW_MS,
    downKbps: weightedStat(acc.down, acc.weight),
    upKbps: weightedStat(acc.up, acc.weight),
    rttMs: weightedStat(acc.rtt, acc.weight),
    lossRate: acc.lossMs / acc.totalMs,
    burstLossRate: b ? (b.enter / (b.enter + b.exit)) * b.lossInBurst : 0,
    jitterMs: link.jitterMs,
    outageS: acc.outageMs / 1000 / perSpan,
    outageShare: acc.outageMs / acc.totalMs,
    sampled,
  };
}
