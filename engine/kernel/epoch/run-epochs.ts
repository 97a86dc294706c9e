// Epochs (DESIGN.md "Determinism"): inside [t, t+Δ) every shard advances its own agents alone; at the
// boundary their outboxes are merged in (time, agentId, seq) order and applied to the shared services,
// whose replies are delivered no earlier than the next epoch. One shard or many, the services see the
// same sequence, so the result is identical whatever the worker count.
//
// Lookahead. With `lookahead` D, what the services send back at the end of epoch k is delivered at the
// start of epoch k + D (the services' turnaround is (D − 1)·Δ on top of the wait for the boundary). The
// shards then need nothing from the services for D epochs at a time, so the loop runs in rounds of D
// epochs: every shard advances through the round's epochs on its own, then the services apply them one
// by one. A shard on another thread costs one round trip per round instead of one per epoch. The
// results depend on D (it is part of the model) and never on how the shards are spread over threads.
import { mergeOutboxes, type ShardMessage } from './messages.ts';

/** the `agent` of a reply meant for every shard (e.g. a pitch every viewer sees) */
export const BROADCAST = -1;

export interface EpochShard<Up, Down> {
  /** Advance own agents through [from, to), first delivering `inbox` (all with t ≥ from). */
  advance(from: number, to: number, inbox: readonly ShardMessage<Down>[]): readonly ShardMessage<Up>[] | Promise<readonly ShardMessage<Up>[]>;
}

/** one epoch of a round: its bounds and what is delivered at its start */
export interface EpochSpan<Down> {
  readonly from: number;
  readonly to: number;
  readonly inbox: readonly ShardMessage<Down>[];
}

/**
 * A shard that runs elsewhere (e.g. on a worker thread). runEpochsSync posts each round to it first,
 * advances the in-thread shards meanwhile, then collects its outboxes: the threads overlap.
 * `post` then `collect` must equal `advance` over the round's epochs in order.
 */
export interface RemoteEpochShard<Up, Down> extends EpochShard<Up, Down> {
  /** how many posted rounds it can hold before the oldest is collected (default 1) */
  readonly depth?: number;
  /** starts a round of consecutive epochs */
  post(round: readonly EpochSpan<Down>[]): void;
  /** the outboxes of the oldest round posted and not yet collected, one per epoch, in order */
  collect(): readonly (readonly ShardMessage<Up>[])[];
}

function isRemote<Up, Down>(s: EpochShard<Up, Down>): s is RemoteEpochShard<Up, Down> {
  return typeof (s as Partial<RemoteEpochShard<Up, Down>>).post === 'function' && typeof (s as Partial<RemoteEpochShard<Up, Down>>).collect === 'function';
}

export interface EpochHub<Up, Down> {
  /**
   * Apply one epoch's merged messages; return replies, each addressed to an agent (or to every shard
   * with agent = BROADCAST), with t ≥ deliverAt: the start of the epoch they are delivered in
   * (epochEnd + (lookahead − 1)·Δ).
   */
  apply(epochEnd: number, merged: readonly ShardMessage<Up>[], deliverAt: number): readonly ShardMessage<Down>[];
}

export interface EpochRunOptions<Up, Down> {
  shards: readonly EpochShard<Up, Down>[];
  hub: EpochHub<Up, Down>;
  /** epoch length Δ in virtual ms (DESIGN.md default 100) */
  delta: number;
  /** replies of epoch k are delivered in epoch k + lookahead (default 1); also the epochs per round */
  lookahead?: number;
  start?: number;
  end: number;
  /** which shard owns an agent */
  shardOf(agent: number): number;
  /** called after every epoch (progress bars) */
  onEpoch?(epochEnd: number): void;
}

export interface EpochRunStats {
  epochs: number;
  /** synchronisations of the shards with the services: ⌈epochs / lookahead⌉ */
  rounds: number;
  upMessages: number;
  downMessages: number;
}

