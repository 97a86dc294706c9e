// `livelab compare` and `livelab sweep` end to end on tiny shows (200 viewers × 10 minutes): common
// random numbers, worker-count independence, resume after an interruption, and bad input (exit 2,
// located message, nothing written). In process through main() except for Ctrl-C (spawned).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../runner/cli.ts';
import type { Comparison } from '../../runner/experiments/comparison.ts';
import type { SweepResult } from '../../runner/experiments/types.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let tmp: string;

const SCENARIO = `
name: tiny
seed: 9
show:
  durationMinutes: 10
  startTime: "20:00"
  timeline:
    - { type: segment, at: "00:00", category: beauty }
    - { type: pitch, at: "01:00", category: beauty }
    - { type: flashsale, at: "03:00", category: beauty, discount: 0.3, stock: 50, durationMinutes: 2 }
    - { type: pitch, at: "06:00", category: beauty }
catalog:
  generate:
    categories:
      - { category: beauty, count: 12 }
audience:
  size: 200
  arrivals:
    - { name: main, duration: 10, rate: 20 }
strategy:
  preset: full
variants:
  baseline:
    strategy.preset: baseline
  same:
    strategy.preset: baseline   # identical to the baseline
  full: {}
`;

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'livelab', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), setExitCode: () => {} });
  return { code, out: out.join(''), err: err.join('\n') };
}

const readJson = <T>(f: string): T => JSON.parse(readFileSync(f, 'utf8')) as T;
const withoutTiming = <T extends { timing?: unknown }>(x: T): Omit<T, 'timing'> => {
  const { timing: _t, ...rest } = x;
  return rest;
};

