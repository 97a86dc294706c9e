import { describe, expect, it } from 'vitest';
import { MMSYS20_LADDER_KBPS, resolvePlayerConfig } from '../config.ts';
import { BOLA_RULE, bolaMaxLevelS, bolaMinLevelS, bolaRung } from './bola.ts';
import { testPlayer } from './test-player.ts';

// The hand-worked case: ladder 200/600/1000 kbit/s, live delay 4 s → bufferTimeDefault 4 s,
// bufferTime = max(4, 10 + 2·3) = 16 s; u = [1, 1 + ln 3, 1 + ln 5]; gp = ln 5 / 0.6 = 2.682397;
// Vp = 10 / gp = 3.728010. Scores (Vp·(u_i − 1 + gp) − Q)/b_i cross where
//   rung 0 = rung 1:  Q = Vp·gp − Vp·ln 3 / 2                         = 10 − 2.047819 = 7.952181 s
//   rung 1 = rung 2:  Q = Vp·(10 ln 3 − 6 ln 5 + 4 gp) / 4                              = 11.239093 s
const cfg = resolvePlayerConfig({ ladderKbps: MMSYS20_LADDER_KBPS, targetLatencyMs: 4000 });
const Vp = 10 / (Math.log(5) / 0.6);
const gp = Math.log(5) / 0.6;
const q01 = 10 - (Vp * Math.log(3)) / 2;
const q12 = (Vp * (10 * Math.log(3) - 6 * Math.log(5) + 4 * gp)) / 4;

describe('BOLA equations on the hand-worked case', () => {
  it('the crossovers are 7.952 s and 11.239 s (by hand)', () => {
    expect(q01).toBeCloseTo(7.952181, 6);
    expect(q12).toBeCloseTo(11.239093, 6);
  });

  it.each([
    { Q: 0, rung: 0, reason: 'empty buffer: the lowest rung' },
    { Q: q01 - 0.001, rung: 0, reason: 'just below the first crossover' },
    { Q: q01 + 0.001, rung: 1, reason: 'just above it' },
    { Q: q12 - 0.001, rung: 1, reason: 'just below the second crossover' },
    { Q: q12 + 0.001, rung: 2, reason: 'just above it' },
    { Q: 16, rung: 2, reason: 'at bufferTime the top rung scores 0 and the others less' },
  ])('Q = $Q s → rung $rung ($reason)', ({ Q, rung }) => {
    expect(bolaRung(cfg, Q)).toBe(rung);
  });

  it("dash.js's min/max level helpers sit Vp above the score's crossovers (its quirk, kept)", () => {
    expect(bolaMinLevelS(cfg, 1)).toBeCloseTo(q01 + Vp, 9);
    expect(bolaMinLevelS(cfg, 0)).toBe(0);
    expect(bolaMaxLevelS(cfg, 2)).toBeCloseTo(Vp * (1 + Math.log(5) + gp), 9);
  });
});

describe('BOLA rule states (dash.js BolaRule)', () => {
  it('startup: no throughput yet → keeps the current rung', () => {
    const p = testPlayer({ ladderKbps: MMSYS20_LADDER_KBPS, rule: 'bola' }, { q: 2 });
    expect(BOLA_RULE.choose(p, 0, 500)).toBe(2);
  });

  it('startup: follows throughput, sets the placeholder so the rung holds, turns steady once a segment is buffered', () => {
    const p = testPlayer({ ladderKbps: MMSYS20_LADDER_KBPS, rule: 'bola' }, { throughputKbps: 800 }); // safe 720 → 600
    expect(BOLA_RULE.choose(p, 0, 500)).toBe(1);
    expect(p.bolaPlaceholderS).toBeCloseTo(bolaMinLevelS(cfg, 1) - 0.5, 9);
    expect(p.bolaSteady).toBe(0);
    BOLA_RULE.choose(p, 0, 1000);
    expect(p.bolaSteady).toBe(1);
  });

  it('steady: credits waits that no download explains to the placeholder buffer', () => {
    const p = testPlayer({ ladderKbps: MMSYS20_LADDER_KBPS, rule: 'bola' }, { throughputKbps: 5000, q: 0 });
    p.bolaSteady = 1;
    p.bolaLastMs = 0;
    // 5 s buffered + 3 s waited = 8 s effective: just past the 7.95 s crossover
    expect(BOLA_RULE.choose(p, 3000, 5000)).toBe(1);
    expect(p.bolaPlaceholderS).toBeCloseTo(3, 9);
  });

  it('BOLA-O: never climbs above what throughput affords unless already there', () => {
    const p = testPlayer({ ladderKbps: MMSYS20_LADDER_KBPS, rule: 'bola' }, { throughputKbps: 400, q: 0 }); // safe 360 → rung 0
    p.bolaSteady = 1;
    expect(BOLA_RULE.choose(p, 0, 15_000)).toBe(0); // equation alone says 2
    p.q = 1;
    expect(BOLA_RULE.choose(p, 0, 15_000)).toBe(1); // does not drop below the last rung
  });

  it('delays the next request when the buffer exceeds what the chosen (non-top) rung wants', () => {
    const p = testPlayer({ ladderKbps: MMSYS20_LADDER_KBPS, rule: 'bola', targetLatencyMs: 30_000, latencyHighMs: 40_000 }, { throughputKbps: 400, q: 0 });
    const c = p.cfg;
    p.bolaSteady = 1;
    expect(BOLA_RULE.choose(p, 0, 20_000)).toBe(0);
    expect(p.abrDelayMs).toBeCloseTo((20 - bolaMaxLevelS(c, 0)) * 1000, 6);
  });

  it('drops the placeholder on a stall (BUFFER_EMPTY) and restarts on a seek', () => {
    const p = testPlayer({ ladderKbps: MMSYS20_LADDER_KBPS, rule: 'bola' });
    p.bolaSteady = 1;
    p.bolaPlaceholderS = 4;
    BOLA_RULE.onStall(p);
    expect(p.bolaPlaceholderS).toBe(0);
    BOLA_RULE.onSeek(p);
    expect(p.bolaSteady).toBe(0);
  });
});
