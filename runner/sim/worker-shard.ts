// The main thread's handle on a shard running in a worker thread (see worker.ts).
import { Worker } from 'node:worker_threads';
import type { EpochShard, ShardMessage } from '../../engine/kernel/index.ts';
import type { ViewerDown, ViewerUp } from '../../engine/protocol.ts';
import type { Scenario } from '../../scenarios/schema/index.ts';
import type { ViewerRecord } from './records.ts';
import type { ShardStats } from './shard.ts';

export interface ShardReport {
  records: ViewerRecord[];
  stats: ShardStats;
  macrosteps: number;
  inRoom: number;
}

export class WorkerShard implements EpochShard<ViewerUp, ViewerDown> {
  private readonly worker: Worker;
  private waiting: ((m: { kind: string; [k: string]: unknown }) => void) | null = null;
  private failure: Error | null = null;
  readonly ready: Promise<void>;

  constructor(scenario: Scenario, shard: number, shards: number) {
    const entry = new URL('./worker.ts', import.meta.url).href;
    this.worker = new Worker(new URL('../worker-boot.mjs', import.meta.url), { workerData: { scenario, shard, shards, entry } });
    this.worker.on('message', (m) => {
      const w = this.waiting;
      this.waiting = null;
      w?.(m);
    });
    this.worker.on('error', (e) => {
      this.failure = e;
      this.waiting?.({ kind: 'error' });
    });
    this.ready = this.next().then(() => undefined);
  }

  private next(): Promise<{ kind: string; [k: string]: unknown }> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiting = (m) => (m.kind === 'error' ? reject(this.failure) : resolve(m));
    });
  }

  async advance(from: number, to: number, inbox: readonly ShardMessage<ViewerDown>[]): Promise<ShardMessage<ViewerUp>[]> {
    const reply = this.next();
    this.worker.postMessage({ kind: 'advance', from, to, inbox });
    return (await reply).out as ShardMessage<ViewerUp>[];
  }

  async finish(): Promise<ShardReport> {
    const reply = this.next();
    this.worker.postMessage({ kind: 'finish' });
    const r = (await reply) as unknown as ShardReport;
    await this.worker.terminate();
    return r;
  }
}
