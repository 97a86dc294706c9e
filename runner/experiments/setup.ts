// What `compare` and `sweep` share before any run starts: the flags (checked together, every problem
// at once), --resume (the earlier invocation's arguments fill in what is not given again), the output
// folder, the runs of each variant or setting with their seeds, and Ctrl-C.
import os from 'node:os';
import path from 'node:path';
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';
import type { Scenario } from '../../scenarios/schema/index.ts';
import { scenarioHash } from '../sim/results.ts';
import type { CliIo } from '../io.ts';
import { MANIFEST, readManifest } from './store.ts';
import { modelFingerprint } from '../version.ts';
import type { ExperimentManifest, RunTask } from './types.ts';

export interface ExperimentFlags {
  replications?: string;
  workers?: string;
  out?: string;
  resume?: string;
  seed?: string;
  viewers?: string;
  duration?: string;
  progress?: boolean;
}

/** the options a manifest keeps (the ones that define the runs) */
export const RUN_DEFINING = ['replications', 'seed', 'viewers', 'duration'] as const;

/**
 * With --resume DIR: DIR's manifest, its scenario file when none is given, and its options for those
 * not given again (given ones win; if they change a run, the saved run's hash will not match).
 */
export function mergeResume<F extends ExperimentFlags>(kind: ExperimentManifest['kind'], file: string | undefined, flags: F, keys: readonly string[]): { file: string | undefined; flags: F } {
  if (flags.resume === undefined) return { file, flags };
  const problems: InputProblem[] = [];
  if (flags.out !== undefined && path.resolve(flags.out) !== path.resolve(flags.resume)) {
    problems.push({ path: '--out', expected: `nothing or the --resume folder (${flags.resume}): a resumed experiment writes where it started`, value: flags.out });
  }
  if (problems.length > 0) throw new InputError(problems);
  const m = readManifest(flags.resume, kind);
  const model = modelFingerprint();
  if (m.model !== model) {
    throw new InputError([
      {
        file: path.join(flags.resume, MANIFEST),
        path: 'model',
        expected: `${JSON.stringify(model)}, the simulation code of this LiveLab (its saved runs were made by other code and would not mix with new ones: start a new experiment with --out)`,
        value: m.model ?? null,
      },
    ]);
  }
  const merged = { ...flags } as Record<string, unknown>;
  for (const k of keys) if (merged[k] === undefined && m.options[k] !== undefined) merged[k] = m.options[k];
  return { file: file ?? m.file, flags: merged as F };
}

function intIn(name: string, v: string | undefined, min: number, max: number, problems: InputProblem[]): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push({ path: `--${name}`, expected: `an integer from ${min} to ${max}`, value: v });
    return undefined;
  }
  return n;
}

export interface Common {
  replications: number;
  workers: number;
}

export function commonNumbers(flags: ExperimentFlags, problems: InputProblem[], defaultReplications = 10): Common {
  const replications = intIn('replications', flags.replications, 1, 10_000, problems) ?? defaultReplications;
  const workers = intIn('workers', flags.workers, 1, 64, problems) ?? Math.max(1, os.availableParallelism());
  return { replications, workers };
}

/** the runs: replication-major (rep 0 of every variant first), so an interrupted experiment stays balanced */
export function buildTasks(groups: readonly { label: string; scenario: Scenario }[], replications: number): RunTask[] {
  const tasks: RunTask[] = [];
  for (let rep = 0; rep < replications; rep++) {
    for (const g of groups) {
      const seed = g.scenario.seed + rep;
      const scenario: Scenario = { ...g.scenario, seed };
      tasks.push({ label: g.label, rep, seed, scenario, hash: scenarioHash(scenario) });
    }
  }
  return tasks;
}

/** tasks regrouped as [group][rep] (both orders as built) */
export function byGroup<T extends { label: string; rep: number }>(labels: readonly string[], items: readonly T[], replications: number): T[][] {
  const out: T[][] = labels.map(() => new Array<T>(replications));
  const index = new Map(labels.map((l, i) => [l, i]));
  for (const x of items) out[index.get(x.label)!]![x.rep] = x;
  return out;
}

/** Ctrl-C: finished runs are already on disk; say how to continue, then leave with 130 */
export function onInterrupt(io: CliIo, kind: string, dir: string, before: () => void): () => void {
  const handler = () => {
    before();
    io.err(`\ninterrupted: finished runs are saved in ${path.join(dir, 'runs')}; continue with: livelab ${kind} --resume ${dir}`);
    process.exit(130);
  };
  process.once('SIGINT', handler);
  return () => void process.off('SIGINT', handler);
}
