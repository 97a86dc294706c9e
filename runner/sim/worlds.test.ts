// Worlds of one audience give each variant exactly the run it gets alone: the same result.json bytes
// (but the engine figures) and the same digest, for the small show's two strategies and for a shipped
// scenario where viewers leave at different times in the two worlds (so a player plays on after one
// world's viewer left, and the steps due at such a leave run early).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../engine/result.ts';
import { resolveScenario } from '../scenario-input.ts';
import { simulate } from './simulate.ts';
import { audienceKey, simulateWorlds } from './worlds.ts';

const strip = (r: RunResult) => JSON.stringify({ ...r, engine: null });

async function variants(file: string, names: readonly string[], overrides: { viewers?: string; duration?: string } = {}) {
  return Promise.all(names.map(async (variant) => ({ variant, scenario: (await resolveScenario(path.resolve(file), { variant, ...overrides })).scenario })));
}

describe('simulateWorlds', () => {
  it('gives each variant of the small show its own run, byte for byte', async () => {
    const runs = await variants('test/fixtures/small-show.yaml', ['baseline', 'full']);
    const together = simulateWorlds(runs);
    for (const [w, r] of runs.entries()) {
      const alone = await simulate(r.scenario, { workers: 1, variant: r.variant });
      expect(together[w]!.digest).toBe(alone.digest);
      expect(strip(together[w]!)).toBe(strip(alone));
      expect(together[w]!.engine.events).toBe(alone.engine.events);
    }
    expect(together[0]!.digest).not.toBe(together[1]!.digest);
  });

  it('does so where the two strategies keep viewers for different times (beauty-propensity, 1,500 viewers, 25 min)', async () => {
    const runs = await variants('scenarios/beauty-propensity.yaml', ['baseline', 'propensity'], { viewers: '1500', duration: '25m' });
    const together = simulateWorlds(runs);
    const alone = await Promise.all(runs.map((r) => simulate(r.scenario, { workers: 1, variant: r.variant })));
    for (let w = 0; w < runs.length; w++) expect(strip(together[w]!)).toBe(strip(alone[w]!));
    // the two worlds did differ in who stayed how long (else nothing above was exercised)
    const watched = (r: RunResult) => r.viewers.meanWatchSeconds;
    expect(watched(together[0]!)).not.toBe(watched(together[1]!));
  });

  it('keeps the other world exact when a viewer leaves one world with a player step due (steps run early)', async () => {
    const runs = await variants('test/fixtures/small-show.yaml', ['baseline', 'full']);
    // world 0's agent of every 5th viewer is stopped as its player's 40th step falls due
    const steps = new Map<number, number>();
    let stopped = 0;
    const together = simulateWorlds(runs, {
      leaveBeforeStep: (viewer, world) => {
        if (world !== 0 || viewer % 5 !== 0) return false;
        const n = (steps.get(viewer) ?? 0) + 1;
        steps.set(viewer, n);
        if (n === 40) stopped++;
        return n === 40;
      },
    });
    expect(stopped).toBeGreaterThan(20);
    const alone = await simulate(runs[1]!.scenario, { workers: 1, variant: runs[1]!.variant });
    expect(strip(together[1]!)).toBe(strip(alone));
    const baseline = await simulate(runs[0]!.scenario, { workers: 1, variant: runs[0]!.variant });
    expect(together[0]!.viewers.meanWatchSeconds).toBeLessThan(baseline.viewers.meanWatchSeconds);
  });

  it('refuses runs that do not share an audience', async () => {
    const [a] = await variants('test/fixtures/small-show.yaml', ['full']);
    const b = { ...a!, scenario: { ...a!.scenario, seed: a!.scenario.seed + 1 } };
    expect(audienceKey(a!.scenario)).not.toBe(audienceKey(b.scenario));
    expect(() => simulateWorlds([a!, b])).toThrow(/does not share/);
  });
});
