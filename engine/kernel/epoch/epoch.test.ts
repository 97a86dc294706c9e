import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BROADCAST, mergeOutboxes, runEpochs, runEpochsSync, type EpochShard, type RemoteEpochShard, type ShardMessage } from './index.ts';

/** A toy world: agent i sends "ping" at times derived from i; the hub echoes each message back at the next boundary. */
function makeShard(agents: number[], log: string[]): EpochShard<string, string> {
  const seq = new Map<number, number>();
  return {
    advance(from, to, inbox) {
      for (const m of inbox) log.push(`recv ${m.agent}@${m.t}:${m.msg}`);
      const out: ShardMessage<string>[] = [];
      for (const a of agents) {
        for (let t = (a * 37) % 50; t < to; t += 50 + a) {
          if (t < from) continue;
          const s = seq.get(a) ?? 0;
          seq.set(a, s + 1);
          out.push({ t, agent: a, seq: s, msg: `ping${s}` });
        }
      }
      return out.reverse(); // shards need not sort: the merge does
    },
  };
}

function run(partition: number[][], lookahead = 1) {
  const applied: string[] = [];
  const logs = partition.map(() => [] as string[]);
  const shardOf = new Map<number, number>();
  partition.forEach((p, i) => p.forEach((a) => shardOf.set(a, i)));
  const stats = runEpochsSync({
    shards: partition.map((p, i) => makeShard(p, logs[i]!)),
    hub: { apply: (_end, merged, at) => merged.map((m) => (applied.push(`${m.t}/${m.agent}/${m.seq}`), { ...m, t: at, msg: 'pong' })) },
    delta: 100,
    lookahead,
    end: 1000,
    shardOf: (a) => shardOf.get(a)!,
  });
  return { applied, stats, received: logs.flat().sort() };
}

