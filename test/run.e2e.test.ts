// `livelab run` end to end: determinism (same seed → same digest; any worker count → the same
// result.json except `engine`), bad input (exit 2, located message, nothing written), and a strategy
// switched on changes the metrics it should.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunResultSchema, type RunResult } from '../engine/result.ts';

const BIN = path.resolve('bin/livelab.mjs');
const SCENARIO = path.resolve('test/fixtures/small-show.yaml');

function livelab(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function run(extra: string[]): RunResult {
  const out = mkdtempSync(path.join(os.tmpdir(), 'livelab-run-'));
  const r = livelab(['run', SCENARIO, '--out', out, '--no-report', '--no-progress', ...extra]);
  expect(r.stderr).not.toMatch(/internal error/);
  expect([0, 1]).toContain(r.code);
  return RunResultSchema.parse(JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8')));
}

const withoutEngine = (r: RunResult) => ({ ...r, engine: null });

describe('livelab run', () => {
  const first = run([]);

  it('writes a result.json that follows the schema, with sensible figures', () => {
    expect(first.viewers.arrived).toBe(660); // 600 + 10 % injected bouncers
    expect(first.viewers.peakConcurrent).toBeGreaterThan(50);
    expect(first.funnel.entered).toBe(first.viewers.arrived);
    expect(first.funnel.productViewed).toBeLessThanOrEqual(first.funnel.entered);
    expect(first.funnel.paid).toBeLessThanOrEqual(first.funnel.checkedOut);
    expect(first.schemaVersion).toBe('1.1');
    expect(Object.keys(first.commerce.rejected ?? {}).sort()).toEqual(['outOfStock', 'paymentFailed']);
    expect(first.digest).toMatch(/^[0-9a-f]{32}$/);
    expect(first.qoe.byNetwork['3g']!.startupMs.p50).toBeGreaterThan(first.qoe.byNetwork['4g']!.startupMs.p50);
  });

  it('the same scenario and seed give the same digest and result; another seed does not', () => {
    const again = run([]);
    expect(withoutEngine(again)).toEqual(withoutEngine(first));
    const other = run(['--seed', '8']);
    expect(other.digest).not.toBe(first.digest);
  }, 240_000); // two runs: 82 s once with the whole suite at load 9

  it('gives the same result.json (except engine) on 1 and 2 worker threads', () => {
    const two = run(['--workers', '2']);
    expect(two.engine.workers).toBe(2);
    expect(withoutEngine(two)).toEqual(withoutEngine(first));
  });

  it('turning the marketing tools off changes what they produce', () => {
    const baseline = run(['--variant', 'baseline']);
    expect(baseline.marketing.prompts).toBe(0);
    expect(baseline.marketing.segmentMoves).toBe(0);
    expect(first.marketing.prompts).toBeGreaterThan(0);
    // the same viewers arrive in both (common random numbers)
    expect(baseline.viewers.arrived).toBe(first.viewers.arrived);
  });

  it('bad input: exit 2, file:line:col path: expected …, got …, and no output folder', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'livelab-bad-'));
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(SCENARIO, 'utf8').replace('size: 600', 'size: -3'));
    const out = path.join(dir, 'out');
    const r = livelab(['run', bad, '--out', out, '--no-progress']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+ audience\.size: expected an integer ≥ 1, got -3/);
    expect(existsSync(out)).toBe(false);
    const flags = livelab(['run', SCENARIO, '--viewers', 'many', '--out', out]);
    expect(flags.code).toBe(2);
    expect(flags.stderr).toMatch(/--viewers: expected an integer ≥ 1, got "many"/);
    expect(existsSync(out)).toBe(false);
  });
});
