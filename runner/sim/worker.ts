// A shard on a worker thread: the same ViewerShard, driven by messages from the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../../scenarios/schema/index.ts';
import { ViewerShard } from './shard.ts';

type Request = { kind: 'advance'; from: number; to: number; inbox: never[] } | { kind: 'finish' };

const { scenario, shard, shards } = workerData as { scenario: Scenario; shard: number; shards: number; entry: string };
const s = new ViewerShard({ scenario, shard, shards });
parentPort!.postMessage({ kind: 'ready' });
parentPort!.on('message', (req: Request) => {
  if (req.kind === 'advance') parentPort!.postMessage({ kind: 'out', out: s.advance(req.from, req.to, req.inbox) });
  else parentPort!.postMessage({ kind: 'done', records: s.records, stats: s.stats, macrosteps: s.rt.macrosteps, inRoom: s.inRoom });
});