let file: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'livelab-compare-'));
  file = path.join(tmp, 'tiny.yaml');
  writeFileSync(file, SCENARIO);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('livelab compare', () => {
  let inThread: Comparison;

  it('common random numbers: a variant identical to the baseline differs by exactly 0 in every metric', async () => {
    const dir = path.join(tmp, 'w1');
    const r = await cli('compare', file, '--replications', '3', '--workers', '1', '--out', dir, '--no-report', '--no-progress');
    expect(r.code, r.err).toBe(0);
    inThread = readJson<Comparison>(path.join(dir, 'comparison.json'));
    expect(inThread.variants).toEqual(['baseline', 'same', 'full']);
    expect(inThread.curves!.map((c) => c.name)).toEqual(['concurrent', 'gmv', 'survival']);
    expect(inThread.runs.map((x) => `${x.variant}#${x.rep}@${x.seed}`)).toEqual(['baseline#0@9', 'baseline#1@10', 'baseline#2@11', 'same#0@9', 'same#1@10', 'same#2@11', 'full#0@9', 'full#1@10', 'full#2@11']);
    const same = inThread.metrics.filter((m) => m.variant === 'same');
    const base = new Map(inThread.metrics.filter((m) => m.variant === 'baseline').map((m) => [m.metric, m]));
    expect(same.length).toBeGreaterThan(40);
    expect(same.length).toBe(base.size);
    for (const m of same) {
      expect(m.diff, m.metric).toEqual({ mean: 0, ci95: [0, 0], significant: false });
      expect(m.mean, m.metric).toBe(base.get(m.metric)!.mean);
    }
    // the same viewers in every variant: identical digests for the identical variant
    const digests = (v: string) => inThread.runs.filter((x) => x.variant === v).map((x) => x.digest);
    expect(digests('same')).toEqual(digests('baseline'));
    // the table: key metrics first, the baseline column, the paired difference
    expect(r.out).toMatch(/^tiny: baseline vs same vs full, 3 replication\(s\) of 200 viewers × 10 min \(seeds 9…11\)/);
    expect(r.out.split('\n')[1]).toMatch(/^metric\s+baseline\s+same\s+Δ same\s+full\s+Δ full$/);
    expect(r.out.split('\n')[3]).toMatch(/^commerce\.gmv /);
    expect(readdirSync(path.join(dir, 'runs')).sort()).toEqual(['baseline-0.json', 'baseline-1.json', 'baseline-2.json', 'full-0.json', 'full-1.json', 'full-2.json', 'same-0.json', 'same-1.json', 'same-2.json']);
  });

  it('the worker count changes nothing but the timing', async () => {
    const dir = path.join(tmp, 'w3');
    const r = await cli('compare', file, '--replications', '3', '--workers', '3', '--out', dir, '--no-report', '--no-progress');
    expect(r.code, r.err).toBe(0);
    const c = readJson<Comparison>(path.join(dir, 'comparison.json'));
    expect(c.timing.workers).toBe(3);
    expect(withoutTiming(c)).toEqual(withoutTiming(inThread));
    // and each run file is the same result but for the engine's wall-clock figures
    const run = (d: string) => {
      const { engine: _e, ...rest } = readJson<Record<string, unknown>>(path.join(tmp, d, 'runs', 'full-1.json'));
      return rest;
    };
    expect(run('w3')).toEqual(run('w1'));
  });

  it('--resume recomputes only missing runs and gives the same comparison', async () => {
    const dir = path.join(tmp, 'resumed');
    expect((await cli('compare', file, '--replications', '2', '--workers', '1', '--out', dir, '--no-report', '--no-progress')).code).toBe(0);
    // a third replication, and a lost run: the resume fills both in
    rmSync(path.join(dir, 'runs', 'same-0.json'));
    const r = await cli('compare', '--resume', dir, '--replications', '3', '--workers', '2', '--no-report', '--no-progress');
    expect(r.code, r.err).toBe(0);
    const c = readJson<Comparison>(path.join(dir, 'comparison.json'));
    expect(c.timing).toMatchObject({ computed: 4, resumed: 5 });
    expect(withoutTiming(c)).toEqual(withoutTiming(inThread));
  });

  it('Ctrl-C keeps the finished runs; --resume finishes the same comparison', async () => {
    const dir = path.join(tmp, 'interrupted');
    const args = [`${ROOT}bin/livelab.mjs`, 'compare', file, '--replications', '3', '--workers', '1', '--out', dir, '--no-report'];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const runs = path.join(dir, 'runs');
    for (let i = 0; i < 600; i++) {
      if (existsSync(runs) && readdirSync(runs).filter((f) => f.endsWith('.json')).length >= 2) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGINT');
    const code = await exited;
    const saved = readdirSync(runs).filter((f) => f.endsWith('.json')).length;
    // 7 runs were still to do (one at a time) when the signal came: it must have been interrupted
    expect(code, stderr).toBe(130);
    expect(stderr).toContain(`continue with: livelab compare --resume ${dir}`);
    expect(existsSync(path.join(dir, 'comparison.json'))).toBe(false);
    expect(saved).toBeGreaterThanOrEqual(2);
    expect(saved).toBeLessThan(9);
    const r = await cli('compare', '--resume', dir, '--workers', '1', '--no-report', '--no-progress');
    expect(r.code, r.err).toBe(0);
    const c = readJson<Comparison>(path.join(dir, 'comparison.json'));
    expect(c.timing.resumed).toBe(saved);
    expect(withoutTiming(c)).toEqual(withoutTiming(inThread));
  });

  it('writes comparison.html when the reports module is there', async () => {
    const dir = path.join(tmp, 'html');
    const r = await cli('compare', file, '--replications', '2', '--workers', '1', '--variants', 'full,baseline', '--out', dir, '--no-progress');
    expect(r.code, r.err).toBe(0);
    const c = readJson<Comparison>(path.join(dir, 'comparison.json'));
    expect(c).toMatchObject({ variants: ['full', 'baseline'], baseline: 'baseline' });
    if (existsSync(path.join(ROOT, 'reports', 'index.ts'))) expect(readFileSync(path.join(dir, 'comparison.html'), 'utf8')).toContain('<html');
  });
});

describe('livelab sweep', () => {
  it('runs the grid and picks the best setting per objective', async () => {
    const dir = path.join(tmp, 'sweep');
    const r = await cli('sweep', file, '--param', 'audience.size=100,200', '--param', 'strategy.preset=baseline,full', '--objective', 'viewers.arrived:max', '--objective', 'viewers.arrived:min', '--replications', '2', '--workers', '2', '--out', dir, '--no-progress');
    expect(r.code, r.err).toBe(0);
    const s = readJson<SweepResult>(path.join(dir, 'sweep.json'));
    expect(s.settings.map((x) => x.overrides)).toEqual([
      { 'audience.size': 100, 'strategy.preset': 'baseline' },
      { 'audience.size': 100, 'strategy.preset': 'full' },
      { 'audience.size': 200, 'strategy.preset': 'baseline' },
      { 'audience.size': 200, 'strategy.preset': 'full' },
    ]);
    expect(s.best.map((b) => [b.objective, b.direction, b.label])).toEqual([
      ['viewers.arrived', 'max', 's2'],
      ['viewers.arrived', 'min', 's0'],
    ]);
    const csv = readFileSync(path.join(dir, 'sweep.csv'), 'utf8').trimEnd().split('\n');
    expect(csv).toHaveLength(5);
    expect(csv[0]!.startsWith('setting,audience.size,strategy.preset,commerce.gmv,commerce.gmv.ci95.lo,commerce.gmv.ci95.hi,')).toBe(true);
    expect(csv[3]!.startsWith('s2,200,baseline,')).toBe(true);
    expect(r.out).toContain('best max viewers.arrived: s2 (audience.size=200 strategy.preset=baseline)');
    // sweep.html: the best per objective, the grid, a chart of the objective against the parameters
    const html = readFileSync(path.join(dir, 'sweep.html'), 'utf8');
    expect(html).toContain('<tr data-objective="viewers.arrived" data-best="s2">');
    expect(html).toContain('<tr data-objective="viewers.arrived" data-best="s0">');
    expect(html.match(/<tr data-setting="s\d">/g)).toHaveLength(4);
    expect(html).toContain('data-chart="sweep-viewers-arrived"');
    expect(html).not.toContain('data-error');
    expect(r.err).toContain(`wrote ${path.join(dir, 'sweep.json')}, ${path.join(dir, 'sweep.csv')}, ${path.join(dir, 'sweep.html')}`);
  });
});

describe('livelab sweep --resume', () => {
  it('recomputes only the missing runs and gives the same sweep.json for another worker count', async () => {
    const args = ['--param', 'strategy.preset=baseline,full', '--replications', '2', '--viewers', '120', '--no-progress', '--no-report'];
    const whole = path.join(tmp, 'sweep-whole');
    expect((await cli('sweep', file, ...args, '--workers', '1', '--out', whole)).code).toBe(0);
    const part = path.join(tmp, 'sweep-part');
    expect((await cli('sweep', file, ...args, '--workers', '2', '--out', part)).code).toBe(0);
    rmSync(path.join(part, 'runs', 's1-0.json'));
    rmSync(path.join(part, 'sweep.json'));
    const r = await cli('sweep', '--resume', part, '--workers', '2', '--no-progress', '--no-report');
    expect(r.code, r.err).toBe(0);
    const a = readJson<SweepResult>(path.join(whole, 'sweep.json'));
    const b = readJson<SweepResult>(path.join(part, 'sweep.json'));
    expect(b.timing).toMatchObject({ computed: 1, resumed: 3, workers: 2 });
    expect(withoutTiming(b)).toEqual(withoutTiming(a));
    expect(readFileSync(path.join(part, 'sweep.csv'), 'utf8')).toBe(readFileSync(path.join(whole, 'sweep.csv'), 'utf8'));
  });
});

describe('bad input: exit 2, the located message, nothing written', () => {
  const cases: [string, string[], RegExp][] = [
    ['replications', ['compare', '--replications', '0'], /^error: --replications: expected an integer from 1 to 10000, got "0"$/m],
    ['workers', ['compare', '--workers', 'many'], /^error: --workers: expected an integer from 1 to 64, got "many"$/m],
    ['variant name', ['compare', '--variants', 'baseline,ful'], /^error: .*tiny\.yaml --variants: expected a comma-separated list of the scenario's variants \(baseline, same, full\), got "ful" \(did you mean 'full'\?\)$/m],
    ['viewers', ['compare', '--viewers', '-5'], /^error: .*--viewers: expected an integer ≥ 1, got "-5"$/m],
    ['resume folder', ['compare', '--resume', 'nowhere'], /^error: --resume: expected a folder written by livelab compare \(with experiment\.json\), got "nowhere"/m],
    ['sweep path', ['sweep', '--param', 'strategy.promoTiming.countdown.peak=30,60'], /^error: .*tiny\.yaml --param strategy\.promoTiming\.countdown\.peak=30 \(strategy\.promoTiming\.countdown\.peak\): expected a field of strategy\.promoTiming .*did you mean 'strategy\.promoTiming\.countdownSeconds\.peak'\?\)$/m],
    ['sweep value', ['sweep', '--param', 'audience.size=100,-1'], /^error: .*tiny\.yaml --param audience\.size=-1 \(audience\.size\): expected .*got -1/m],
    ['sweep without --param', ['sweep'], /^error: --param: expected at least one --param path=v1,v2,…/m],
    ['objective', ['sweep', '--param', 'audience.size=100', '--objective', 'engine.wallMs'], /^error: --objective: expected a numeric metric of result\.json \(not engine\.\*\).*got "engine\.wallMs"$/m],
  ];
  it.each(cases)('%s', async (_name, args, message) => {
    const dir = path.join(tmp, `bad-${_name.replaceAll(' ', '-')}`);
    const resume = args.includes('--resume');
    const r = await cli(...(resume ? args : [args[0]!, file, ...args.slice(1), '--out', dir]), '--no-progress');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(existsSync(dir)).toBe(false);
    expect(existsSync('nowhere')).toBe(false);
  });

  it('a resume folder made by other simulation code is refused before anything runs', async () => {
    const dir = path.join(tmp, 'other-model');
    const src = path.join(tmp, 'w1');
    mkdirSync(dir);
    const manifest = JSON.parse(readFileSync(path.join(src, 'experiment.json'), 'utf8')) as { model: string };
    expect(manifest.model).toMatch(/^[0-9a-f]{16}$/);
    writeFileSync(path.join(dir, 'experiment.json'), JSON.stringify({ ...manifest, model: '0000000000000000' }));
    const r = await cli('compare', '--resume', dir, '--no-progress');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/experiment\.json model: expected "[0-9a-f]{16}", the simulation code of this LiveLab .*got "0000000000000000"/);
    expect(readdirSync(dir)).toEqual(['experiment.json']);
  });

  it('a resume folder holding another experiment is refused before anything runs', async () => {
    const dir = path.join(tmp, 'w1');
    const before = readFileSync(path.join(dir, 'comparison.json'), 'utf8');
    const r = await cli('compare', '--resume', dir, '--viewers', '150', '--no-progress');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: .*runs\/baseline-0\.json scenario\.hash: expected "[0-9a-f]+", as run baseline #0 of this experiment .* \(and 8 more saved run\(s\) of .* differ\)$/m);
    expect(readFileSync(path.join(dir, 'comparison.json'), 'utf8')).toBe(before);
  });
});
