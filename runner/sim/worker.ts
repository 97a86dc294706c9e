// A shard on a worker thread: the same ViewerShard, driven through a blocking shared-memory channel
// (sync-channel.ts). The thread does nothing else, so it simply waits for the next epoch.
//
// Failure paths, since the main thread is blocked in Atomics.wait and sees no 'error' event once the
// run has started: an exception while serving a request is answered as a FAILED frame; a thread that
// exits any other way (an uncaught error, process.exit) closes the channel from its 'exit' handler.
// Before 'ready' the main thread is still on its event loop and sees failures as events.
import { parentPort, workerData } from 'node:worker_threads';
import { planEpochs, type ShardMessage } from '../../engine/kernel/index.ts';
import type { ViewerDown, ViewerUp } from '../../engine/protocol.ts';
import { shardOfViewer } from './partition.ts';
import { SyncChannel } from './sync-channel.ts';
import { OP_ADVANCE, OP_FINISH, type RoundRequest, type RoundResponse, type ShardReport, type ShardWorkerData } from './worker-shard.ts';

const data = workerData as ShardWorkerData;
// requests arrive on the channels in turn (worker-shard.ts: one per round in flight)
const channels = data.buffers.map((b) => new SyncChannel(b, data.spin !== undefined ? { spin: data.spin } : {}));
process.on('exit', (code) => channels.forEach((c) => c.abandon(code)));

// loaded after the exit handler is in place
const { ViewerShard } = await import('./shard.ts');
const shard = new ViewerShard({ scenario: data.scenario, shard: data.shard, shards: data.shards, owns: (id) => shardOfViewer(id, data.shards) === data.shard });
const delta = data.scenario.show.epochMs;
parentPort!.postMessage('ready');

for (let n = 0; ; n++) {
  const channel = channels[n % channels.length]!;
  const req = channel.nextRequest();
  try {
    if (req.op === OP_ADVANCE) {
      const inboxes = (req.payload as RoundRequest | undefined)?.inboxes;
      const counts: number[] = [];
      let messages: ShardMessage<ViewerUp>[] = [];
      // the round's epochs, planned as run-epochs.ts planned them
      planEpochs(req.a, Infinity, delta, req.b).forEach((span, e) => {
        const out = shard.advance(span.from, span.to, inboxes?.[e] ?? []);
        counts.push(out.length);
        messages = messages.length === 0 ? out : messages.concat(out);
      });
      channel.respond({ op: OP_ADVANCE, a: req.b, b: 0, ...(messages.length > 0 ? { payload: { counts, messages } satisfies RoundResponse } : {}) });
      continue;
    }
    if (req.op !== OP_FINISH) throw new Error(`shard worker: unknown request op ${req.op}`);
    const report: ShardReport = { records: shard.records, stats: shard.stats, macrosteps: shard.rt.macrosteps, inRoom: shard.inRoom, latency: shard.latency.observation() };
    channel.respond({ op: OP_FINISH, a: 0, b: 0, payload: report });
  } catch (e) {
    channel.fail((e as Error).stack ?? String(e));
  }
  break;
}
