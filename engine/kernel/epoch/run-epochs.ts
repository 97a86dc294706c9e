// Epochs (DESIGN.md "Determinism"): inside [t, t+Δ) every shard advances its own agents alone; at the
// boundary their outboxes are merged in (time, agentId, seq) order and applied to the shared services,
// whose replies are delivered no earlier than the next epoch. One shard or many, the services see the
// same sequence, so the result is identical whatever the worker count.
import { mergeOutboxes, type ShardMessage } from './messages.ts';

/** the `agent` of a reply meant for every shard (e.g. a pitch every viewer sees) */
export const BROADCAST = -1;

export interface EpochShard<Up, Down> {
  /** Advance own agents through [from, to), first delivering `inbox` (all with t ≥ from). */
  advance(from: number, to: number, inbox: readonly ShardMessage<Down>[]): readonly ShardMessage<Up>[] | Promise<readonly ShardMessage<Up>[]>;
}

/**
 * A shard that runs elsewhere (e.g. on a worker thread). runEpochsSync posts each epoch to it first,
 * advances the in-thread shards meanwhile, then collects its outbox: the threads overlap.
 * `advance` must equal post followed by collect.
 */
export interface RemoteEpochShard<Up, Down> extends EpochShard<Up, Down> {
  post(from: number, to: number, inbox: readonly ShardMessage<Down>[]): void;
  collect(): readonly ShardMessage<Up>[];
}

function isRemote<Up, Down>(s: EpochShard<Up, Down>): s is RemoteEpochShard<Up, Down> {
  return typeof (s as Partial<RemoteEpochShard<Up, Down>>).post === 'function' && typeof (s as Partial<RemoteEpochShard<Up, Down>>).collect === 'function';
}

export interface EpochHub<Up, Down> {
  /**
   * Apply one epoch's merged messages; return replies, each addressed to an agent (or to every shard
   * with agent = BROADCAST), t ≥ epochEnd.
   */
  apply(epochEnd: number, merged: readonly ShardMessage<Up>[]): readonly ShardMessage<Down>[];
}

export interface EpochRunOptions<Up, Down> {
  shards: readonly EpochShard<Up, Down>[];
  hub: EpochHub<Up, Down>;
  /** epoch length Δ in virtual ms (DESIGN.md default 100) */
  delta: number;
  start?: number;
  end: number;
  /** which shard owns an agent */
  shardOf(agent: number): number;
  /** called after every epoch (progress bars) */
  onEpoch?(epochEnd: number): void;
}

export interface EpochRunStats {
  epochs: number;
  upMessages: number;
  downMessages: number;
}

const NO_MAIL: readonly ShardMessage<never>[] = Object.freeze([]);

function route<Up, Down>(opts: EpochRunOptions<Up, Down>, epochEnd: number, replies: readonly ShardMessage<Down>[]): (readonly ShardMessage<Down>[])[] {
  // most epochs send nothing down: one shared, frozen empty inbox for every shard
  if (replies.length === 0) return opts.shards.map(() => NO_MAIL);
  const inboxes: ShardMessage<Down>[][] = opts.shards.map(() => []);
  for (const r of replies) {
    if (r.t < epochEnd) {
      throw new RangeError(`epoch: a reply to agent ${r.agent} at t=${r.t} would arrive inside the epoch that ended at ${epochEnd}`);
    }
    if (r.agent === BROADCAST) for (const box of inboxes) box.push(r);
    else inboxes[opts.shardOf(r.agent)]!.push(r);
  }
  return inboxes;
}

function check<Up, Down>(opts: EpochRunOptions<Up, Down>): void {
  if (!(opts.delta > 0)) throw new RangeError(`epoch: delta must be > 0 ms, got ${opts.delta}`);
  if (opts.shards.length === 0) throw new RangeError('epoch: at least one shard is needed');
}

/** The boundary of one epoch: merge the outboxes, apply them to the hub, route its replies. */
function settle<Up, Down>(opts: EpochRunOptions<Up, Down>, to: number, outboxes: readonly (readonly ShardMessage<Up>[])[], stats: EpochRunStats): (readonly ShardMessage<Down>[])[] {
  const merged = mergeOutboxes(outboxes);
  const replies = opts.hub.apply(to, merged);
  stats.epochs++;
  stats.upMessages += merged.length;
  stats.downMessages += replies.length;
  const inboxes = route(opts, to, replies);
  opts.onEpoch?.(to);
  return inboxes;
}

/** Runs all epochs; shards may be asynchronous. */
export async function runEpochs<Up, Down>(opts: EpochRunOptions<Up, Down>): Promise<EpochRunStats> {
  check(opts);
  const stats: EpochRunStats = { epochs: 0, upMessages: 0, downMessages: 0 };
  let inboxes: (readonly ShardMessage<Down>[])[] = opts.shards.map(() => NO_MAIL);
  for (let from = opts.start ?? 0; from < opts.end; from += opts.delta) {
    const to = Math.min(from + opts.delta, opts.end);
    inboxes = settle(opts, to, await Promise.all(opts.shards.map((s, i) => s.advance(from, to, inboxes[i]!))), stats);
  }
  return stats;
}

/**
 * The same loop for synchronous shards: no promise per epoch (72,000 epochs in a two-hour show).
 * Remote shards (post/collect) are posted before the in-thread shards advance and collected after.
 */
export function runEpochsSync<Up, Down>(opts: EpochRunOptions<Up, Down>): EpochRunStats {
  check(opts);
  const stats: EpochRunStats = { epochs: 0, upMessages: 0, downMessages: 0 };
  const shards = opts.shards;
  const remote = shards.map((s) => isRemote(s));
  const outboxes: (readonly ShardMessage<Up>[])[] = shards.map(() => []);
  let inboxes: (readonly ShardMessage<Down>[])[] = shards.map(() => NO_MAIL);
  for (let from = opts.start ?? 0; from < opts.end; from += opts.delta) {
    const to = Math.min(from + opts.delta, opts.end);
    for (let i = 0; i < shards.length; i++) if (remote[i]) (shards[i] as RemoteEpochShard<Up, Down>).post(from, to, inboxes[i]!);
    for (let i = 0; i < shards.length; i++) {
      if (remote[i]) continue;
      const out = shards[i]!.advance(from, to, inboxes[i]!);
      if (out instanceof Promise) throw new TypeError('runEpochsSync: a shard returned a Promise; use runEpochs');
      outboxes[i] = out;
    }
    for (let i = 0; i < shards.length; i++) if (remote[i]) outboxes[i] = (shards[i] as RemoteEpochShard<Up, Down>).collect();
    inboxes = settle(opts, to, outboxes, stats);
  }
  return stats;
}
