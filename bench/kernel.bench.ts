// Kernel micro-benchmarks: cost of creating an agent (fast path vs an XState actor), of creating an
// RNG stream (sfc32 vs seedrandom's alea), and of queue operations with a million pending events.
import { createActor } from 'xstate';
import { EventQueue, RngStreams, Sfc32, StatechartRuntime, VirtualClock, compileMachine } from '../engine/kernel/index.ts';
import type { BenchFlags } from './registry.ts';
import { createRefViewerMachine, newRefTotals } from './reference/viewer-machine.ts';

function usPer(n: number, fn: () => void): number {
  const t0 = performance.now();
  fn();
  return +(((performance.now() - t0) * 1000) / n).toFixed(3);
}

export default async function kernelBench(flags: BenchFlags): Promise<Record<string, unknown>> {
  const n = Number(flags.agents ?? (flags.quick ? 50_000 : 500_000));
  const T = newRefTotals();
  const compiled = compileMachine(createRefViewerMachine(T));
  const rt = new StatechartRuntime(compiled);
  rt.spawn({ rng: Sfc32.reference(1, 1) }); // warm-up: first plan computed
  const fastSpawnUs = usPer(n, () => {
    for (let i = 0; i < n; i++) rt.spawn({ rng: Sfc32.reference(42, i + 1) });
  });
  const xn = Math.min(n, 20_000);
  const clock = new VirtualClock();
  const machine = createRefViewerMachine(newRefTotals());
  createActor(machine, { clock, input: { rng: Sfc32.reference(1, 1) } }).start();
  const xstateActorUs = usPer(xn, () => {
    for (let i = 0; i < xn; i++) createActor(machine, { clock, input: { rng: Sfc32.reference(42, i + 1) } }).start();
  });
  const streams = new RngStreams(42, 'sfc32');
  const aleaStreams = new RngStreams(42, 'alea');
  const sfcStreamUs = usPer(n, () => {
    for (let i = 0; i < n; i++) streams.stream(i, 'chat').next();
  });
  const aleaStreamUs = usPer(Math.min(n, 100_000), () => {
    for (let i = 0; i < Math.min(n, 100_000); i++) aleaStreams.stream(i, 'chat').next();
  });
  const q = new EventQueue(1 << 20);
  const m = 1_000_000;
  const pushUs = usPer(m, () => {
    for (let i = 0; i < m; i++) q.push((i * 7919) % 1_000_003, 0, i);
  });
  const popUs = usPer(m, () => {
    while (q.pop());
  });
  return {
    agents: n,
    agent_create_us: { fastpath: fastSpawnUs, xstate_actor: xstateActorUs, ratio: +(xstateActorUs / fastSpawnUs).toFixed(1) },
    rng_stream_create_and_draw_us: { sfc32: sfcStreamUs, alea: aleaStreamUs },
    event_queue_1m_pending: { push_us: pushUs, pop_us: popUs },
  };
}
