// A pool worker (pool.ts): simulates one show at a time, single-threaded, and posts the result back.
// Progress goes out at most every 200 ms of wall time; failures go back as messages, so the main
// thread can name the run that failed (and re-throw bad input as bad input).
import { parentPort } from 'node:worker_threads';
import { InputError } from '../../engine/kernel/index.ts';
import { simulate } from '../sim/simulate.ts';
import type { PoolReply, PoolRequest } from './pool.ts';

const port = parentPort!;

port.on('message', (m: PoolRequest) => {
  let last = 0;
  const post = (r: PoolReply) => port.postMessage(r);
  simulate(m.scenario, {
    workers: 1,
    variant: m.label,
    wallNow: () => performance.now(),
    onProgress: (t, end) => {
      const now = performance.now();
      if (now - last < 200) return;
      last = now;
      post({ kind: 'progress', id: m.id, fraction: t / end });
    },
  }).then(
    (result) => post({ kind: 'done', id: m.id, result }),
    (e: unknown) => post({ kind: 'failed', id: m.id, message: (e as Error)?.stack ?? String(e), ...(e instanceof InputError ? { problems: [...e.problems] } : {}) }),
  );
});
