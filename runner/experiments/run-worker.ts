// A pool worker (pool.ts): simulates one batch at a time (a show, or shows sharing an audience as worlds),
// single-threaded, and posts each show's result back.
// Progress goes out at most every 200 ms of wall time; failures go back as messages, so the main
// thread can name the run that failed (and re-throw bad input as bad input).
import { parentPort } from 'node:worker_threads';
import { InputError } from '../../engine/kernel/index.ts';
import { simulateBatch, type PoolReply, type PoolRequest } from './pool.ts';

const port = parentPort!;

port.on('message', (m: PoolRequest) => {
  let last = 0;
  const post = (r: PoolReply) => port.postMessage(r);
  const ids = m.jobs.map((j) => j.id);
  simulateBatch(m.jobs, (fraction) => {
    const now = performance.now();
    if (now - last < 200) return;
    last = now;
    for (const id of ids) post({ kind: 'progress', id, fraction });
  }).then(
    (results) => results.forEach((result, k) => post({ kind: 'done', id: ids[k]!, result })),
    (e: unknown) => post({ kind: 'failed', id: ids[0]!, message: (e as Error)?.stack ?? String(e), ...(e instanceof InputError ? { problems: [...e.problems] } : {}) }),
  );
});
