// `livelab profiles` end to end: main() in process for output and codes, one spawned run for the binary.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROFILE_NAMES } from '../../network-profiles/index.ts';
import { main } from '../cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIX = 'network-profiles/import/fixtures/';

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'livelab', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), setExitCode: () => {} });
  return { code, out: out.join(''), err: err.map((l) => l.trimEnd()) };
}

describe('livelab profiles', () => {
  it('list: every registered profile, one per line', async () => {
    const r = await run('profiles', 'list');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').map((l) => l.split(/\s+/)[0])).toEqual([...PROFILE_NAMES]);
  });

  it('show --json: mean and p10/p50/p90 down/up/RTT, loss, outage seconds and duration', async () => {
    const r = await run('profiles', 'show', 'mmsys20-cascade', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    expect(s).toMatchObject({ name: 'mmsys20-cascade', kind: 'trace', durationS: 150, lossRate: 0, outageS: 0 });
    expect(s.downKbps).toEqual({ mean: 901.12, p10: 409.6, p50: 819.2, p90: 1228.8 });
    expect(Object.keys(s.upKbps)).toEqual(['mean', 'p10', 'p50', 'p90']);
    expect(s.rttMs.mean).toBe(0);
  });

  it('show a family: sampled, and the sample is stated and reproducible', async () => {
    const a = await run('profiles', 'show', '3g', '--json', '--viewers', '20', '--minutes', '2', '--seed', '5');
    const b = await run('profiles', 'show', '3g', '--json', '--viewers', '20', '--minutes', '2', '--seed', '5');
    expect(a.out).toBe(b.out);
    expect(JSON.parse(a.out).sampled).toEqual({ viewers: 20, durationS: 120, seed: 5 });
  });

  it('show (text): a table with the same figures', async () => {
    const r = await run('profiles', 'show', 'fast-4g');
    expect(r.out).toContain('down kbit/s');
    expect(r.out).toMatch(/rtt ms\s+165\s+165\s+165\s+165/);
  });

  it.each([
    { args: ['show', 'fast-5g'], err: `error: NAME: expected a network profile name (livelab profiles list), got "fast-5g" (did you mean 'fast-4g'?)`, reason: 'an unknown name, with the nearest' },
    { args: ['show', '3g', '--viewers', '0'], err: 'error: --viewers: expected a whole number > 0, got "0"', reason: 'a bad sample size' },
    { args: ['import', `${FIX}csv-small.csv`, '--format', 'tcpdump'], err: 'error: --format: expected one of mahimahi, pensieve, csv, got "tcpdump"', reason: 'an unknown format' },
    { args: ['import', 'nope.trace', '--format', 'mahimahi'], err: 'error: nope.trace (top level): expected a readable trace file, got "ENOENT"', reason: 'a missing file' },
    { args: ['import', `${FIX}csv-small.csv`, '--format', 'csv', '--loss', '0.1'], err: 'error: --loss: expected no value: a CSV trace carries rtt_ms and loss per row, got "0.1"', reason: 'a flag the format carries itself' },
  ])('exit 2 for $reason', async ({ args, err }) => {
    const r = await run('profiles', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([err]);
    expect(r.out).toBe('');
  });

  it('import: validates and prints the same summary (mahimahi with mm-delay as --rtt-ms)', async () => {
    const r = await run('profiles', 'import', `${FIX}mahimahi-small.trace`, '--format', 'mahimahi', '--name', 'tiny', '--rtt-ms', '40', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ name: 'tiny', durationS: 0.01, downKbps: { mean: 6000 }, rttMs: { mean: 40 } });
  });
});

describe('livelab profiles import (spawned binary)', () => {
  it('a bad line: exit 2, file:line with the value and the expectation on stderr', () => {
    const r = spawnSync(process.execPath, [`${ROOT}bin/livelab.mjs`, 'profiles', 'import', `${FIX}pensieve-bad.txt`, '--format', 'pensieve'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `error: ${FIX}pensieve-bad.txt:2 throughput_Mbps: expected a throughput in Mbit/s ≥ 0, got "-2"`,
      `error: ${FIX}pensieve-bad.txt:3 time_s: expected a time greater than the previous line's 1 s, got 0.5`,
      `error: ${FIX}pensieve-bad.txt:4 throughput_Mbps: expected a throughput in Mbit/s ≥ 0, got "abc"`,
      `error: ${FIX}pensieve-bad.txt:5 (top level): expected two fields: time_s throughput_Mbps, got "3.0"`,
    ]);
  });
});
