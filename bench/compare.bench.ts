// Issue 5's target: `livelab compare scenarios/beauty-propensity.yaml --replications 30` at 10,000
// viewers per run in ≤ 2 minutes on this machine. Spawns the real CLI (start-up, worker boot, every run,
// the comparison and its page included) and times it end to end. --quick: 4 replications of 2,000
// viewers; --replications, --viewers and --workers override.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchFlags } from './registry.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TARGET_SECONDS = 120;

export default async function compareBench(flags: BenchFlags): Promise<Record<string, unknown>> {
  const replications = Number(flags.replications ?? (flags.quick ? 4 : 30));
  const viewers = Number(flags.viewers ?? (flags.quick ? 2_000 : 10_000));
  const workers = Number(flags.workers ?? os.availableParallelism());
  const scenario = String(flags.scenario ?? 'scenarios/beauty-propensity.yaml');
  const out = mkdtempSync(path.join(os.tmpdir(), 'livelab-compare-bench-'));
  const args = [path.join(ROOT, 'bin/livelab.mjs'), 'compare', scenario, '--replications', String(replications), '--viewers', String(viewers), '--workers', String(workers), '--out', out, '--no-progress'];
  const t0 = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  const wallSeconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`livelab compare exited with ${code}`);
  const c = JSON.parse(readFileSync(path.join(out, 'comparison.json'), 'utf8')) as { variants: string[]; durationMinutes: number; timing: { wallMs: number } };
  rmSync(out, { recursive: true, force: true });
  const runs = c.variants.length * replications;
  return {
    command: `livelab compare ${scenario} --replications ${replications} --viewers ${viewers} --workers ${workers}`,
    runs,
    viewersPerRun: viewers,
    showMinutes: c.durationMinutes,
    workers,
    loadAverage1m: +os.loadavg()[0]!.toFixed(2),
    wallSeconds: +wallSeconds.toFixed(1),
    runsWallSeconds: +(c.timing.wallMs / 1000).toFixed(1),
    secondsPerRunPerWorker: +((c.timing.wallMs / 1000 / runs) * workers).toFixed(2),
    targetSeconds: TARGET_SECONDS,
    timesOverTarget: +(wallSeconds / TARGET_SECONDS).toFixed(2),
  };
}
