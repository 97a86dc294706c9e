// A shard on a worker thread: the same ViewerShard, driven through a blocking shared-memory channel
// (sync-channel.ts). The thread does nothing else, so it simply waits for the next epoch.
import { workerData } from 'node:worker_threads';
import type { Scenario } from '../../scenarios/schema/index.ts';
import { ViewerShard } from './shard.ts';
import { SyncChannel } from './sync-channel.ts';

type Request = { kind: 'advance'; from: number; to: number; inbox: never[] } | { kind: 'finish' };

const { scenario, shard, shards, buffer } = workerData as { scenario: Scenario; shard: number; shards: number; buffer: SharedArrayBuffer };
const channel = new SyncChannel(buffer);
let s: ViewerShard;
try {
  s = new ViewerShard({ scenario, shard, shards });
  channel.respond({ ok: true, value: 'ready' });
} catch (e) {
  channel.respond({ ok: false, error: (e as Error).stack ?? String(e) });
  throw e;
}
// every answer is { ok, value } or { ok: false, error }: the main thread is blocked on the channel and
// would never see an 'error' event, so failures travel through the channel too
for (;;) {
  const req = channel.nextRequest() as Request;
  try {
    if (req.kind === 'advance') {
      channel.respond({ ok: true, value: s.advance(req.from, req.to, req.inbox) });
      continue;
    }
    channel.respond({ ok: true, value: { records: s.records, stats: s.stats, macrosteps: s.rt.macrosteps, inRoom: s.inRoom, latency: s.latency.observation() } });
  } catch (e) {
    channel.respond({ ok: false, error: (e as Error).stack ?? String(e) });
  }
  break;
}
