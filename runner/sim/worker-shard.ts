// Viewer shards on worker threads, seen from the main thread as one remote epoch shard: each round of
// epochs (run-epochs.ts) posts every worker its inboxes (post), the main thread meanwhile advances its
// own shard, then waits for the workers' outboxes (collect); a worker holds the next round while the
// current one is collected. With N shards, shard 0 stays on the main thread next to the stack and
// shards 1…N−1 run on N−1 workers, so `--workers 2` uses both cores of a two-core machine.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EpochSpan, RemoteEpochShard, ShardMessage } from '../../engine/kernel/index.ts';
import type { ViewerDown, ViewerUp } from '../../engine/protocol.ts';
import type { Scenario } from '../../scenarios/schema/index.ts';
import type { ViewerRecord } from './records.ts';
import type { LatencyObservation } from './latency-series.ts';
import type { ShardStats } from './shard.ts';
import { shardOfViewer } from './partition.ts';
import { ChannelError, SyncChannel, type ChannelOptions } from './sync-channel.ts';
import { workerEntry, type WorkerEntry } from '../worker-bundle.ts';

export interface ShardReport {
  records: ViewerRecord[];
  stats: ShardStats;
  macrosteps: number;
  inRoom: number;
  /** report observation: latency to live per minute (integer sums, merged in simulate.ts) */
  latency: LatencyObservation;
}

/**
 * What the main thread asks a shard worker (Frame.op). ADVANCE is a round of epochs (run-epochs.ts):
 * a = the round's start, b = its end, epochs of the scenario's Δ (the last one cut at b); the payload, a
 * RoundRequest, only when some epoch has mail. The answer's payload, a RoundResponse, only when some
 * epoch sent messages.
 */
export const OP_ADVANCE = 1, OP_FINISH = 2;

export interface RoundRequest {
  /** per epoch of the round, what is delivered at its start */
  inboxes: ShardMessage<ViewerDown>[][];
}

export interface RoundResponse {
  /** per epoch of the round, how many of `messages` it sent */
  counts: number[];
  /** the round's outboxes, one after the other */
  messages: ShardMessage<ViewerUp>[];
}

/** what starts a shard worker (worker.ts) */
export interface ShardWorkerData {
  scenario: Scenario;
  shard: number;
  shards: number;
  /** one channel per round in flight, used in turn */
  buffers: SharedArrayBuffer[];
  entry: string;
  spin?: number;
}

const NONE: readonly ShardMessage<ViewerUp>[] = Object.freeze([]);

/** rounds a worker can hold: one channel each, used in turn (run-epochs.ts pipelines with two) */
export const ROUNDS_IN_FLIGHT = 2;

export class WorkerShards implements RemoteEpochShard<ViewerUp, ViewerDown> {
  readonly depth = ROUNDS_IN_FLIGHT;
  private readonly workers: Worker[] = [];
  /** per worker, one channel per round in flight */
  private readonly channels: SyncChannel[][] = [];
  private readonly failed: (Error | null)[] = [];
  private readonly started: Promise<void>;
  /** epochs of each round posted and not yet collected, oldest first */
  private readonly rounds: number[] = [];
  /** rounds posted and collected so far: round n travels on channel n % ROUNDS_IN_FLIGHT */
  private posted = 0;
  private collected = 0;

  /**
   * Starts shards `first`…`shards`−1 on one worker thread each (they build their viewers in parallel
   * with the caller); `ready()` resolves once all of them are built.
   */
  constructor(scenario: Scenario, readonly shards: number, readonly first = 1, options: ChannelOptions = {}) {
    const channel: ChannelOptions = { spin: options.spin ?? defaultSpinMicros() };
    for (let shard = first; shard < shards; shard++) {
      this.channels.push(Array.from({ length: ROUNDS_IN_FLIGHT }, () => SyncChannel.create(channel)));
      this.failed.push(null);
    }
    this.started = shardWorkerEntry().then((entry) => this.spawn(scenario, entry, channel));
    // a rejection is reported by ready(); never as an unhandled one if the caller fails first
    this.started.catch(() => undefined);
  }

  private closed = false;

  private async spawn(scenario: Scenario, entry: WorkerEntry, channel: ChannelOptions): Promise<void> {
    if (this.closed) return;
    const ready: Promise<void>[] = [];
    this.channels.forEach((c, i) => {
      const shard = this.first + i;
      const data: ShardWorkerData = { scenario, shard, shards: this.shards, buffers: c.map((x) => x.buffer), entry: entry.entry, ...(channel.spin !== undefined ? { spin: channel.spin } : {}) };
      const w = new Worker(entry.url, { workerData: data });
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
    });
    await Promise.all(ready);
  }

