import { describe, expect, it } from 'vitest';
import { InputError } from '../../engine/kernel/index.ts';
import { isMetricName } from './metrics.ts';
import { bestSettings, buildSweep, grid, parseObjective, parseParam, splitValues, sweepCsv } from './sweep.ts';
import type { RunSummary } from './types.ts';

const timing = { wallMs: 1, workers: 1, computed: 0, resumed: 0 };

describe('sweep parameters', () => {
  it('splits values at top-level commas only', () => {
    expect(splitValues('30, 60,90')).toEqual(['30', '60', '90']);
    expect(splitValues('[a, b],[c],"d,e",{x: 1, y: 2}')).toEqual(['[a, b]', '[c]', '"d,e"', '{x: 1, y: 2}']);
  });

  it('reads each value as YAML', () => {
    expect(parseParam('strategy.promoTiming.countdownSeconds.peak=30,60,90')).toEqual({ path: 'strategy.promoTiming.countdownSeconds.peak', values: [30, 60, 90] });
    expect(parseParam('strategy.preset=baseline,full')).toEqual({ path: 'strategy.preset', values: ['baseline', 'full'] });
    expect(parseParam('strategy.funnel.enabled=true,false').values).toEqual([true, false]);
    expect(parseParam('x=[1,2],[3]').values).toEqual([[1, 2], [3]]);
  });

  it('rejects a spec without path or values', () => {
    for (const bad of ['nopath', '=1,2', 'a=', 'a=1,,2']) expect(() => parseParam(bad)).toThrow(InputError);
  });

  it('enumerates the grid, the last parameter fastest', () => {
    const g = grid([
      { path: 'a', values: [1, 2] },
      { path: 'b', values: ['x', 'y', 'z'] },
    ]);
    expect(g).toEqual([
      { a: 1, b: 'x' }, { a: 1, b: 'y' }, { a: 1, b: 'z' },
      { a: 2, b: 'x' }, { a: 2, b: 'y' }, { a: 2, b: 'z' },
    ]);
    expect(grid([])).toEqual([{}]);
  });

  it('objectives: metric[:max|min], checked against the result schema', () => {
    expect(parseObjective('commerce.gmv', isMetricName)).toEqual({ metric: 'commerce.gmv', direction: 'max' });
    expect(parseObjective('qoe.startupMs.p95:min', isMetricName)).toEqual({ metric: 'qoe.startupMs.p95', direction: 'min' });
    expect(parseObjective('qoe.byNetwork.3g.meanWatchSeconds:max', isMetricName).metric).toBe('qoe.byNetwork.3g.meanWatchSeconds');
    for (const bad of ['commerce.gmw', 'engine.wallMs', 'commerce.gmv:up', 'seed']) expect(() => parseObjective(bad, isMetricName)).toThrow(InputError);
  });
});

const run = (label: string, rep: number, metrics: Record<string, number>): RunSummary => ({ label, rep, seed: rep, digest: `${label}${rep}`, metrics });

describe('best setting', () => {
  // three settings × three replications; s1 has the highest gmv, s2 the lowest startup
  const runs = [
    [run('s0', 0, { 'commerce.gmv': 10, 'qoe.startupMs.p95': 900 }), run('s0', 1, { 'commerce.gmv': 12, 'qoe.startupMs.p95': 950 }), run('s0', 2, { 'commerce.gmv': 11, 'qoe.startupMs.p95': 920 })],
    [run('s1', 0, { 'commerce.gmv': 20, 'qoe.startupMs.p95': 800 }), run('s1', 1, { 'commerce.gmv': 23, 'qoe.startupMs.p95': 820 }), run('s1', 2, { 'commerce.gmv': 21, 'qoe.startupMs.p95': 790 })],
    [run('s2', 0, { 'commerce.gmv': 10, 'qoe.startupMs.p95': 500 }), run('s2', 1, { 'commerce.gmv': 12, 'qoe.startupMs.p95': 510 }), run('s2', 2, { 'commerce.gmv': 11, 'qoe.startupMs.p95': 490 })],
  ];
  const s = buildSweep(
    {
      scenario: { name: 't', hash: 'h', file: 't.yaml' },
      params: [{ path: 'p', values: [1, 2, 3] }],
      settings: [{ p: 1 }, { p: 2 }, { p: 3 }],
      replications: 3,
      seed: 0,
      viewers: 10,
      durationMinutes: 1,
      objectives: [{ metric: 'commerce.gmv', direction: 'max' }, { metric: 'qoe.startupMs.p95', direction: 'min' }],
    },
    runs,
    timing,
  );

  it('picks the best mean per objective, with the paired difference to the runner-up', () => {
    expect(s.best[0]).toMatchObject({ objective: 'commerce.gmv', direction: 'max', label: 's1', overrides: { p: 2 }, mean: 64 / 3 });
    // runner-up: s0 and s2 tie on gmv (mean 11): grid order keeps s0; differences 10, 11, 10
    expect(s.best[0]!.runnerUp).toMatchObject({ label: 's0', mean: 11, diff: { mean: 31 / 3, significant: true } });
    expect(s.best[1]).toMatchObject({ objective: 'qoe.startupMs.p95', direction: 'min', label: 's2', mean: 500 });
    expect(s.best[1]!.runnerUp!.label).toBe('s1');
  });

  it('ranks ties in grid order', () => {
    expect(bestSettings(s.settings, { metric: 'commerce.gmv', direction: 'min' })).toEqual([0, 2, 1]);
  });

  it('writes one CSV row per setting: parameters, then mean and CI of each metric', () => {
    const lines = sweepCsv(s).trimEnd().split('\n');
    expect(lines[0]).toBe('setting,p,commerce.gmv,commerce.gmv.ci95.lo,commerce.gmv.ci95.hi,qoe.startupMs.p95,qoe.startupMs.p95.ci95.lo,qoe.startupMs.p95.ci95.hi');
    expect(lines).toHaveLength(4);
    expect(lines[2]!.startsWith(`s1,2,${64 / 3},`)).toBe(true);
  });
});
