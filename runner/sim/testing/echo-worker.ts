// Test and benchmark helper for sync-channel.ts: a worker that answers each request with its numbers
// incremented and its payload echoed. Request ops: 1 echo, 2 throw (answered as a FAILED frame),
// 3 process.exit(7) while the main thread waits, 4 stop (answer, then end the thread normally).
import { workerData } from 'node:worker_threads';
import { SyncChannel } from '../sync-channel.ts';

const { buffer, spin } = workerData as { buffer: SharedArrayBuffer; spin?: number };
const channel = new SyncChannel(buffer, spin !== undefined ? { spin } : {});
process.on('exit', (code) => channel.abandon(code));

for (;;) {
  const req = channel.nextRequest();
  if (req.op === 2) {
    channel.fail('echo worker: asked to throw');
    continue;
  }
  if (req.op === 3) process.exit(7);
  channel.respond({ op: req.op, a: req.a + 1, b: req.b + 1, ...(req.payload !== undefined ? { payload: req.payload } : {}) });
  if (req.op === 4) break;
}
