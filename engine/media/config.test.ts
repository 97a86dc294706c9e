import { describe, expect, it } from 'vitest';
import { InputError } from '../kernel/index.ts';
import { MMSYS20_LADDER_KBPS, PLAYER_DEFAULTS, resolvePlayerConfig, type PlayerConfig } from './config.ts';

describe('player config', () => {
  it('resolves the defaults: 1 s segments in 5 parts, dash.js initial 1000 kbit/s → the 730k rung', () => {
    const c = resolvePlayerConfig();
    expect([c.partsPerSegment, c.initialRung, c.ladder[c.initialRung]]).toEqual([5, 2, 730]);
    expect(c.bufferTimeDefaultMs).toBe(4000); // min(18 s, live delay 4 s)
  });

  it('precomputes BOLA: bufferTime = max(default, 10 + 2N), gp = (u_max − 1)/(bufferTime/10 − 1), Vp = 10/gp', () => {
    const c = resolvePlayerConfig({ ladderKbps: MMSYS20_LADDER_KBPS });
    // N = 3 → bufferTime 16 s; u_max = 1 + ln 5
    expect(c.bolaGp).toBeCloseTo(Math.log(5) / 0.6, 12);
    expect(c.bolaVp).toBeCloseTo(10 / (Math.log(5) / 0.6), 12);
    expect([...c.utilities]).toEqual([1, 1 + Math.log(3), 1 + Math.log(5)]);
  });

  it.each([
    { patch: { ladderKbps: [] }, path: 'player.ladderKbps', reason: 'an empty ladder' },
    { patch: { ladderKbps: [600, 200] }, path: 'player.ladderKbps[1]', reason: 'a ladder out of order' },
    { patch: { segmentMs: 1000, partMs: 300 }, path: 'player.segmentMs', reason: 'parts that do not divide the segment' },
    { patch: { rebufferGoalMs: 100 }, path: 'player.rebufferGoalMs', reason: 'resuming below the stall threshold' },
    { patch: { rule: 'mpc' }, path: 'player.rule', reason: 'an unknown rule' },
    { patch: { catchupMaxRate: 2 }, path: 'player.catchupMaxRate', reason: 'beyond dash.js limits' },
    { patch: { latencyHighMs: 1000 }, path: 'player.latencyHighMs', reason: 'an alarm under the target' },
  ])('rejects $reason at $path', ({ patch, path }) => {
    let err: unknown;
    try {
      resolvePlayerConfig(patch as Partial<PlayerConfig>);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map((p) => p.path)).toContain(path);
  });

  it('keeps its defaults frozen in one place', () => {
    expect(PLAYER_DEFAULTS.stallThresholdMs).toBe(300);
    expect(PLAYER_DEFAULTS.maxDriftMs).toBe(12_000);
    expect(PLAYER_DEFAULTS.rule).toBe('dynamic');
  });
});
