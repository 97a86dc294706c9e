// Viewer shards on worker threads, seen from the main thread as one remote epoch shard: each epoch
// posts every worker its inbox (post), the main thread meanwhile advances its own shard, then waits for
// the workers' outboxes (collect). With N shards, shard 0 stays on the main thread next to the stack
// and shards 1…N−1 run on N−1 workers, so `--workers 2` uses both cores of a two-core machine.
import { Worker } from 'node:worker_threads';
import type { RemoteEpochShard, ShardMessage } from '../../engine/kernel/index.ts';
import type { ViewerDown, ViewerUp } from '../../engine/protocol.ts';
import type { Scenario } from '../../scenarios/schema/index.ts';
import type { ViewerRecord } from './records.ts';
import type { LatencyObservation } from './latency-series.ts';
import type { ShardStats } from './shard.ts';
import { ChannelError, SyncChannel, type ChannelOptions } from './sync-channel.ts';

export interface ShardReport {
  records: ViewerRecord[];
  stats: ShardStats;
  macrosteps: number;
  inRoom: number;
  /** report observation: latency to live per minute (integer sums, merged in simulate.ts) */
  latency: LatencyObservation;
}

/** what the main thread asks a shard worker (Frame.op); a = from, b = to for ADVANCE */
export const OP_ADVANCE = 1, OP_FINISH = 2;

/** what starts a shard worker (worker.ts) */
export interface ShardWorkerData {
  scenario: Scenario;
  shard: number;
  shards: number;
  buffer: SharedArrayBuffer;
  entry: string;
  spin?: number;
}

const NONE: readonly ShardMessage<ViewerUp>[] = Object.freeze([]);

export class WorkerShards implements RemoteEpochShard<ViewerUp, ViewerDown> {
  private readonly workers: Worker[] = [];
  private readonly channels: SyncChannel[] = [];
  private readonly failed: (Error | null)[] = [];
  private readonly started: Promise<void>;
  private readonly boxes: ShardMessage<ViewerDown>[][];

  /**
   * Starts shards `first`…`shards`−1 on one worker thread each (they build their viewers in parallel
   * with the caller); `ready()` resolves once all of them are built.
   */
  constructor(scenario: Scenario, readonly shards: number, readonly first = 1, channel: ChannelOptions = {}) {
    const entry = new URL('./worker.ts', import.meta.url).href;
    const boot = new URL('../worker-boot.mjs', import.meta.url);
    const ready: Promise<void>[] = [];
    for (let shard = first; shard < shards; shard++) {
      const i = shard - first;
      const c = SyncChannel.create(channel);
      const data: ShardWorkerData = { scenario, shard, shards, buffer: c.buffer, entry, ...(channel.spin !== undefined ? { spin: channel.spin } : {}) };
      const w = new Worker(boot, { workerData: data });
      this.failed.push(null);
      // until ready, failures (a module that does not load, a shard that cannot be built) arrive as
      // events; after it, the main thread blocks on the channel and the worker reports through it
      ready.push(
        new Promise<void>((resolve, reject) => {
          w.once('message', (m) => (m === 'ready' ? resolve() : reject(new Error(`viewer shard ${shard}: unexpected message ${String(m)}`))));
          w.on('error', (e) => {
            this.failed[i] = e;
            reject(new Error(`viewer shard ${shard} (worker thread) failed to start: ${e.stack ?? e.message}`));
          });
          w.once('exit', (code) => reject(new Error(`viewer shard ${shard} (worker thread) exited (code ${code}) before it was ready`)));
        }),
      );
      this.workers.push(w);
      this.channels.push(c);
    }
    this.boxes = this.channels.map(() => []);
    this.started = Promise.all(ready).then(() => undefined);
    // a rejection is reported by ready(); never as an unhandled one if the caller fails first
    this.started.catch(() => undefined);
  }

  ready(): Promise<void> {
    return this.started;
  }

  /** the worker's answer frame; its failure re-thrown here with the worker's stack */
  private answer(i: number): { op: number; payload?: unknown } {
    try {
      return this.channels[i]!.response(() => this.failed[i] === null);
    } catch (e) {
      if (e instanceof ChannelError) throw new Error(`viewer shard ${this.first + i} (worker thread) failed:\n${e.message}`);
      throw e;
    }
  }

  post(from: number, to: number, inbox: readonly ShardMessage<ViewerDown>[]): void {
    const n = this.channels.length;
    if (n === 1) {
      this.channels[0]!.request({ op: OP_ADVANCE, a: from, b: to, ...(inbox.length > 0 ? { payload: inbox } : {}) });
      return;
    }
    for (const b of this.boxes) b.length = 0;
    for (const m of inbox) {
      if (m.agent < 0) for (const b of this.boxes) b.push(m);
      else this.boxes[(m.agent % this.shards) - this.first]!.push(m);
    }
    for (let i = 0; i < n; i++) {
      const box = this.boxes[i]!;
      this.channels[i]!.request({ op: OP_ADVANCE, a: from, b: to, ...(box.length > 0 ? { payload: box } : {}) });
    }
  }

  collect(): readonly ShardMessage<ViewerUp>[] {
    const n = this.channels.length;
    if (n === 1) return (this.answer(0).payload as ShardMessage<ViewerUp>[] | undefined) ?? NONE;
    let out: ShardMessage<ViewerUp>[] | null = null;
    for (let i = 0; i < n; i++) {
      const got = this.answer(i).payload as ShardMessage<ViewerUp>[] | undefined;
      if (got === undefined) continue;
      if (out === null) out = got;
      else for (const m of got) out.push(m);
    }
    return out ?? NONE;
  }

  advance(from: number, to: number, inbox: readonly ShardMessage<ViewerDown>[]): readonly ShardMessage<ViewerUp>[] {
    this.post(from, to, inbox);
    return this.collect();
  }

  finish(): ShardReport[] {
    this.channels.forEach((c) => c.request({ op: OP_FINISH, a: 0, b: 0 }));
    const reports = this.channels.map((_, i) => this.answer(i).payload as ShardReport);
    this.close();
    return reports;
  }

  close(): void {
    for (const w of this.workers) void w.terminate();
  }
}
