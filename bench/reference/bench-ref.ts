// Runs bench-ref's own implementations (../shared/bench-ref) as child processes on this machine, in the
// same benchmark run, so that ratios compare equal work measured side by side. bench-ref is read-only
// and has no node_modules, so its .mjs files are copied to a scratch folder that links to our xstate
// (the same 5.33.3). Nothing of it is committed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BENCH_REF_DIR = path.resolve(new URL('../../../shared/bench-ref', import.meta.url).pathname);

export interface BenchRefResult {
  impl: string;
  totals: Record<string, number>;
  loop_s: number;
  events_per_s_loop: number;
  wall_s: number;
  maxRssMb: number | null;
  [k: string]: unknown;
}

let scratch: string | null = null;

function scratchDir(): string {
  if (scratch) return scratch;
  if (!existsSync(BENCH_REF_DIR)) throw new Error(`bench-ref not found at ${BENCH_REF_DIR}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'livelab-bench-ref-'));
  for (const f of readdirSync(BENCH_REF_DIR)) if (f.endsWith('.mjs')) cpSync(path.join(BENCH_REF_DIR, f), path.join(dir, f));
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  scratch = dir;
  return dir;
}

export interface TimedRun {
  result: Record<string, unknown>;
  wall_s: number;
  maxRssMb: number | null;
}

/** Runs `node <args>` under /usr/bin/time -v (when present) and parses the `RESULT {json}` line it prints. */
export function runTimedNode(nodeArgs: string[], cwd: string): TimedRun {
  const useTime = existsSync('/usr/bin/time');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(useTime ? '/usr/bin/time' : process.execPath, useTime ? ['-v', process.execPath, ...nodeArgs] : nodeArgs, {
    cwd, encoding: 'utf8', maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`node ${nodeArgs.join(' ')} failed (exit ${r.status}): ${r.stderr}`);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`node ${nodeArgs.join(' ')}: no RESULT line in output`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { result: JSON.parse(line.slice(7)), wall_s: +wall.toFixed(3), maxRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null };
}

/** Runs one of bench-ref's implementations (plain, plain-agentq, xstate-actors, ...) at (n, seed). */
export function runBenchRef(impl: string, n: number, seed: number, extra: string[] = []): BenchRefResult {
  const dir = scratchDir();
  const nodeArgs = ['--max-old-space-size=16384', '--expose-gc', path.join(dir, `${impl}.mjs`), `--n=${n}`, `--seed=${seed}`, ...extra];
  const r = runTimedNode(nodeArgs, dir);
  return { ...(r.result as unknown as BenchRefResult), wall_s: r.wall_s, maxRssMb: r.maxRssMb };
}
