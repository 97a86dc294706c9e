// A viewer's QoE as a run reports it: startup, rebuffering, bitrate, switches, latency to live (mean and
// p95 over the time since the first frame), and the Twitch challenge's NQoE per segment, normalised so that
// 1 means the top rung throughout with no stall, no switch and no rate change.
import { PHASE, type Player } from '../player/state.ts';
import { latencyQuantile } from './latency-histogram.ts';

export interface QoeSummary {
  viewer: number;
  /** first frame − join (NaN if playback never started) */
  startupMs: number;
  stalls: number;
  rebufferMs: number;
  /** rebuffering ÷ (rebuffering + playing), after the first frame */
  rebufferRatio: number;
  /** bitrate on screen, weighted by media played */
  meanBitrateKbps: number;
  /** rendition changes on screen */
  switches: number;
  latencyMeanMs: number;
  latencyP95Ms: number;
  seeks: number;
  segments: number;
  nqoe: number;
  nqoeRaw: number;
  /** time since join the summary covers */
  sessionMs: number;
}

export function qoeOf(p: Player): QoeSummary {
  const cfg = p.cfg;
  const started = p.firstFrameMs === p.firstFrameMs;
  const busy = p.playMs + p.stallMs;
  return {
    viewer: p.viewer,
    startupMs: started ? p.firstFrameMs - p.joinMs : NaN,
    stalls: p.stalls,
    rebufferMs: p.stallMs,
    rebufferRatio: busy > 0 ? p.stallMs / busy : started ? 0 : NaN,
    meanBitrateKbps: p.mediaPlayedMs > 0 ? p.bitrateMediaMs / p.mediaPlayedMs : NaN,
    switches: p.switches,
    latencyMeanMs: p.latencyTimeMs > 0 ? p.latencyIntegral / p.latencyTimeMs : NaN,
    latencyP95Ms: latencyQuantile(p.hist, p.hb, 0.95),
    seeks: p.seeks,
    segments: p.segments,
    nqoe: p.segments > 0 ? p.nqoeSum / (p.segments * (cfg.segmentMs / 1000) * cfg.ladder[cfg.ladder.length - 1]!) : NaN,
    nqoeRaw: p.nqoeSum,
    sessionMs: p.now - p.joinMs,
  };
}

export function isEnded(p: Player): boolean {
  return p.phase === PHASE.ended;
}
