// Runs an experiment's shows: the saved ones (--resume) are taken as they are, the rest go to the
// worker pool; each finished run is written to DIR/runs/ atomically the moment it completes, so an
// interrupted experiment loses at most the runs in flight. Results come back in task order, whatever
// order the workers finish in.
import type { RunResult } from '../../engine/result.ts';
import { runPool } from './pool.ts';
import type { ExperimentProgress } from './progress.ts';
import { saveRun } from './store.ts';
import type { ExperimentTiming, RunSummary, RunTask } from './types.ts';

export interface ExecuteOptions {
  dir: string;
  workers: number;
  /** runs read back from DIR/runs (task index → result) */
  saved?: ReadonlyMap<number, RunResult>;
  progress?: ExperimentProgress | null;
  /** what to keep of each result (results themselves are not kept: a sweep may hold thousands) */
  summarise: (task: RunTask, result: RunResult) => RunSummary;
  /** wall clock for the timing figures */
  now?: () => number;
}

export async function executeRuns(tasks: readonly RunTask[], opts: ExecuteOptions): Promise<{ summaries: RunSummary[]; timing: ExperimentTiming }> {
  const now = opts.now ?? (() => performance.now());
  const t0 = now();
  const summaries: (RunSummary | undefined)[] = new Array(tasks.length);
  const saved = opts.saved ?? new Map<number, RunResult>();
  for (const [i, r] of saved) summaries[i] = opts.summarise(tasks[i]!, r);
  const todo = tasks.map((_, i) => i).filter((i) => !saved.has(i));
  let done = tasks.length - todo.length;
  const inFlight = new Map<number, number>();
  const bar = opts.progress ?? null;
  bar?.start(tasks.length, done);
  const redraw = () => {
    let f = 0;
    for (const x of inFlight.values()) f += x;
    bar?.update(done, f);
  };
  try {
    await runPool(
      todo.map((i) => ({ label: tasks[i]!.label, scenario: tasks[i]!.scenario })),
      opts.workers,
      {
        onProgress: (id, fraction) => {
          inFlight.set(id, fraction);
          redraw();
        },
        onDone: (id, result) => {
          const i = todo[id]!;
          saveRun(opts.dir, tasks[i]!, result);
          summaries[i] = opts.summarise(tasks[i]!, result);
          inFlight.delete(id);
          done++;
          redraw();
        },
      },
    );
  } finally {
    bar?.stop();
  }
  return {
    summaries: summaries as RunSummary[],
    timing: { wallMs: Math.round(now() - t0), workers: opts.workers, computed: todo.length, resumed: tasks.length - todo.length },
  };
}
