// A small stress run end to end, as CI can afford it: 300 viewers for 20 s in two client processes against
// a server child process, with a SIGKILL restart, a flood and malformed frames. The measured percentiles
// must be there (not their values: CI machines differ), and no order may be lost or duplicated.
import { describe, expect, it } from 'vitest';
import { runStress, type StressResult } from '../../runner/stress/coordinator.ts';
import { parseFaults } from '../../runner/stress/options.ts';
import { formatSummary } from '../../runner/stress/summary.ts';
import { STRESS_SCENARIO } from './helpers.ts';

const present = (r: StressResult, key: string) => {
  const l = r.latency[key];
  expect(l, `latency ${key}`).toBeDefined();
  expect(l!.count, `count of ${key}`).toBeGreaterThan(0);
  for (const q of ['p50', 'p99', 'max'] as const) expect(typeof l![q], `${key}.${q}`).toBe('number');
};

describe('livelab stress, small', () => {
  it('300 viewers × 20 s through a restart, a flood and malformed frames: percentiles measured, zero lost or duplicated orders', async () => {
    const durationMs = 20_000;
    const logs: string[] = [];
    const r = await runStress({
      scenarioFile: STRESS_SCENARIO,
      viewers: 300,
      durationMs,
      rampMs: 4000,
      clients: 2,
      probeViewers: 30,
      commentsPerSecond: 40,
      shopSpeed: 10,
      buyBoost: 4,
      faults: parseFaults('restart@11s,flood@6s,malformed@7s,drop@0.1@16s', durationMs),
      graceMs: 10_000,
      log: (l) => logs.push(l),
    });
    const summary = formatSummary(r);
    for (const k of ['connect', 'fanout.e2e', 'fanout.wire', 'fanout.server', 'pitch.e2e', 'order.rtt', 'reconnect']) present(r, k);
    if ((r.host?.prompts ?? 0) > 0) present(r, 'prompt.e2e');
    expect(r.orders.sent, summary).toBeGreaterThan(0);
    expect(r.orders.confirmed).toBeGreaterThan(0);
    expect(r.orders.lost, summary).toBe(0);
    expect(r.orders.duplicated, summary).toBe(0);
    expect(r.server.starts).toBe(2);
    expect(r.server.downtimeMs).toHaveLength(1);
    expect(r.server.metrics['livelab_frames_rejected_total{reason="json"}']).toBeGreaterThan(0);
    expect(r.server.metrics['livelab_frames_rejected_total{reason="schema"}']).toBeGreaterThan(0);
    expect((r.server.metrics['livelab_frames_rejected_total{reason="rate"}'] ?? 0) + (r.server.metrics['livelab_frames_rejected_total{reason="danmaku-rate"}'] ?? 0)).toBeGreaterThan(0);
    expect(r.server.peakConnections).toBeGreaterThanOrEqual(250);
    expect(r.commentsPerSecond.measured).toBeGreaterThan(0);
    expect(r.targets.map((t) => t.name)).toContain('comment → host prompt p99');
    expect(summary).toMatch(/orders: sent \d+, confirmed \d+/);
    expect(summary).toContain('no order was lost or duplicated');
    // the defaults: 100 ms ticks, each viewer sent danmaku once a second; the share of deliveries is reported
    expect(r.fanoutTickMs).toBe(100);
    expect(r.danmakuEveryMs).toBe(1000);
    expect(r.danmaku, summary).not.toBeNull();
    expect(r.danmaku!.delivered).toBe(r.counters['danmaku.items']);
    expect(r.danmaku!.samplingRatio).toBeGreaterThan(0);
    expect(r.danmaku!.samplingRatio).toBeLessThanOrEqual(1);
    expect(r.machine.schedP99Ms).toBeGreaterThanOrEqual(0);
    // 30 probe viewers in a third process at nice 0 with the host agent; their latencies also under probe.*
    expect(r.probeViewers).toBe(30);
    expect(r.clientProcesses.filter((c) => c.probe === true).map((c) => c.index)).toEqual([2]);
    present(r, 'probe.fanout.wire');
    expect(r.latency['probe.fanout.wire']!.count).toBeLessThan(r.latency['fanout.wire']!.count);
    expect(r.host, summary).not.toBeNull();
    expect(r.targets.map((t) => t.name)).toContain('danmaku fan-out p99, hold without faults, on the wire, received by the probe viewers');
  }, 150_000);
});