describe('epochs', () => {
  it('the hub sees the same merged sequence however the agents are split over shards', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }), (assign) => {
        const partition: number[][] = [[], [], [], []];
        assign.forEach((s, agent) => partition[s]!.push(agent));
        const one = run([assign.map((_, a) => a)]);
        const many = run(partition.filter((p) => p.length > 0));
        expect(many.applied).toEqual(one.applied);
        expect(many.received).toEqual(one.received);
      }),
      { numRuns: 50 },
    );
  });

  it('merges by (time, agent, seq)', () => {
    const m = mergeOutboxes([
      [{ t: 5, agent: 2, seq: 0, msg: 'c' }, { t: 1, agent: 9, seq: 0, msg: 'a' }],
      [{ t: 5, agent: 1, seq: 1, msg: 'b2' }, { t: 5, agent: 1, seq: 0, msg: 'b1' }],
    ]);
    expect(m.map((x) => x.msg)).toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('delivers a BROADCAST reply to every shard', () => {
    const got: number[] = [];
    runEpochsSync({
      shards: [0, 1, 2].map((i) => ({ advance: (_f: number, _t: number, inbox: readonly ShardMessage<string>[]) => (inbox.forEach(() => got.push(i)), []) })),
      hub: { apply: (end) => (end === 100 ? [{ t: end, agent: BROADCAST, seq: 0, msg: 'pitch' }] : []) },
      delta: 100,
      end: 300,
      shardOf: (a) => a % 3,
    });
    expect(got).toEqual([0, 1, 2]);
  });

  it('rejects a reply that would arrive inside the epoch that produced it', () => {
    expect(() =>
      runEpochsSync({
        shards: [{ advance: () => [{ t: 1, agent: 0, seq: 0, msg: 'x' }] }],
        hub: { apply: () => [{ t: 50, agent: 0, seq: 0, msg: 'too early' }] },
        delta: 100,
        end: 100,
        shardOf: () => 0,
      }),
    ).toThrow(/would arrive before 100/);
  });

  /** agents 0–2 in this thread, 3–4 on a remote shard that holds `depth` rounds; the loop's order of calls */
  function runWithRemote(lookahead: number, depth: number) {
    const order: string[] = [];
    const applied: string[] = [];
    const far = makeShard([3, 4], []);
    const near = makeShard([0, 1, 2], []);
    const queue: ShardMessage<string>[][][] = [];
    const remote: RemoteEpochShard<string, string> = {
      depth,
      post: (round) => {
        expect(queue.length).toBeLessThan(depth);
        order.push(`post ${round.map((e) => e.from).join(',')}`);
        queue.push(round.map((e) => [...(far.advance(e.from, e.to, e.inbox) as readonly ShardMessage<string>[])]));
      },
      collect: () => (order.push('collect'), queue.shift()!),
      advance: () => {
        throw new Error('runEpochsSync must use post/collect');
      },
    };
    const local: EpochShard<string, string> = { advance: (f, t, i) => (order.push(`advance ${f}`), near.advance(f, t, i)) };
    const stats = runEpochsSync({
      shards: [local, remote],
      hub: { apply: (_end, merged, at) => merged.map((m) => (applied.push(`${m.t}/${m.agent}/${m.seq}`), { ...m, t: at, msg: 'pong' })) },
      delta: 100,
      lookahead,
      end: 1000,
      shardOf: (a) => (a < 3 ? 0 : 1),
    });
    expect(applied).toEqual(run([[0, 1, 2, 3, 4]], lookahead).applied);
    return { order, stats };
  }

  it('remote shards are posted a round before the in-thread ones advance, collected after, with the same result', () => {
    const one = runWithRemote(1, 1);
    expect(one.stats.rounds).toBe(10);
    expect(one.order.slice(0, 6)).toEqual(['post 0', 'advance 0', 'collect', 'post 100', 'advance 100', 'collect']);
    const three = runWithRemote(3, 1);
    expect(three.stats.rounds).toBe(4);
    expect(three.order.slice(0, 5)).toEqual(['post 0,100,200', 'advance 0', 'advance 100', 'advance 200', 'collect']);
  });

  it('a remote shard that holds two rounds gets round r + 1 before round r is collected, with the same result', () => {
    for (const lookahead of [2, 3, 4, 5]) {
      const { order, stats } = runWithRemote(lookahead, 2);
      const r = Math.floor(lookahead / 2);
      expect(stats.rounds).toBe(Math.ceil(10 / r));
      const first = Array.from({ length: r }, (_, i) => i * 100).join(',');
      const second = Array.from({ length: r }, (_, i) => (r + i) * 100).join(',');
      expect(order.slice(0, 3)).toEqual([`post ${first}`, `post ${second}`, 'advance 0']);
    }
  });

  it('with lookahead D, a reply to epoch k is delivered at the start of epoch k + D', () => {
    for (const lookahead of [1, 2, 5]) {
      const got: string[] = [];
      runEpochsSync({
        shards: [{ advance: (f: number, _t: number, inbox: readonly ShardMessage<string>[]) => (inbox.forEach((m) => got.push(`${m.msg}@${f}/${m.t}`)), f === 300 ? [{ t: 350, agent: 0, seq: 0, msg: 'buy' }] : []) }],
        hub: { apply: (end, merged, at) => merged.map((m) => ({ ...m, t: at, msg: `re:${m.msg}` })) },
        delta: 100,
        lookahead,
        end: 1200,
        shardOf: () => 0,
      });
      // the message of epoch [300, 400) is answered at the start of epoch 3 + D
      const at = 300 + lookahead * 100;
      expect(got).toEqual([`re:buy@${at}/${at}`]);
    }
  });

  it('the hub sees the same sequence for any partition with lookahead too, and a lone remote round is cut at the end', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 8, maxLength: 8 }), fc.integer({ min: 1, max: 4 }), (assign, lookahead) => {
        const partition: number[][] = [[], [], []];
        assign.forEach((s, agent) => partition[s]!.push(agent));
        const one = run([assign.map((_, a) => a)], lookahead);
        const many = run(partition.filter((p) => p.length > 0), lookahead);
        expect(many.applied).toEqual(one.applied);
        expect(many.received).toEqual(one.received);
        expect(one.stats.epochs).toBe(10);
      }),
      { numRuns: 40 },
    );
  });

  it('rejects a reply stamped before the epoch it is delivered in, and a bad lookahead', () => {
    const base = { shards: [{ advance: () => [{ t: 1, agent: 0, seq: 0, msg: 'x' }] }], delta: 100, end: 300, shardOf: () => 0 };
    expect(() => runEpochsSync({ ...base, lookahead: 3, hub: { apply: (end) => [{ t: end, agent: 0, seq: 0, msg: 'too early' }] } })).toThrow(/would arrive before 300/);
    expect(() => runEpochsSync({ ...base, lookahead: 0, hub: { apply: () => [] } })).toThrow(/lookahead must be an integer/);
  });

  it('async shards (workers) give the same result as sync ones', async () => {
    const applied: string[] = [];
    const second = makeShard([3, 4], []);
    await runEpochs({
      shards: [makeShard([0, 1, 2], []), { advance: async (f, t, i) => second.advance(f, t, i) }],
      hub: { apply: (_end, merged, at) => merged.map((m) => (applied.push(`${m.t}/${m.agent}/${m.seq}`), { ...m, t: at, msg: 'pong' })) },
      delta: 100,
      lookahead: 3,
      end: 1000,
      shardOf: (a) => (a < 3 ? 0 : 1),
    });
    const sync = run([[0, 1, 2, 3, 4]], 3).applied;
    expect(applied).toEqual(sync);
  });
});