type Inboxes<Down> = (readonly ShardMessage<Down>[])[];

const NO_MAIL: readonly ShardMessage<never>[] = Object.freeze([]);

function route<Up, Down>(opts: EpochRunOptions<Up, Down>, epochEnd: number, deliverAt: number, replies: readonly ShardMessage<Down>[]): Inboxes<Down> {
  // most epochs send nothing down: one shared, frozen empty inbox for every shard
  if (replies.length === 0) return opts.shards.map(() => NO_MAIL);
  const inboxes: ShardMessage<Down>[][] = opts.shards.map(() => []);
  for (const r of replies) {
    if (r.t < deliverAt) {
      throw new RangeError(
        `epoch: a reply to agent ${r.agent} at t=${r.t} would arrive before ${deliverAt}, the start of the epoch it is delivered in (the epoch that produced it ended at ${epochEnd})`,
      );
    }
    if (r.agent === BROADCAST) for (const box of inboxes) box.push(r);
    else inboxes[opts.shardOf(r.agent)]!.push(r);
  }
  return inboxes;
}

function check<Up, Down>(opts: EpochRunOptions<Up, Down>): number {
  if (!(opts.delta > 0)) throw new RangeError(`epoch: delta must be > 0 ms, got ${opts.delta}`);
  if (opts.shards.length === 0) throw new RangeError('epoch: at least one shard is needed');
  const d = opts.lookahead ?? 1;
  if (!(Number.isInteger(d) && d >= 1)) throw new RangeError(`epoch: lookahead must be an integer ≥ 1, got ${d}`);
  return d;
}

/**
 * The epochs from `from`: at most `d` of them, each Δ long, the last one cut at `end`. A round's epochs;
 * a remote shard given a round's bounds re-plans them with d = Infinity.
 */
export function plan(from: number, d: number, delta: number, end: number): { from: number; to: number }[] {
  const spans: { from: number; to: number }[] = [];
  for (let i = 0; i < d && from < end; i++) {
    const to = Math.min(from + delta, end);
    spans.push({ from, to });
    from = to;
  }
  return spans;
}

/** The boundary of one epoch: merge the outboxes, apply them to the hub, route its replies. */
function settle<Up, Down>(opts: EpochRunOptions<Up, Down>, d: number, to: number, outboxes: readonly (readonly ShardMessage<Up>[])[], stats: EpochRunStats): Inboxes<Down> {
  const merged = mergeOutboxes(outboxes);
  const deliverAt = to + (d - 1) * opts.delta;
  const replies = opts.hub.apply(to, merged, deliverAt);
  stats.epochs++;
  stats.upMessages += merged.length;
  stats.downMessages += replies.length;
  const inboxes = route(opts, to, deliverAt, replies);
  opts.onEpoch?.(to);
  return inboxes;
}

/** Runs all epochs; shards may be asynchronous (remote shards are driven through `advance`). */
export async function runEpochs<Up, Down>(opts: EpochRunOptions<Up, Down>): Promise<EpochRunStats> {
  const d = check(opts);
  const stats: EpochRunStats = { epochs: 0, rounds: 0, upMessages: 0, downMessages: 0 };
  // inboxes[i][s]: what shard s gets at the start of the round's i-th epoch
  let inboxes: Inboxes<Down>[] = [];
  for (let from = opts.start ?? 0; from < opts.end; ) {
    const spans = plan(from, d, opts.delta, opts.end);
    const outs = await Promise.all(
      opts.shards.map(async (s, k) => {
        const out: (readonly ShardMessage<Up>[])[] = [];
        for (let i = 0; i < spans.length; i++) out.push(await s.advance(spans[i]!.from, spans[i]!.to, inboxes[i]?.[k] ?? NO_MAIL));
        return out;
      }),
    );
    stats.rounds++;
    inboxes = spans.map((sp, i) => settle(opts, d, sp.to, outs.map((o) => o[i]!), stats));
    from = spans[spans.length - 1]!.to;
  }
  return stats;
}

