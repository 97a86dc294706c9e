// A low-latency rule in the spirit of LoL+ (Lim et al., MMSys'20 challenge) and L2A-LL: it scores each rung
// by the Twitch NQoE terms (CALIBRATION.md §5) over a short horizon, predicting each download from the
// throughput estimate and, at the live edge, from when the segment will have been produced; a rung must not
// take the buffer below LoL+'s minimum (0.3 s) before it lands, and (as BOLA-O does for BOLA) it never
// climbs to a rung that would drain the buffer over the horizon. Not a port of either: no self-organising
// map, no Lagrangian; a transparent lookahead that a scenario can compare against dash.js's defaults.
import { safeThroughput } from './throughput.ts';
import type { AbrRule } from './types.ts';

/** L2A-LL's horizon (segments) and LoL+'s minimum buffer (s) (CALIBRATION.md §5). */
export const LOLP_HORIZON = 4;
export const LOLP_MIN_BUFFER_S = 0.3;
/** NQoE weights: γ = 0.005 while latency ≤ 1.1 s, else 0.01; μ = 0.02 per kbit/s switched. */
export const NQOE_GAMMA_LOW = 0.005;
export const NQOE_GAMMA_HIGH = 0.01;
export const NQOE_LATENCY_KNEE_S = 1.1;
export const NQOE_MU = 0.02;
/** NQoE.pdf's alternative μ "= 1 second if the bitrate switch is too important": the rule decides with it,
 *  since with μ = 0.02 a switch costs almost nothing and the choice follows every wobble of the estimate. */
export const NQOE_MU_IMPORTANT = 1;

export const LOLP_LITE_RULE: AbrRule = {
  id: 'lolp-lite',
  title: 'LoL+-style NQoE lookahead (horizon 4, min buffer 0.3 s)',
  choose(p, t, levelMs) {
    const cfg = p.cfg;
    const tp = safeThroughput(p);
    if (!(tp === tp)) return p.q;
    const S = cfg.segmentMs / 1000;
    const stallS = cfg.stallThresholdMs / 1000;
    const ladder = cfg.ladder;
    const bMax = ladder[ladder.length - 1]!;
    const prev = ladder[p.q]!;
    // a segment at the live edge cannot finish arriving before it has been produced
    const firstReadyS = Math.max(0, ((p.nextSeg + 1) * cfg.segmentMs - t) / 1000);
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < ladder.length; i++) {
      const b = ladder[i]!;
      const linkS = (b * S) / tp; // kbit / (kbit/s)
      let lvl = levelMs / 1000;
      let lat = (t - p.pos) / 1000;
      let score = -NQOE_MU_IMPORTANT * Math.abs(b - prev);
      let feasible = true;
      for (let h = 0; h < LOLP_HORIZON; h++) {
        const d = Math.max(linkS, h === 0 ? firstReadyS : firstReadyS > 0 ? S : 0);
        if (h === 0 && lvl - d < LOLP_MIN_BUFFER_S && i > 0) feasible = false;
        const rebuf = Math.max(0, d - (lvl - stallS));
        lvl = Math.max(stallS, lvl - d) + S;
        lat += rebuf;
        score += S * b - bMax * rebuf - (lat <= NQOE_LATENCY_KNEE_S ? NQOE_GAMMA_LOW : NQOE_GAMMA_HIGH) * lat;
      }
      if (b > prev && lvl < levelMs / 1000) feasible = false;
      if (feasible && score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best >= 0 ? best : 0;
  },
  onSegment() {},
  onStall() {},
  onSeek() {},
};
