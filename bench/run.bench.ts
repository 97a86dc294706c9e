// Issue 8's targets for `livelab run`: the default scenario at 10,000 viewers in ≤ 10 s, and
// `--workers 2` faster than `--workers 1`. Spawns the real CLI, alternating 1 and 2 workers for
// `rounds` rounds (so both see the same machine load), and records each run's simulation wall time
// (result.engine.wallMs: stack, shards, worker start-up), the whole command's time and the load
// average around it; checks that the two worker counts give the same result except `engine`.
// --quick: 2,000 viewers, 1 round; --viewers, --rounds, --workers (the second count) override.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFlags } from './registry.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TARGET_SECONDS_10K = 10;

interface Run {
  workers: number;
  simSeconds: number;
  commandSeconds: number;
  load1mBefore: number;
  load1mAfter: number;
  digest: string;
}

async function once(viewers: number, workers: number, scenario: string): Promise<{ run: Run; rest: string }> {
  const out = mkdtempSync(path.join(os.tmpdir(), 'livelab-run-bench-'));
  const args = [path.join(ROOT, 'bin/livelab.mjs'), 'run', scenario, '--viewers', String(viewers), '--workers', String(workers), '--out', out, '--no-report', '--no-progress'];
  const load1mBefore = os.loadavg()[0]!;
  const t0 = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const commandSeconds = (performance.now() - t0) / 1000;
  if (code !== 0 && code !== 1) throw new Error(`livelab run exited with ${code}`);
  const r = JSON.parse(readFileSync(path.join(out, 'result.json'), 'utf8')) as { digest: string; engine: { wallMs: number } };
  rmSync(out, { recursive: true, force: true });
  const rest = JSON.stringify({ ...r, engine: null });
  return {
    run: { workers, simSeconds: +(r.engine.wallMs / 1000).toFixed(2), commandSeconds: +commandSeconds.toFixed(2), load1mBefore: +load1mBefore.toFixed(2), load1mAfter: +os.loadavg()[0]!.toFixed(2), digest: r.digest },
    rest,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export default async function runBench(flags: BenchFlags): Promise<Record<string, unknown>> {
  const viewers = Number(flags.viewers ?? (flags.quick ? 2_000 : 10_000));
  const rounds = Number(flags.rounds ?? (flags.quick ? 1 : 2));
  const many = Number(flags.workers ?? 2);
  const scenario = String(flags.scenario ?? 'scenarios/default.yaml');
  const runs: Run[] = [];
  const rests = new Set<string>();
  for (let i = 0; i < rounds; i++) {
    // alternate which goes first, so a load trend does not favour one side
    for (const w of i % 2 === 0 ? [1, many] : [many, 1]) {
      const { run, rest } = await once(viewers, w, scenario);
      runs.push(run);
      rests.add(rest);
      process.stderr.write(`  run ${viewers} viewers, --workers ${w}: ${run.simSeconds} s simulation, ${run.commandSeconds} s command, load ${run.load1mBefore}→${run.load1mAfter}\n`);
    }
  }
  const sim = (w: number) => median(runs.filter((r) => r.workers === w).map((r) => r.simSeconds));
  const one = sim(1);
  const two = sim(many);
  return {
    command: `livelab run ${scenario} --viewers ${viewers} --workers 1 vs ${many}, ${rounds} round(s) alternating`,
    viewers,
    runs,
    medianSimSeconds: { '1': one, [String(many)]: two },
    speedup: +(one / two).toFixed(2),
    identicalExceptEngine: rests.size === 1,
    ...(viewers === 10_000 ? { targetSeconds: TARGET_SECONDS_10K, meetsTarget: Math.min(one, two) <= TARGET_SECONDS_10K } : {}),
    note: 'simulation = result.engine.wallMs (stack, shards, worker start-up; not CLI start-up); the machine is shared, see load averages',
  };
}
