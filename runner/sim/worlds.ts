// Strategies that share an audience, simulated together. A comparison's variants usually differ only in
// what the stack does (strategy, script, marketing): under common random numbers their shows have the
// same arrivals, personas, links and players, and nothing a viewer does reaches its player (its messages
// draw from a stream of their own, engine/net/message.ts). So one shard hosts one world per variant: each
// world has its own stack (a StackHub), its own viewer agents, messages and records, while each viewer's
// player and link are simulated once for all of them (shard.ts). Every world's RunResult, digest
// included, is the one `simulate` gives that variant alone (worlds.test.ts); what it saves is the media
// model's share of the second run (~40 % of a show's CPU).
import { BROADCAST, runEpochsSync, type EpochHub, type ShardMessage } from '../../engine/kernel/index.ts';
import type { RunResult } from '../../engine/result.ts';
import type { ViewerDown, ViewerUp } from '../../engine/protocol.ts';
import type { Scenario } from '../../scenarios/schema/index.ts';
import { StackHub } from './hub.ts';
import { mergeLatency } from './latency-series.ts';
import { buildResult } from './results.ts';
import { ViewerShard, WORLD_STRIDE } from './shard.ts';
import { epochClock } from './simulate.ts';

/**
 * What the shared side of a show reads of its scenario (the viewers' arrivals, personas, networks and
 * players, the epoch clock): scenarios with the same key can be simulated as worlds of one audience.
 */
export function audienceKey(s: Scenario): string {
  return JSON.stringify({ seed: s.seed, rng: s.rng, audience: s.audience, network: s.network, show: s.show });
}

export interface WorldRun {
  scenario: Scenario;
  variant?: string;
}

export interface WorldsOptions {
  /** called after each epoch with the virtual time reached (progress bars) */
  onProgress?: (virtualMs: number, endMs: number) => void;
  /** wall clock for the engine figures (each world reports the whole run's wall time) */
  wallNow?: () => number;
  /** fault injection for tests (shard.ts ShardOptions.leaveBeforeStep) */
  leaveBeforeStep?: (viewer: number, world: number, now: number) => boolean;
}

/** Routes each world's messages to its own stack, and tags the stacks' replies with their world. */
class WorldsHub implements EpochHub<ViewerUp, ViewerDown> {
  private readonly split: ShardMessage<ViewerUp>[][];
  constructor(readonly hubs: readonly StackHub[]) {
    this.split = hubs.map(() => []);
  }

  apply(epochEnd: number, merged: readonly ShardMessage<ViewerUp>[], deliverAt: number): ShardMessage<ViewerDown>[] {
    for (const box of this.split) box.length = 0;
    for (const m of merged) {
      const w = Math.floor(m.agent / WORLD_STRIDE);
      this.split[w]!.push(w === 0 ? m : { ...m, agent: m.agent - w * WORLD_STRIDE });
    }
    const out: ShardMessage<ViewerDown>[] = [];
    for (let w = 0; w < this.hubs.length; w++) {
      for (const r of this.hubs[w]!.apply(epochEnd, this.split[w]!, deliverAt)) {
        if (w === 0) out.push(r);
        else out.push({ ...r, agent: r.agent === BROADCAST ? -1 - w : r.agent + w * WORLD_STRIDE });
      }
    }
    return out;
  }
}

/** Simulates the runs as worlds of one audience (their audienceKey must agree); results in run order. */
export function simulateWorlds(runs: readonly WorldRun[], opts: WorldsOptions = {}): RunResult[] {
  if (runs.length === 0) return [];
  const key = audienceKey(runs[0]!.scenario);
  for (const r of runs) {
    if (audienceKey(r.scenario) !== key) throw new RangeError(`simulateWorlds: ${r.variant ?? r.scenario.name} does not share the first run's audience`);
  }
  const now = opts.wallNow ?? (() => 0);
  const t0 = now();
  const s = runs[0]!.scenario;
  const hubs = runs.map((r) => new StackHub(r.scenario));
  const { end, delta, lookahead } = epochClock(s, hubs[0]!);
  const shard = new ViewerShard({ scenario: s, shard: 0, shards: 1, worlds: runs.length, ...(opts.leaveBeforeStep ? { leaveBeforeStep: opts.leaveBeforeStep } : {}) });
  runEpochsSync({ shards: [shard], hub: new WorldsHub(hubs), delta, lookahead, end, shardOf: () => 0, onEpoch: (t) => opts.onProgress?.(t, end) });
  if (shard.inRoom > 0) throw new Error(`simulateWorlds: ${shard.inRoom} viewers still in the room after the show ended`);
  const wallMs = now() - t0;
  return runs.map((r, w) => {
    const hub = hubs[w]!;
    const x = shard.world(w);
    hub.viewerLatency = mergeLatency([x.latency.observation()]);
    hub.finish();
    const events = x.macrosteps + x.stats.mediaSteps + hub.messages + hub.host.macrosteps;
    return buildResult(r.scenario, r.variant, hub, x.records, { events, wallMs, workers: 1 });
  });
}
