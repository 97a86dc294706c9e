// The worker shards as the epoch loop drives them: two rounds in flight on the pair of channels, the
// same outboxes as the shard run in this thread, and a worker that fails mid-run turns into an error
// naming its shard, never a hang.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ShardMessage } from '../../engine/kernel/index.ts';
import type { ViewerUp } from '../../engine/protocol.ts';
import { resolveScenario } from '../scenario-input.ts';
import { ViewerShard } from './shard.ts';
import { shardOfViewer } from './partition.ts';
import { ROUNDS_IN_FLIGHT, WorkerShards } from './worker-shard.ts';

const SCENARIO = path.resolve('test/fixtures/small-show.yaml');
const spans = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ from: from + i * 100, to: from + (i + 1) * 100, inbox: [] }));
const key = (m: ShardMessage<ViewerUp>) => `${m.t}/${m.agent}/${m.seq}/${m.msg.type}`;

describe('worker shards', async () => {
  const { scenario } = await resolveScenario(SCENARIO, {});

  it('hold two rounds at once and answer them in order, as the same shard in this thread would', async () => {
    expect(ROUNDS_IN_FLIGHT).toBe(2);
    const pool = new WorkerShards(scenario, 2, 1);
    const here = new ViewerShard({ scenario, shard: 1, shards: 2, owns: (id) => shardOfViewer(id, 2) === 1 });
    try {
      await pool.ready();
      const got: string[] = [];
      const want: string[] = [];
      // rounds of 5 epochs, the next one posted before the last is collected (as run-epochs.ts pipelines)
      pool.post(spans(0, 5));
      for (let r = 1; r <= 1200; r++) {
        if (r < 1200) {
          pool.post(spans(r * 500, 5));
          expect(() => pool.post(spans(999_000, 1))).toThrow(/already in flight/);
        }
        for (const box of pool.collect()) got.push(...box.map(key));
        for (const sp of spans((r - 1) * 500, 5)) want.push(...here.advance(sp.from, sp.to, sp.inbox).map(key));
      }
      expect(want.length).toBeGreaterThan(50);
      expect(got).toEqual(want);
      const [report] = pool.finish();
      expect(report!.records.length + report!.inRoom).toBeGreaterThan(0);
    } finally {
      pool.close();
    }
  });

  it('a worker that fails with two rounds in flight is an error naming its shard, and the pool closes', async () => {
    const pool = new WorkerShards(scenario, 2, 1);
    try {
      await pool.ready();
      for (let r = 0; r < 600; r++) {
        pool.post(spans(r * 500, 5));
        pool.collect();
      }
      // a broadcast that is no event at all: the viewers' statecharts throw on it inside the worker
      const bad = { t: 300_000, agent: -1, seq: 0, msg: null as never };
      pool.post([{ from: 300_000, to: 300_100, inbox: [bad] }]);
      pool.post(spans(300_100, 5));
      expect(() => pool.collect()).toThrow(/viewer shard 1 \(worker thread\) failed:\n.*TypeError/s);
    } finally {
      pool.close();
    }
  });
});
