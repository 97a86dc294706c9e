// The scenario commands end to end: the real binary (spawned) for exit codes and streams, and the
// CLI's main() in-process for the rest (same code path, no process start-up per case).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BAD = fileURLToPath(new URL('../../scenarios/schema/fixtures/bad/', import.meta.url));
const expectedErr = (file: string) => readFileSync(`${BAD}${file}.err`, 'utf8').trimEnd().split('\n').map((l) => `error: ${l}`);

function spawnLivelab(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [`${ROOT}bin/livelab.mjs`, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['node', 'livelab', ...args], { out: (t) => out.push(t), err: (t) => err.push(t), setExitCode: () => {} });
  return { code, out: out.join(''), err: err.map((l) => l.trimEnd()) };
}

describe('livelab validate (spawned)', () => {
  it('a bad file: exit 2, every located problem on stderr, nothing on stdout', () => {
    const r = spawnLivelab(['validate', 'unknown-keys.yaml'], BAD);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toEqual(expectedErr('unknown-keys.yaml'));
  });

  it('the shipped default: exit 0 and a summary line', () => {
    expect(spawnLivelab(['validate', 'scenarios/default.yaml'])).toEqual({ code: 0, out: 'ok: beauty-evening (10,000 viewers, 120 minutes, 2 variants)\n', err: '' });
  });
});

describe('livelab validate, describe, schema (in process)', () => {
  // the whole corpus (wrong types, unknown keys with did-you-mean, negative sizes, shares, unknown
  // profiles, malformed YAML/JSON, …): each file's exact located messages, exit 2
  it.each(readdirSync(BAD).filter((f) => !f.endsWith('.err')).sort().map((f) => [f]))('validate %s: exit 2 with its messages', async (file) => {
    const r = await run('validate', `${BAD}${file}`);
    expect(r.code).toBe(2);
    expect(r.err).toEqual(expectedErr(file).map((l) => l.replace('error: ', `error: ${BAD}`)));
  });

  it.each([['run'], ['compare'], ['sweep']])('%s on a bad file: exit 2, the same located messages, nothing written', async (cmd) => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'livelab-bad-'));
    try {
      const out = path.join(tmp, 'out');
      const r = await run(cmd, `${BAD}negative-sizes.yaml`, '--out', out, '--no-progress', ...(cmd === 'sweep' ? ['--param', 'seed=1,2'] : []));
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toEqual(expectedErr('negative-sizes.yaml').map((l) => l.replace('error: ', `error: ${BAD}`)));
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('validate: a file that is not there is bad input', async () => {
    expect(await run('validate', 'nope.yaml')).toEqual({ code: 2, out: '', err: ['error: nope.yaml (top level): expected a readable scenario file (YAML or JSON), got "ENOENT"'] });
  });

  it('describe: one paragraph', async () => {
    const r = await run('describe', `${ROOT}scenarios/default.yaml`);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n')).toHaveLength(1);
    expect(r.out).toContain('10,000 viewers');
  });

  it('schema: the JSON Schema, or the reference with --format markdown', async () => {
    const json = await run('schema');
    expect(Object.keys((JSON.parse(json.out) as { properties: object }).properties)).toContain('strategy');
    expect((await run('schema', '--format', 'markdown')).out).toMatch(/^# Scenario file reference/);
    expect((await run('schema', '--format', 'xml')).code).toBe(2);
  });
});
