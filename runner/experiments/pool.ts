// Runs many shows on a pool of worker threads, each show single-threaded inside its worker (one per
// CPU by default); with one worker the shows run in this thread, one after another. Each show is a
// pure function of its scenario, so which worker runs which show changes nothing but the wall time.
// Shows that share an audience (the variants of one replication, sweep points that differ only in
// strategy: runner/sim/worlds.ts audienceKey) go out together as one batch, simulated as worlds of one
// audience: the same results, each viewer's player and link simulated once for the batch.
import { Worker } from 'node:worker_threads';
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';
import type { RunResult } from '../../engine/result.ts';
import type { Scenario } from '../../scenarios/schema/index.ts';
import { simulate } from '../sim/simulate.ts';
import { audienceKey, simulateWorlds } from '../sim/worlds.ts';
import { workerEntry } from '../worker-bundle.ts';

/** a batch of shows for one worker: one, or several sharing an audience (simulated as worlds) */
export interface PoolRequest {
  jobs: { id: number; label: string; scenario: Scenario }[];
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

/** The most shows simulated as worlds of one audience in one batch (memory grows with each world). */
export const MAX_WORLDS = 4;

/**
 * Job indices in batches: jobs with the same audience, in job order, up to MAX_WORLDS each; batches are
 * split again while there are fewer than `workers` of them (a lone batch would leave a worker idle).
 */
export function batchJobs(jobs: readonly PoolJob[], workers: number): number[][] {
  const batches: number[][] = [];
  const open = new Map<string, number[]>();
  for (let i = 0; i < jobs.length; i++) {
    const key = audienceKey(jobs[i]!.scenario);
    let b = open.get(key);
    if (b === undefined) {
      b = [];
      batches.push(b);
      open.set(key, b);
    }
    b.push(i);
    if (b.length === MAX_WORLDS) open.delete(key);
  }
  while (batches.length < workers) {
    let k = -1;
    for (let j = 0; j < batches.length; j++) if (batches[j]!.length > 1 && (k < 0 || batches[j]!.length > batches[k]!.length)) k = j;
    if (k < 0) break;
    const b = batches[k]!;
    batches.splice(k, 1, b.slice(0, Math.ceil(b.length / 2)), b.slice(Math.ceil(b.length / 2)));
  }
  return batches;
}

/** Simulates every job; resolves when all are done, rejects on the first failure (others are stopped). */
export async function runPool(jobs: readonly PoolJob[], workers: number, hooks: PoolHooks): Promise<void> {
  if (jobs.length === 0) return;
  const batches = batchJobs(jobs, Math.max(1, workers));
  if (workers <= 1) return runInThread(jobs, batches, hooks);
  return runOnWorkers(jobs, batches, Math.min(workers, batches.length), hooks);
}

/** One batch: a show alone, or the shows of one audience as worlds (same results either way). */
export async function simulateBatch(batch: PoolRequest['jobs'], onProgress: (fraction: number) => void): Promise<RunResult[]> {
  const progress = (t: number, end: number) => onProgress(t / end);
  const wallNow = () => performance.now();
  if (batch.length === 1) return [await simulate(batch[0]!.scenario, { workers: 1, variant: batch[0]!.label, wallNow, onProgress: progress })];
  return simulateWorlds(
    batch.map((j) => ({ scenario: j.scenario, variant: j.label })),
    { wallNow, onProgress: progress },
  );
}

async function runInThread(jobs: readonly PoolJob[], batches: readonly number[][], hooks: PoolHooks): Promise<void> {
  for (const b of batches) {
    let last = 0;
    const results = await simulateBatch(
      b.map((id) => ({ id, label: jobs[id]!.label, scenario: jobs[id]!.scenario })),
      (fraction) => {
        const now = performance.now();
        if (now - last < 100) return;
        last = now;
        for (const id of b) hooks.onProgress?.(id, fraction);
      },
    );
    for (const [k, id] of b.entries()) hooks.onDone(id, results[k]!);
    // let timers (the progress bar) and signals (Ctrl-C) through between shows
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function runOnWorkers(jobs: readonly PoolJob[], batches: readonly number[][], n: number, hooks: PoolHooks): Promise<void> {
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
    // a worker gets its next batch once every show of its last one is back
    const owed = new Map<Worker, number>();
    const feed = (w: Worker) => {
      if (over || next >= batches.length) return;
      const b = batches[next++]!;
      owed.set(w, b.length);
      const req: PoolRequest = { jobs: b.map((id) => ({ id, label: jobs[id]!.label, scenario: jobs[id]!.scenario })) };
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
        owed.set(w, owed.get(w)! - 1);
        if (finished === jobs.length) {
          over = true;
          void stopAll().then(() => resolve());
        } else if (owed.get(w) === 0) feed(w);
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
