// Thresholds decide the exit code: `livelab run` exits 1 when one fails on the run; `livelab compare`
// evaluates each variant's thresholds on the means over its replications, writes the rows into
// comparison.json, names the variant and threshold that failed, and exits 1 if any did. A threshold on
// a metric no run can have is bad input (exit 2) before anything is written. Tiny shows (150 viewers).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../runner/cli.ts';
import type { Comparison } from '../../runner/experiments/comparison.ts';
import { comparisonThresholds } from '../../runner/experiments/thresholds.ts';
import { loadScenario } from '../../scenarios/schema/index.ts';

const scenario = (thresholds: string[], variants: string) => `
name: gate
seed: 4
show:
  durationMinutes: 6
  timeline:
    - { type: segment, at: "00:00", category: beauty }
    - { type: pitch, at: "01:00", category: beauty }
catalog:
  generate:
    categories:
      - { category: beauty, count: 6 }
audience:
  size: 150
  arrivals:
    - { name: main, duration: 6, rate: 25 }
thresholds:
${thresholds.map((t) => `  - ${t}`).join('\n')}
variants:
${variants}
`;

let tmp: string;
beforeAll(() => void (tmp = mkdtempSync(path.join(os.tmpdir(), 'livelab-thresholds-'))));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'livelab', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), setExitCode: () => {} });
  return { code, out: out.join(''), err: err.join('\n') };
}

function write(name: string, text: string): string {
  const f = path.join(tmp, name);
  writeFileSync(f, text);
  return f;
}

describe('livelab run: thresholds and the exit code', () => {
  it('exit 0 when every threshold holds, 1 when one fails (named on stderr)', async () => {
    const ok = write('run-ok.yaml', scenario(['viewers.arrived > 10'], '  baseline: {}'));
    const r0 = await cli('run', ok, '--out', path.join(tmp, 'run-ok'), '--no-report', '--no-progress');
    expect(r0.code, r0.err).toBe(0);
    const bad = write('run-bad.yaml', scenario(['viewers.arrived > 10', 'viewers.arrived > 1000000'], '  baseline: {}'));
    const r1 = await cli('run', bad, '--out', path.join(tmp, 'run-bad'), '--no-report', '--no-progress');
    expect(r1.code).toBe(1);
    expect(r1.err).toMatch(/^threshold failed: viewers\.arrived > 1000000 \(actual \d+\)$/m);
    expect(r1.err).not.toMatch(/threshold failed: viewers\.arrived > 10 /);
    // the result is still written: a failed threshold is a finding, not bad input
    expect(existsSync(path.join(tmp, 'run-bad', 'result.json'))).toBe(true);
  });
});

describe('livelab compare: thresholds per variant on the replication means', () => {
  it('all pass: exit 0, the rows in comparison.json', async () => {
    const f = write('cmp-ok.yaml', scenario(['viewers.arrived > 10', 'qoe.startupMs.p95 < 60000'], '  baseline: {}\n  other:\n    audience.size: 120'));
    const dir = path.join(tmp, 'cmp-ok');
    const r = await cli('compare', f, '--replications', '2', '--workers', '2', '--out', dir, '--no-report', '--no-progress');
    expect(r.code, r.err).toBe(0);
    const c = JSON.parse(readFileSync(path.join(dir, 'comparison.json'), 'utf8')) as Comparison;
    expect(c.thresholds!.map((t) => [t.variant, t.expression, t.pass])).toEqual([
      ['baseline', 'viewers.arrived > 10', true],
      ['baseline', 'qoe.startupMs.p95 < 60000', true],
      ['other', 'viewers.arrived > 10', true],
      ['other', 'qoe.startupMs.p95 < 60000', true],
    ]);
    // actual is the mean the comparison reports for that variant and metric
    const mean = c.metrics.find((m) => m.variant === 'other' && m.metric === 'viewers.arrived')!.mean;
    expect(c.thresholds![2]!.actual).toBe(mean);
    expect(r.out).toContain('thresholds (on the means over the replications): 4 of 4 pass');
  });

  it('one variant fails one threshold: exit 1, the variant and threshold named, everything still written', async () => {
    // the variant overrides the thresholds: only it fails
    const f = write('cmp-bad.yaml', scenario(['viewers.arrived > 10'], '  baseline: {}\n  strict:\n    thresholds: ["viewers.arrived > 10", "viewers.arrived > 100000"]'));
    const dir = path.join(tmp, 'cmp-bad');
    const r = await cli('compare', f, '--replications', '2', '--workers', '1', '--out', dir, '--no-report', '--no-progress');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^threshold failed: strict: viewers\.arrived > 100000 \(mean [\d.]+\)$/m);
    expect(r.err.match(/threshold failed/g)).toHaveLength(1);
    expect(r.out).toContain('thresholds (on the means over the replications): 2 of 3 pass');
    const c = JSON.parse(readFileSync(path.join(dir, 'comparison.json'), 'utf8')) as Comparison;
    expect(c.thresholds!.filter((t) => !t.pass).map((t) => `${t.variant}: ${t.expression}`)).toEqual(['strict: viewers.arrived > 100000']);
  });

  it('a threshold on a metric no run reports: exit 2, nothing written', async () => {
    const f = write('cmp-metric.yaml', scenario(['commerce.gmvv > 1'], '  baseline: {}'));
    const dir = path.join(tmp, 'cmp-metric');
    const r = await cli('compare', f, '--replications', '1', '--out', dir, '--no-progress');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: .*cmp-metric\.yaml thresholds\[0\]: expected a numeric metric of result\.json \(not engine\.\*\), .*got "commerce\.gmvv" \(did you mean 'commerce\.gmv'\?\)$/m);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('comparisonThresholds', () => {
  const s = loadScenario('thresholds: ["marketing.alertPrecision >= 0.5", "marketing.alertPrecision != 0.5", "commerce.gmv <= 10"]', 't.yaml');
  it('a metric with no data in any replication is NaN: fails all but !=', () => {
    const rows = comparisonThresholds(['a'], [s], [{ metric: 'commerce.gmv', variant: 'a', mean: 10, ci95: [9, 11] }]);
    expect(rows).toEqual([
      { variant: 'a', expression: 'marketing.alertPrecision >= 0.5', actual: null, pass: false },
      { variant: 'a', expression: 'marketing.alertPrecision != 0.5', actual: null, pass: true },
      { variant: 'a', expression: 'commerce.gmv <= 10', actual: 10, pass: true },
    ]);
  });
  it('each variant is read against its own mean, not another variant\'s', () => {
    const rows = comparisonThresholds(['a', 'b'], [s, s], [
      { metric: 'commerce.gmv', variant: 'a', mean: 5, ci95: [5, 5] },
      { metric: 'commerce.gmv', variant: 'b', mean: 11, ci95: [10, 12] },
    ]);
    expect(rows.filter((r) => r.expression.startsWith('commerce')).map((r) => [r.variant, r.pass])).toEqual([['a', true], ['b', false]]);
  });
});
