// Runs many shows on a pool of worker threads, each show single-threaded inside its worker (one per
// CPU by default); with one worker the shows run in this thread, one after another. Each show is a
// pure function of its scenario, so which worker runs which show changes nothing but the wall time.
import { Worker } from 'node:worker_threads';
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';
import type { RunResult } from '../../engine/result.ts';
import type { Scenario } from '../../scenarios/schema/index.ts';
import { simulate } from '../sim/simulate.ts';
import { workerEntry } from '../worker-bundle.ts';

export interface PoolRequest {
  id: number;
  label: string;
  scenario: Scenario;
}

export type PoolReply = { kind: 'progress'; id: number; fraction: number } | { kind: 'done'; id: number; result: RunResult } | { kind: 'failed'; id: number; message: string; problems?: InputProblem[] };

export interface PoolHooks {
  /** a run's virtual-time progress, 0…1 (throttled) */
  onProgress?(id: number, fraction: number): void;
  /** a run finished; called in completion order (throwing aborts the pool) */
  onDone(id: number, result: RunResult): void;
}

export interface PoolJob {
  label: string;
  scenario: Scenario;
}

/** Simulates every job; resolves when all are done, rejects on the first failure (others are stopped). */
export async function runPool(jobs: readonly PoolJob[], workers: number, hooks: PoolHooks): Promise<void> {
  if (jobs.length === 0) return;
  if (workers <= 1) return runInThread(jobs, hooks);
  return runOnWorkers(jobs, Math.min(workers, jobs.length), hooks);
}

async function runInThread(jobs: readonly PoolJob[], hooks: PoolHooks): Promise<void> {
  for (const [id, job] of jobs.entries()) {
    let last = 0;
    const result = await simulate(job.scenario, {
      workers: 1,
      variant: job.label,
      wallNow: () => performance.now(),
      onProgress: (t, end) => {
        const now = performance.now();
        if (now - last < 100) return;
        last = now;
        hooks.onProgress?.(id, t / end);
      },
    });
    hooks.onDone(id, result);
    // let timers (the progress bar) and signals (Ctrl-C) through between shows
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function runOnWorkers(jobs: readonly PoolJob[], n: number, hooks: PoolHooks): Promise<void> {
  const { url, entry } = await workerEntry(new URL('./run-worker.ts', import.meta.url));
  return new Promise<void>((resolve, reject) => {
    const pool: Worker[] = [];
    let next = 0;
    let finished = 0;
    let over = false;
    const stopAll = () => Promise.allSettled(pool.map((w) => w.terminate()));
    const fail = (e: unknown) => {
      if (over) return;
      over = true;
      void stopAll().then(() => reject(e));
    };
    const feed = (w: Worker) => {
      if (over || next >= jobs.length) return;
      const id = next++;
      const req: PoolRequest = { id, label: jobs[id]!.label, scenario: jobs[id]!.scenario };
      w.postMessage(req);
    };
    for (let i = 0; i < n; i++) {
      const w = new Worker(url, { workerData: { entry } });
      w.on('message', (m: PoolReply) => {
        if (over) return;
        if (m.kind === 'progress') return hooks.onProgress?.(m.id, m.fraction);
        if (m.kind === 'failed' && m.problems) return fail(new InputError(m.problems));
        if (m.kind === 'failed') return fail(new Error(`run ${jobs[m.id]!.label} (seed ${jobs[m.id]!.scenario.seed}) failed in its worker:\n${m.message}`));
        try {
          hooks.onDone(m.id, m.result);
        } catch (e) {
          return fail(e);
        }
        finished++;
        if (finished === jobs.length) {
          over = true;
          void stopAll().then(() => resolve());
        } else feed(w);
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (!over) fail(new Error(`an experiment worker exited (code ${code}) with ${jobs.length - finished} runs left`));
      });
      pool.push(w);
      feed(w);
    }
  });
}