/**
 * The same loop for synchronous shards: no promise per epoch (72,000 epochs in a two-hour show).
 * Remote shards (post/collect) are posted before the in-thread shards advance and collected after.
 *
 * Pipelining: when every remote shard holds two rounds (depth ≥ 2) and the lookahead D is at least 2,
 * rounds are ⌊D/2⌋ epochs long and round r + 1 is posted before round r is collected: its inboxes come
 * from epochs the services finished a round earlier (D ≥ 2 × round length). A worker thread then finds
 * its next round waiting when it finishes one, instead of sleeping until the main thread has applied the
 * services (a sleeping thread's wake-up costs 0.1–0.5 ms on a virtual machine, as much as a round's
 * work). The order of everything the services see is unchanged.
 */
export function runEpochsSync<Up, Down>(opts: EpochRunOptions<Up, Down>): EpochRunStats {
  const d = check(opts);
  const stats: EpochRunStats = { epochs: 0, rounds: 0, upMessages: 0, downMessages: 0 };
  const shards = opts.shards;
  const remote = shards.map((s) => isRemote(s));
  const pipelined = d >= 2 && remote.some(Boolean) && shards.every((s, k) => !remote[k] || ((s as RemoteEpochShard<Up, Down>).depth ?? 1) >= 2);
  const length = pipelined ? Math.floor(d / 2) : d;
  const outs: (readonly (readonly ShardMessage<Up>[])[])[] = shards.map(() => []);
  // epoch index → what each shard gets at that epoch's start (only epochs with mail)
  const mail = new Map<number, Inboxes<Down>>();
  const inbox = (e: number, k: number) => mail.get(e)?.[k] ?? NO_MAIL;
  let nextFrom = opts.start ?? 0;
  let nextEpoch = 0;
  const planRound = () => {
    const spans = plan(nextFrom, length, opts.delta, opts.end).map((sp) => ({ from: sp.from, to: sp.to, e: nextEpoch++ }));
    if (spans.length > 0) nextFrom = spans[spans.length - 1]!.to;
    return spans;
  };
  const post = (round: { from: number; to: number; e: number }[]) => {
    for (let k = 0; k < shards.length; k++) {
      if (remote[k]) (shards[k] as RemoteEpochShard<Up, Down>).post(round.map((sp) => ({ from: sp.from, to: sp.to, inbox: inbox(sp.e, k) })));
    }
  };
  let round = planRound();
  if (round.length > 0) post(round);
  while (round.length > 0) {
    const following = planRound();
    if (pipelined && following.length > 0) post(following);
    for (let k = 0; k < shards.length; k++) {
      if (remote[k]) continue;
      const out: (readonly ShardMessage<Up>[])[] = [];
      for (const sp of round) {
        const o = shards[k]!.advance(sp.from, sp.to, inbox(sp.e, k));
        if (o instanceof Promise) throw new TypeError('runEpochsSync: a shard returned a Promise; use runEpochs');
        out.push(o);
      }
      outs[k] = out;
    }
    for (let k = 0; k < shards.length; k++) {
      if (!remote[k]) continue;
      const got = (shards[k] as RemoteEpochShard<Up, Down>).collect();
      if (got.length !== round.length) throw new Error(`runEpochsSync: a remote shard returned ${got.length} outboxes for a round of ${round.length} epochs`);
      outs[k] = got;
    }
    stats.rounds++;
    round.forEach((sp, i) => {
      mail.delete(sp.e);
      const replies = settle(opts, d, sp.to, outs.map((o) => o[i]!), stats);
      if (replies.some((box) => box.length > 0)) mail.set(sp.e + d, replies);
    });
    if (!pipelined && following.length > 0) post(following);
    round = following;
  }
  return stats;
}
