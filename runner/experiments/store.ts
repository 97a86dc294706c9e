// An experiment's folder: DIR/experiment.json (the command's arguments), DIR/runs/<label>-<rep>.json
// (one result.json per finished run, written atomically as it completes) and the outputs. A saved run is
// reused by --resume only if it is the same run: same scenario hash (variant and seed applied), same
// seed, same LiveLab version, and the folder's manifest names the same simulation code (its model
// fingerprint, checked in setup.ts). Anything else is an input error (the folder holds another experiment).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';
import { RunResultSchema, type RunResult } from '../../engine/result.ts';
import { writeAtomic } from '../output.ts';
import { LIVELAB_VERSION } from '../version.ts';
import type { ExperimentManifest, RunTask } from './types.ts';

export const MANIFEST = 'experiment.json';

/** a label as a file name: kept when it is safe, percent-encoded otherwise */
export function fileLabel(label: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(label) ? label : encodeURIComponent(label).replaceAll('.', '%2E');
}

export function runFile(dir: string, label: string, rep: number): string {
  return path.join(dir, 'runs', `${fileLabel(label)}-${rep}.json`);
}

export function writeManifest(dir: string, m: ExperimentManifest): void {
  writeAtomic(path.join(dir, MANIFEST), `${JSON.stringify(m, null, 2)}\n`);
}

/** DIR/experiment.json of an earlier `compare` or `sweep` (an input error if absent or of the other kind) */
export function readManifest(dir: string, kind: ExperimentManifest['kind']): ExperimentManifest {
  const file = path.join(dir, MANIFEST);
  let m: ExperimentManifest;
  try {
    m = JSON.parse(readFileSync(file, 'utf8')) as ExperimentManifest;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([{ path: '--resume', expected: `a folder written by livelab ${kind} (with ${MANIFEST})`, value: dir, ...(code ? { hint: `${file}: ${code}` } : {}) }], { cause: e });
  }
  if (m.kind !== kind || typeof m.file !== 'string' || typeof m.options !== 'object' || m.options === null) {
    throw new InputError([{ file, path: 'kind', expected: `an experiment of livelab ${kind}`, value: m.kind }]);
  }
  return m;
}

export interface SavedRuns {
  /** task index → result, for the runs found in DIR/runs */
  found: Map<number, RunResult>;
  /** files that could not be read (half-written by a killed process before the rename, say): rerun */
  unreadable: string[];
}

/** The finished runs of these tasks in DIR/runs; a saved run of a different experiment is an input error. */
export function loadSavedRuns(dir: string, tasks: readonly RunTask[]): SavedRuns {
  const found = new Map<number, RunResult>();
  const unreadable: string[] = [];
  const problems: InputProblem[] = [];
  tasks.forEach((t, i) => {
    const file = runFile(dir, t.label, t.rep);
    if (!existsSync(file)) return;
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      unreadable.push(file);
      return;
    }
    const parsed = RunResultSchema.safeParse(doc);
    if (!parsed.success) {
      unreadable.push(file);
      return;
    }
    const r = parsed.data;
    const mismatch: [string, unknown, unknown][] = [
      ['scenario.hash', r.scenario.hash, t.hash],
      ['seed', r.seed, t.seed],
      ['livelabVersion', r.livelabVersion, LIVELAB_VERSION],
    ];
    const bad = mismatch.find(([, got, want]) => got !== want);
    if (bad) {
      problems.push({ file, path: bad[0], expected: `${JSON.stringify(bad[2])}, as run ${t.label} #${t.rep} of this experiment (the folder holds another experiment, or the scenario or options changed: start a new one with --out)`, value: bad[1] });
      return;
    }
    found.set(i, r);
  });
  if (problems.length > 1) problems.splice(0, problems.length, { ...problems[0]!, hint: `and ${problems.length - 1} more saved run(s) of ${dir} differ` });
  if (problems.length > 0) throw new InputError(problems);
  return { found, unreadable };
}

export function saveRun(dir: string, t: RunTask, r: RunResult): void {
  writeAtomic(runFile(dir, t.label, t.rep), `${JSON.stringify(r, null, 2)}\n`);
}
