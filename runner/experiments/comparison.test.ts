import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../engine/result.ts';
import { buildComparison, summariseRun } from './comparison.ts';
import type { RunSummary, RunTask } from './types.ts';

const timing = { wallMs: 0, workers: 1, computed: 0, resumed: 0 };
const input = { scenario: { name: 's', hash: 'h', file: 's.yaml' }, variants: ['baseline', 'b'], baseline: 'baseline', replications: 3, seed: 1, viewers: 10, durationMinutes: 5 };
const run = (label: string, rep: number, metrics: Record<string, number>): RunSummary => ({ label, rep, seed: 1 + rep, digest: '', metrics });

describe('buildComparison', () => {
  it('means and CIs per variant, paired differences against the baseline only', () => {
    const c = buildComparison(
      input,
      [
        [run('baseline', 0, { 'commerce.gmv': 10, 'funnel.paid': 1 }), run('baseline', 1, { 'commerce.gmv': 12, 'funnel.paid': 2 }), run('baseline', 2, { 'commerce.gmv': 11, 'funnel.paid': 3 })],
        [run('b', 0, { 'commerce.gmv': 12, 'funnel.paid': 1 }), run('b', 1, { 'commerce.gmv': 14, 'funnel.paid': 2 }), run('b', 2, { 'commerce.gmv': 13, 'funnel.paid': 3 })],
      ],
      timing,
    );
    const gmv = c.metrics.filter((m) => m.metric === 'commerce.gmv');
    expect(gmv[0]).toEqual({ metric: 'commerce.gmv', variant: 'baseline', mean: 11, ci95: [expect.any(Number), expect.any(Number)] });
    // every replication differs by exactly 2: a zero-width interval away from 0
    expect(gmv[1]).toMatchObject({ variant: 'b', mean: 13, diff: { mean: 2, ci95: [2, 2], significant: true } });
    expect(c.metrics.find((m) => m.metric === 'funnel.paid' && m.variant === 'b')!.diff).toEqual({ mean: 0, ci95: [0, 0], significant: false });
    expect(c.curves).toEqual([]);
    expect(c.partial).toBeUndefined();
  });

  it('a metric some replications lack: estimated over those that have it, and listed as partial', () => {
    const c = buildComparison(
      input,
      [
        [run('baseline', 0, {}), run('baseline', 1, {}), run('baseline', 2, {})],
        [run('b', 0, { 'marketing.alertPrecision': 1 }), run('b', 1, {}), run('b', 2, { 'marketing.alertPrecision': 0.5 })],
      ],
      timing,
    );
    expect(c.metrics).toEqual([{ metric: 'marketing.alertPrecision', variant: 'b', mean: 0.75, ci95: [expect.any(Number), expect.any(Number)] }]);
    expect(c.partial).toEqual([{ metric: 'marketing.alertPrecision', variant: 'b', n: 2 }]);
  });

  it('curves: per-variant means of the runs\' series, either survival shape', () => {
    const task = (label: string, rep: number): RunTask => ({ label, rep, seed: rep, hash: '', scenario: {} as RunTask['scenario'] });
    const result = (concurrent: number[], survival: unknown): RunResult =>
      ({ digest: 'd', commerce: { gmv: 1 }, detail: { binMs: 60_000, concurrent, gmv: [1, 2], survival: { all: survival } } }) as unknown as RunResult;
    const a = summariseRun(task('baseline', 0), result([2, 4], { n: 5, tSec: [0, 60], survival: [1, 0.5] }), true);
    const b = summariseRun(task('b', 0), result([4, 8], [{ t: 0, survival: 1 }, { t: 60_000, survival: 0.25 }]), true);
    const c = buildComparison({ ...input, replications: 1 }, [[a], [b]], timing);
    expect(c.curves!.map((k) => k.name)).toEqual(['concurrent', 'gmv', 'survival']);
    expect(c.curves![0]!.byVariant).toEqual({ baseline: { x: [1, 2], y: [2, 4] }, b: { x: [1, 2], y: [4, 8] } });
    expect(c.curves![1]!.byVariant.b).toEqual({ x: [1, 2], y: [1, 3] });
    expect(c.curves![2]!.byVariant).toEqual({ baseline: { x: [0, 1], y: [1, 0.5] }, b: { x: [0, 1], y: [1, 0.25] } });
  });
});