  ready(): Promise<void> {
    return this.started;
  }

  /** worker i's answer to the oldest request; its failure re-thrown here with the worker's stack */
  private answer(i: number): { op: number; payload?: unknown } {
    try {
      return this.channels[i]![this.collected % ROUNDS_IN_FLIGHT]!.response(() => this.failed[i] === null);
    } catch (e) {
      if (e instanceof ChannelError) throw new Error(`viewer shard ${this.first + i} (worker thread) failed:\n${e.message}`);
      throw e;
    }
  }

  post(round: readonly EpochSpan<ViewerDown>[]): void {
    const n = this.channels.length;
    if (this.rounds.length >= ROUNDS_IN_FLIGHT) throw new Error(`WorkerShards.post: ${ROUNDS_IN_FLIGHT} rounds already in flight`);
    this.rounds.push(round.length);
    const from = round[0]!.from, to = round[round.length - 1]!.to;
    const channel = this.posted % ROUNDS_IN_FLIGHT;
    // most rounds carry no mail: nothing to sort out, no payload
    if (round.every((span) => span.inbox.length === 0)) {
      for (const c of this.channels) c[channel]!.request({ op: OP_ADVANCE, a: from, b: to });
      this.posted++;
      return;
    }
    // per worker, per epoch of the round: its inbox (a BROADCAST goes to every worker)
    const boxes: ShardMessage<ViewerDown>[][][] = this.channels.map(() => round.map(() => []));
    round.forEach((span, e) => {
      for (const m of span.inbox) {
        if (m.agent < 0) for (const b of boxes) b[e]!.push(m);
        else boxes[n === 1 ? 0 : shardOfViewer(m.agent, this.shards) - this.first]![e]!.push(m);
      }
    });
    for (let i = 0; i < n; i++) {
      const inboxes = boxes[i]!;
      const frame: RoundRequest = { inboxes };
      this.channels[i]![channel]!.request({ op: OP_ADVANCE, a: from, b: to, ...(inboxes.some((b) => b.length > 0) ? { payload: frame } : {}) });
    }
    this.posted++;
  }

  collect(): readonly (readonly ShardMessage<ViewerUp>[])[] {
    const length = this.rounds.shift();
    if (length === undefined) throw new Error('WorkerShards.collect: no round in flight');
    const outs: ShardMessage<ViewerUp>[][] = [];
    for (let e = 0; e < length; e++) outs.push([]);
    let any = false;
    for (let i = 0; i < this.channels.length; i++) {
      const got = this.answer(i).payload as RoundResponse | undefined;
      if (got === undefined) continue;
      if (got.counts.length !== length) throw new Error(`viewer shard ${this.first + i}: ${got.counts.length} outboxes for a round of ${length} epochs`);
      any = true;
      let k = 0;
      got.counts.forEach((c, e) => {
        const box = outs[e]!;
        for (const end = k + c; k < end; k++) box.push(got.messages[k]!);
      });
    }
    this.collected++;
    return any ? outs : outs.map(() => NONE);
  }

  advance(from: number, to: number, inbox: readonly ShardMessage<ViewerDown>[]): readonly ShardMessage<ViewerUp>[] {
    this.post([{ from, to, inbox }]);
    return this.collect()[0]!;
  }

  finish(): ShardReport[] {
    if (this.rounds.length > 0) throw new Error('WorkerShards.finish: rounds still in flight');
    this.channels.forEach((c) => c[this.posted % ROUNDS_IN_FLIGHT]!.request({ op: OP_FINISH, a: 0, b: 0 }));
    this.posted++;
    const reports = this.channels.map((_, i) => this.answer(i).payload as ShardReport);
    this.collected++;
    this.close();
    return reports;
  }

  close(): void {
    this.closed = true;
    for (const w of this.workers) void w.terminate();
  }
}

/**
 * Spin before sleeping only on an idle machine (1-minute load average below cores − 1.5: room for our
 * two threads): there a spin turns a round's futex wake-ups (0.1–0.5 ms each on this VM) into
 * cache-line transfers; on a busy machine spinning takes CPU from the thread being waited for.
 */
function defaultSpinMicros(): number {
  return os.loadavg()[0]! < os.availableParallelism() - 1.5 ? 50 : 0;
}

/** The shard worker's code (worker.ts), as a cached bundle: runner/worker-bundle.ts. */
export function shardWorkerEntry(): Promise<WorkerEntry> {
  return workerEntry(new URL('./worker.ts', import.meta.url));
}
