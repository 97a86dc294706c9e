// `livelab run`'s engine: one show from a scenario to a RunResult. Viewers are split over shards by id
// (partition.ts): shard 0 in this thread, the others on worker threads; the hub hosts the stack in
// this thread; epochs keep the order canonical, so the digest and every result group except `engine`
// are the same for any worker count.
import os from 'node:os';
import { runEpochsSync } from '../../engine/kernel/index.ts';
import type { RunResult } from '../../engine/result.ts';
import type { Scenario } from '../../scenarios/schema/index.ts';
import { StackHub } from './hub.ts';
import type { ViewerRecord } from './records.ts';
import { buildResult } from './results.ts';
import { ViewerShard } from './shard.ts';
import { WorkerShards } from './worker-shard.ts';
import { shardOfViewer } from './partition.ts';
import { mergeLatency } from './latency-series.ts';

export interface SimulateOptions {
  workers?: number;
  variant?: string;
  /** the scenario file as given on the command line (for the report's "reproduce this" line) */
  scenarioFile?: string;
  /** called after each epoch with the virtual time reached (progress bars) */
  onProgress?: (virtualMs: number, endMs: number) => void;
  /** wall clock for the engine figures (the CLI passes performance.now) */
  wallNow?: () => number;
  /** the worker channels' spin before sleeping, µs (default: 50 on an idle machine, else 0; results do not depend on it) */
  spin?: number;
}

/**
 * Below this audience a second thread does not pay for its start-up and round trips. Measured on this
 * 2-core machine at load ~1: 10,000 viewers ran in 6.4–6.6 s on one thread and 7.5–7.6 s on two;
 * 100,000 in 101.0 s on one and 50.5 s on two (30,000 at load 9: 33.4 s and 27.8 s).
 */
export const AUTO_WORKERS_MIN_VIEWERS = 20_000;

/**
 * `--workers auto`: for audiences of AUTO_WORKERS_MIN_VIEWERS or more, one thread per core, less one
 * for each whole unit by which the 1-minute load average exceeds 0.5 (a run that just finished leaves
 * about 1 in it for a minute; a busy machine has no core to spare); at least 1. Smaller audiences get
 * one. Results do not depend on it; only the wall time does.
 */
export function autoWorkers(viewers: number, cores = os.availableParallelism(), load = os.loadavg()[0]!): number {
  if (viewers < AUTO_WORKERS_MIN_VIEWERS) return 1;
  return Math.max(1, Math.min(cores, cores - Math.floor(Math.max(0, load - 0.5))));
}

/** grace after the show's end for the last leaves to reach the stack */
const TAIL_MS = 10_000;

/**
 * The epoch loop's clock for a show: its end (the show's plus a grace for the last leaves), the epoch
 * length, and the lookahead: the stack's replies reach the viewers' side replyDelayMs (in whole epochs,
 * rounded up) after the boundary.
 */
export function epochClock(s: Scenario, hub: StackHub): { end: number; delta: number; lookahead: number } {
  const delta = s.show.epochMs;
  return { end: hub.showEndMs + TAIL_MS, delta, lookahead: 1 + Math.ceil(s.show.replyDelayMs / delta) };
}

export async function simulate(s: Scenario, opts: SimulateOptions = {}): Promise<RunResult> {
  const workers = Math.max(1, Math.floor(opts.workers ?? 1));
  const now = opts.wallNow ?? (() => 0);
  const t0 = now();
  // worker threads first: they build their viewers while this thread builds the stack and its own
  const pool = workers > 1 ? new WorkerShards(s, workers, 1, opts.spin !== undefined ? { spin: opts.spin } : {}) : null;
  let hub: StackHub;
  try {
    hub = new StackHub(s);
  } catch (e) {
    pool?.close();
    throw e;
  }
  const { end, delta, lookahead } = epochClock(s, hub);
  let records: ViewerRecord[] = [];
  let events = 0;
  if (pool === null) {
    const shard = new ViewerShard({ scenario: s, shard: 0, shards: 1 });
    runEpochsSync({ shards: [shard], hub, delta, lookahead, end, shardOf: () => 0, onEpoch: (t) => opts.onProgress?.(t, end) });
    records = shard.records;
    hub.viewerLatency = mergeLatency([shard.latency.observation()]);
    events = shard.rt.macrosteps + shard.stats.mediaSteps;
    if (shard.inRoom > 0) throw new Error(`simulate: ${shard.inRoom} viewers still in the room after the show ended`);
  } else {
    // shard 0 runs here, next to the stack; shards 1…N−1 on worker threads
    try {
      const local = new ViewerShard({ scenario: s, shard: 0, shards: workers, owns: (id) => shardOfViewer(id, workers) === 0 });
      await pool.ready();
      runEpochsSync({ shards: [local, pool], hub, delta, lookahead, end, shardOf: (a) => (shardOfViewer(a, workers) === 0 ? 0 : 1), onEpoch: (t) => opts.onProgress?.(t, end) });
      const reports = [{ records: local.records, stats: local.stats, macrosteps: local.rt.macrosteps, inRoom: local.inRoom, latency: local.latency.observation() }, ...pool.finish()];
      hub.viewerLatency = mergeLatency(reports.map((r) => r.latency));
      for (const r of reports) {
        records = records.concat(r.records);
        events += r.macrosteps + r.stats.mediaSteps;
        if (r.inRoom > 0) throw new Error(`simulate: ${r.inRoom} viewers still in the room after the show ended`);
      }
    } finally {
      pool.close();
    }
  }
  hub.finish();
  events += hub.messages + hub.host.macrosteps;
  return buildResult(s, opts.variant, hub, records, { events, wallMs: now() - t0, workers }, opts.scenarioFile);
}
