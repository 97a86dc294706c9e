// bin/cli-bundle.mjs: the cached one-file bundle `livelab` runs from. Each module keeps its own
// import.meta.url, computed dynamic imports resolve against their source, and an edited source makes
// a new bundle; and the CLI gives the same result from the bundle as through tsx.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cliBundle } from '../bin/cli-bundle.mjs';

const bundle = cliBundle as (entry: string, root?: string) => Promise<URL | null>;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'livelab-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('cliBundle', () => {
  it('keeps each source module its own import.meta.url and resolves computed imports against the source', async () => {
    const root = path.join(tmp, 'p1');
    mkdirSync(path.join(root, 'src', 'sub'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'main.ts'), `import { where } from './sub/dep.ts';\nexport const here: string = import.meta.url;\nexport { where };\nexport async function load() { const spec = './sub/late.ts'; return (await import(spec)).late as number; }\n`);
    writeFileSync(path.join(root, 'src', 'sub', 'dep.ts'), `export const where: string = new URL('./x.json', import.meta.url).href;\n`);
    writeFileSync(path.join(root, 'src', 'sub', 'late.ts'), `export const late: number = 42;\n`);
    const url = await bundle('src/main.ts', root);
    expect(url).not.toBeNull();
    const mod = (await import(url!.href)) as { here: string; where: string; load: () => Promise<number> };
    expect(mod.here).toBe(pathToFileURL(path.join(root, 'src', 'main.ts')).href);
    expect(mod.where).toBe(pathToFileURL(path.join(root, 'src', 'sub', 'x.json')).href);
    expect(await mod.load()).toBe(42);
    expect(readFileSync(url!, 'utf8')).not.toMatch(/\bimport\.meta\b/);
  });

  it('reuses the bundle while the sources are unchanged and rebuilds after an edit', async () => {
    const root = path.join(tmp, 'p2');
    mkdirSync(path.join(root, 'src'), { recursive: true });
    const dep = path.join(root, 'src', 'dep.ts');
    writeFileSync(path.join(root, 'src', 'main.ts'), `export { value } from './dep.ts';\n`);
    writeFileSync(dep, `export const value: number = 1;\n`);
    const old = new Date(Date.now() - 60_000);
    for (const f of ['main.ts', 'dep.ts']) utimesSync(path.join(root, 'src', f), old, old); // settled sources
    const a = await bundle('src/main.ts', root);
    expect(await bundle('src/main.ts', root)).toEqual(a);
    writeFileSync(dep, `export const value: number = 2;\n`);
    const b = await bundle('src/main.ts', root);
    expect(b).not.toEqual(a);
    expect(((await import(b!.href)) as { value: number }).value).toBe(2);
  });
});

describe('livelab from the bundle', () => {
  it('gives the same result.json (except engine) as the sources through tsx', () => {
    const run = (mode: string) => {
      const out = path.join(tmp, `run-${mode}`);
      const r = spawnSync(process.execPath, [path.resolve('bin/livelab.mjs'), 'run', '--viewers', '200', '--duration', '10m', '--json', '--no-report', '--no-progress', '--out', out], {
        encoding: 'utf8', timeout: 120_000, env: { ...process.env, LIVELAB_CLI_BUNDLE: mode },
      });
      expect([0, 1], r.stderr).toContain(r.status); // 1: a scenario threshold failed on this short run
      const { engine, ...rest } = JSON.parse(r.stdout) as { engine: unknown };
      void engine;
      return { status: r.status, rest };
    };
    expect(run('1')).toEqual(run('0'));
  }, 240_000);
});
