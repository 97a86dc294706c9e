// Viewer shards on worker threads, seen from the main thread as one synchronous epoch shard: each
// epoch posts every worker its inbox, then waits for all of them (they run in parallel meanwhile).
import { Worker } from 'node:worker_threads';
import type { EpochShard, ShardMessage } from '../../engine/kernel/index.ts';
import type { ViewerDown, ViewerUp } from '../../engine/protocol.ts';
import type { Scenario } from '../../scenarios/schema/index.ts';
import type { ViewerRecord } from './records.ts';
import type { LatencyObservation } from './latency-series.ts';
import type { ShardStats } from './shard.ts';
import { SyncChannel } from './sync-channel.ts';

export interface ShardReport {
  records: ViewerRecord[];
  stats: ShardStats;
  macrosteps: number;
  inRoom: number;
  /** report observation: latency to live per minute (integer sums, merged in simulate.ts) */
  latency: LatencyObservation;
}

export class WorkerShards implements EpochShard<ViewerUp, ViewerDown> {
  private readonly workers: Worker[] = [];
  private readonly channels: SyncChannel[] = [];
  private readonly failed: (Error | null)[] = [];

  constructor(scenario: Scenario, readonly count: number) {
    for (let i = 0; i < count; i++) {
      const channel = SyncChannel.create();
      const entry = new URL('./worker.ts', import.meta.url).href;
      const w = new Worker(new URL('../worker-boot.mjs', import.meta.url), { workerData: { scenario, shard: i, shards: count, buffer: channel.buffer, entry } });
      this.failed.push(null);
      w.on('error', (e) => (this.failed[i] = e));
      this.workers.push(w);
      this.channels.push(channel);
    }
    this.channels.forEach((_, i) => this.answer(i));
  }

  /** the worker's answer, or its error re-thrown here with the worker's stack */
  private answer(i: number): unknown {
    const r = this.channels[i]!.response(() => this.failed[i] === null) as { ok: boolean; value?: unknown; error?: string };
    if (!r.ok) throw new Error(`viewer shard ${i} (worker thread) failed:\n${r.error}`);
    return r.value;
  }

  advance(from: number, to: number, inbox: readonly ShardMessage<ViewerDown>[]): ShardMessage<ViewerUp>[] {
    const boxes: ShardMessage<ViewerDown>[][] = this.channels.map(() => []);
    for (const m of inbox) {
      if (m.agent < 0) boxes.forEach((b) => b.push(m));
      else boxes[m.agent % this.count]!.push(m);
    }
    this.channels.forEach((c, i) => c.request({ kind: 'advance', from, to, inbox: boxes[i] }));
    const out: ShardMessage<ViewerUp>[] = [];
    this.channels.forEach((_, i) => {
      for (const m of this.answer(i) as ShardMessage<ViewerUp>[]) out.push(m);
    });
    return out;
  }

  finish(): ShardReport[] {
    this.channels.forEach((c) => c.request({ kind: 'finish' }));
    const reports = this.channels.map((_, i) => this.answer(i) as ShardReport);
    this.close();
    return reports;
  }

  close(): void {
    for (const w of this.workers) void w.terminate();
  }
}
