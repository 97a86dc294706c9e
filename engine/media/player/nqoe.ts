// NQoE per segment (Twitch challenge NQoE.pdf, CALIBRATION.md §5), charged as segments complete: α = segment
// s, β = top rung, γ by latency, σ = bottom rung, μ per kbit/s switched; a run's or a window's segments
// share the latency and rate of their completion.
import { NQOE_GAMMA_HIGH, NQOE_GAMMA_LOW, NQOE_LATENCY_KNEE_S, NQOE_MU } from '../abr/lolp-lite.ts';
import type { Player } from './state.ts';

/** Charges g segments of the transfer in flight (rung p.dlQ) that have landed by t. */
export function chargeSegments(p: Player, t: number, g: number): void {
  const cfg = p.cfg;
  const ladder = cfg.ladder;
  const R = ladder[p.dlQ]!;
  const E = (p.stallMs - p.stallMsAtSeg) / 1000;
  const L = (t - p.pos) / 1000;
  p.nqoeSum +=
    g * ((cfg.segmentMs / 1000) * R - (L <= NQOE_LATENCY_KNEE_S ? NQOE_GAMMA_LOW : NQOE_GAMMA_HIGH) * L - ladder[0]! * Math.abs(1 - p.rate)) -
    ladder[ladder.length - 1]! * E;
  if (p.prevSegQ >= 0) p.nqoeSum -= NQOE_MU * Math.abs(R - ladder[p.prevSegQ]!);
  p.prevSegQ = p.dlQ;
  p.stallMsAtSeg = p.stallMs;
}
