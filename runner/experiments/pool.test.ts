// How the pool batches shows: the variants of one replication (same audience) go together, up to
// MAX_WORLDS, other seeds or audiences apart, and a lone batch is split when workers would sit idle.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenarios/schema/index.ts';
import { resolveScenario } from '../scenario-input.ts';
import { batchJobs, MAX_WORLDS, type PoolJob } from './pool.ts';

const base = (await resolveScenario(path.resolve('test/fixtures/small-show.yaml'), {})).scenario;
const job = (label: string, over: Partial<Scenario> = {}): PoolJob => ({ label, scenario: { ...base, ...over } });

describe('batchJobs', () => {
  it('puts the variants of each replication together, and replications apart', () => {
    const jobs = [0, 1, 2].flatMap((rep) => [job('baseline', { seed: 1 + rep, strategy: { ...base.strategy, preset: 'baseline' } }), job('full', { seed: 1 + rep })]);
    expect(batchJobs(jobs, 2)).toEqual([[0, 1], [2, 3], [4, 5]]);
  });

  it('keeps shows with another audience or network apart', () => {
    const other = { ...base.audience, size: base.audience.size + 1 };
    const jobs = [job('a'), job('b', { audience: other }), job('c', { network: { ...base.network, mix: [{ profile: '3g', share: 1 }] } }), job('d')];
    expect(batchJobs(jobs, 1)).toEqual([[0, 3], [1], [2]]);
  });

  it(`holds at most ${MAX_WORLDS} worlds per batch`, () => {
    const jobs = Array.from({ length: MAX_WORLDS + 2 }, (_, i) => job(`v${i}`));
    const batches = batchJobs(jobs, 1);
    expect(batches.map((b) => b.length)).toEqual([MAX_WORLDS, 2]);
    expect(batches.flat()).toEqual(jobs.map((_, i) => i));
  });

  it('splits batches while there are fewer than workers', () => {
    const jobs = [job('a'), job('b'), job('c'), job('d')];
    expect(batchJobs(jobs, 1)).toEqual([[0, 1, 2, 3]]);
    expect(batchJobs(jobs, 2)).toEqual([[0, 1], [2, 3]]);
    expect(batchJobs(jobs, 8)).toEqual([[0], [1], [2], [3]]);
  });
});
