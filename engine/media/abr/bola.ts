// BOLA as dash.js implements it (BolaRule.js, v5.1.1; CALIBRATION.md §5). With utilities u_i = ln(b_i/b_0) + 1,
// bufferTime = max(bufferTimeDefault, 10 + 2·N) s, gp = (u_max − 1)/(bufferTime/10 − 1), Vp = 10/gp, the rung
// for buffer Q (s) is argmax_i (Vp·(u_i − 1 + gp) − Q) / b_i, ties to the higher rung. Around the equations:
// a startup state that follows throughput until one segment is buffered; a placeholder buffer that credits
// non-network waits (the live edge) so BOLA is not starved by a short live buffer; BOLA-O, which never
// climbs above what throughput affords unless it was already there; and a request delay when the buffer
// holds more than the chosen rung wants.
import type { ResolvedPlayerConfig } from '../config.ts';
import type { Player } from '../player/state.ts';
import { rungForBitrate, safeThroughput } from './throughput.ts';
import type { AbrRule } from './types.ts';

/** dash.js PLACEHOLDER_BUFFER_DECAY: the placeholder shrinks 1 % per segment */
export const PLACEHOLDER_BUFFER_DECAY = 0.99;

/** BOLA's rung for buffer level Q seconds (the equation alone). */
export function bolaRung(cfg: ResolvedPlayerConfig, levelS: number): number {
  const { ladder, utilities: u, bolaVp: Vp, bolaGp: gp } = cfg;
  let best = 0;
  let score = -Infinity;
  for (let i = 0; i < ladder.length; i++) {
    const s = (Vp * (u[i]! - 1 + gp) - levelS) / ladder[i]!;
    if (s >= score) {
      score = s;
      best = i;
    }
  }
  return best;
}

// dash.js's two helpers below use u + gp where the score uses u − 1 + gp, so their levels sit Vp seconds
// above the score's own crossovers; kept as dash.js has them (bola.test.ts shows both).

/** The buffer level (s) above which BOLA would rather wait than download rung q. */
export function bolaMaxLevelS(cfg: ResolvedPlayerConfig, q: number): number {
  return cfg.bolaVp * (cfg.utilities[q]! + cfg.bolaGp);
}

/** The lowest buffer level (s) at which BOLA prefers rung q to every lower rung. */
export function bolaMinLevelS(cfg: ResolvedPlayerConfig, q: number): number {
  const { ladder: b, utilities: u, bolaVp: Vp, bolaGp: gp } = cfg;
  let min = 0;
  for (let i = q - 1; i >= 0; i--) {
    if (u[i]! < u[q]!) {
      const level = Vp * (gp + (b[q]! * u[i]! - b[i]! * u[q]!) / (b[q]! - b[i]!));
      if (level > min) min = level;
    }
  }
  return min;
}

export const BOLA_RULE: AbrRule = {
  id: 'bola',
  title: 'BOLA (dash.js equations, placeholder buffer, BOLA-O)',
  choose(p, t, levelMs) {
    const cfg = p.cfg;
    const n = cfg.ladder.length;
    if (n === 1) return 0;
    const levelS = levelMs / 1000;
    const tp = safeThroughput(p);
    if (p.bolaSteady === 0) {
      if (!(tp === tp)) return p.q;
      const q = rungForBitrate(cfg.ladder, tp);
      p.bolaPlaceholderS = Math.max(0, bolaMinLevelS(cfg, q) - levelS);
      if (p.segments > 0 && levelMs >= cfg.segmentMs) p.bolaSteady = 1;
      return q;
    }
    // credit the time since the last segment (or call) that no download explains
    if (p.bolaLastMs === p.bolaLastMs) p.bolaPlaceholderS += Math.max(0, (t - p.bolaLastMs) / 1000);
    p.bolaLastMs = t;
    let q = bolaRung(cfg, levelS + p.bolaPlaceholderS);
    // BOLA-O: only intervene when climbing to a rung throughput cannot sustain; never drop below the last
    const qt = tp === tp ? rungForBitrate(cfg.ladder, tp) : 0;
    if (q > p.q && q > qt) q = qt > p.q ? qt : p.q;
    let delayS = Math.max(0, levelS + p.bolaPlaceholderS - bolaMaxLevelS(cfg, q));
    if (delayS <= p.bolaPlaceholderS) {
      p.bolaPlaceholderS -= delayS;
    } else {
      delayS -= p.bolaPlaceholderS;
      p.bolaPlaceholderS = 0;
      if (q !== n - 1) p.abrDelayMs = delayS * 1000;
    }
    return q;
  },
  onSegment(p, t, levelMs) {
    // dash.js _checkNewSegment: decay, then no more placeholder than the rung just loaded could use
    const cfg = p.cfg;
    if (cfg.ladder.length > 1) {
      p.bolaPlaceholderS *= PLACEHOLDER_BUFFER_DECAY;
      const atRequestS = levelMs / 1000 + (t - p.dlReqMs) / 1000;
      p.bolaPlaceholderS = Math.min(p.bolaPlaceholderS, Math.max(0, bolaMaxLevelS(cfg, p.dlQ) - atRequestS));
    }
    p.bolaLastMs = t;
  },
  onStall(p) {
    if (p.bolaSteady === 1) p.bolaPlaceholderS = 0;
  },
  onSeek(p) {
    p.bolaSteady = 0;
    p.bolaPlaceholderS = 0;
    p.bolaLastMs = NaN;
  },
};
