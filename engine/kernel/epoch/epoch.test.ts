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

function run(partition: number[][]) {
  const applied: string[] = [];
  const logs = partition.map(() => [] as string[]);
  const shardOf = new Map<number, number>();
  partition.forEach((p, i) => p.forEach((a) => shardOf.set(a, i)));
  const stats = runEpochsSync({
    shards: partition.map((p, i) => makeShard(p, logs[i]!)),
    hub: { apply: (end, merged) => merged.map((m) => (applied.push(`${m.t}/${m.agent}/${m.seq}`), { ...m, t: end, msg: 'pong' })) },
    delta: 100,
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
    ).toThrow(/would arrive inside the epoch/);
  });

  it('remote shards are posted before the in-thread ones advance, collected after, with the same result', () => {
    const order: string[] = [];
    const applied: string[] = [];
    const far = makeShard([3, 4], []);
    const near = makeShard([0, 1, 2], []);
    let posted: ShardMessage<string>[] | null = null;
    const remote: RemoteEpochShard<string, string> = {
      post: (f, t, inbox) => {
        order.push(`post ${f}`);
        posted = [...(far.advance(f, t, inbox) as readonly ShardMessage<string>[])];
      },
      collect: () => {
        order.push('collect');
        const out = posted!;
        posted = null;
        return out;
      },
      advance: () => {
        throw new Error('runEpochsSync must use post/collect');
      },
    };
    const local: EpochShard<string, string> = { advance: (f, t, i) => (order.push(`advance ${f}`), near.advance(f, t, i)) };
    runEpochsSync({
      shards: [local, remote],
      hub: { apply: (end, merged) => merged.map((m) => (applied.push(`${m.t}/${m.agent}/${m.seq}`), { ...m, t: end, msg: 'pong' })) },
      delta: 100,
      end: 1000,
      shardOf: (a) => (a < 3 ? 0 : 1),
    });
    expect(applied).toEqual(run([[0, 1, 2, 3, 4]]).applied);
    expect(order.slice(0, 6)).toEqual(['post 0', 'advance 0', 'collect', 'post 100', 'advance 100', 'collect']);
  });

  it('async shards (workers) give the same result as sync ones', async () => {
    const applied: string[] = [];
    const second = makeShard([3, 4], []);
    await runEpochs({
      shards: [makeShard([0, 1, 2], []), { advance: async (f, t, i) => second.advance(f, t, i) }],
      hub: { apply: (end, merged) => (merged.forEach((m) => applied.push(`${m.t}/${m.agent}/${m.seq}`)), []) },
      delta: 100,
      end: 1000,
      shardOf: (a) => (a < 3 ? 0 : 1),
    });
    const sync = run([[0, 1, 2, 3, 4]]).applied;
    expect(applied).toEqual(sync);
  });
});
