// Agents: what it costs to generate personas (1M by default, faker names included and not) and to run
// the viewer machine, on XState actors (the reference) and on the statechart fast path, over the same
// scripted sessions: a 1-hour show with pitches every 5 min and a 2-s stall every 3 min of play.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createActor } from 'xstate';
import { RngStreams, STATUS_ACTIVE, StatechartRuntime, VirtualClock, compileMachine, type XEvent } from '../engine/kernel/index.ts';
import { DEFAULT_PERSONA_CONFIG, PersonaSampler, type Persona } from '../agents/personas/index.ts';
import { mediaScript, showScript, SAMPLE_SKUS, type TimedEvent } from '../agents/calibration/index.ts';
import { viewerMachine } from '../agents/viewer/index.ts';
import type { BenchFlags } from './registry.ts';

const HOUR = 3_600_000;

function personaUs(n: number, identity: boolean): number {
  const s = new PersonaSampler(42, { ...DEFAULT_PERSONA_CONFIG, identity });
  for (let i = 0; i < 10_000; i++) s.persona(i); // warm-up
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sink += s.persona(i).budgetMonthly;
  const us = ((performance.now() - t0) * 1000) / n;
  if (sink < 0) throw new Error('unreachable');
  return +us.toFixed(3);
}

function script(): TimedEvent[] {
  return [...mediaScript(900, HOUR, 2000, 180_000), ...showScript(SAMPLE_SKUS, 5 * 60_000, HOUR, 3000)].sort((a, b) => a.at - b.at);
}

/**
 * n viewers on XState actors sharing one virtual clock. Each viewer's script is fed one event at a time
 * (the next is scheduled when the previous is delivered), so viewers who left cost nothing, as in a run.
 */
function xstateRun(personas: readonly Persona[]) {
  const clock = new VirtualClock();
  const rng = new RngStreams(7);
  const events = script();
  let emitted = 0, delivered = 0;
  let t0 = performance.now();
  const actors = personas.map((persona) => {
    const actor = createActor(viewerMachine, { clock, input: { persona, rng, clock } });
    actor.on('*', () => void emitted++);
    actor.start();
    return actor;
  });
  const createUs = ((performance.now() - t0) * 1000) / personas.length;
  const feed = (actor: (typeof actors)[number], k: number) => {
    if (k >= events.length) return;
    clock.setTimeout(() => {
      if (actor.getSnapshot().status !== 'active') return;
      delivered++;
      actor.send(events[k]!.event);
      feed(actor, k + 1);
    }, events[k]!.at - clock.now());
  };
  for (const a of actors) feed(a, 0);
  const fired0 = clock.firedCount;
  t0 = performance.now();
  clock.advanceTo(HOUR);
  const runMs = performance.now() - t0;
  const timers = clock.firedCount - fired0 - delivered; // the machines' own timers (plus ≤ 1 stale feed per viewer)
  return { createUs, delivered, timers, runMs, emitted };
}

const K_SCRIPT = 0;

function fastRun(personas: readonly Persona[]) {
  let emitted = 0, delivered = 0;
  const rt = new StatechartRuntime(compileMachine(viewerMachine), { capacity: personas.length + 1, onEmit: () => void emitted++ });
  const rng = new RngStreams(7);
  const clock = { now: () => rt.now };
  const events = script();
  let t0 = performance.now();
  const agents = personas.map((persona) => rt.spawn({ persona, rng, clock }));
  const createUs = ((performance.now() - t0) * 1000) / personas.length;
  for (const a of agents) rt.schedule(events[0]!.at, K_SCRIPT, a, 0);
  t0 = performance.now();
  rt.runUntil(
    HOUR,
    (r) => {
      const agent = r.extTarget, k = r.extArg;
      if (r.status(agent) !== STATUS_ACTIVE) return;
      delivered++;
      r.send(agent, events[k]!.event as unknown as XEvent);
      if (k + 1 < events.length) r.schedule(events[k + 1]!.at, K_SCRIPT, agent, k + 1);
    },
    true,
  );
  const runMs = performance.now() - t0;
  return { createUs, macrosteps: rt.macrosteps, delivered, runMs, emitted };
}

/** heap per in-session viewer: contexts of n fast-path viewers kept alive, measured after forced GCs */
function heapPerViewer(personas: readonly Persona[]): number | null {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  if (typeof gc !== 'function') return null;
  gc();
  const before = process.memoryUsage().heapUsed;
  const rt = new StatechartRuntime(compileMachine(viewerMachine), { capacity: personas.length + 1 });
  const rng = new RngStreams(7);
  const clock = { now: () => rt.now };
  for (const persona of personas) rt.spawn({ persona, rng, clock });
  rt.runUntil(1000, undefined, true);
  gc();
  const after = process.memoryUsage().heapUsed;
  return +((after - before) / personas.length / 1024).toFixed(2);
}

export default async function agentsBench(flags: BenchFlags): Promise<Record<string, unknown>> {
  const n = Number(flags.personas ?? (flags.quick ? 100_000 : 1_000_000));
  const sessions = Number(flags.sessions ?? (flags.quick ? 300 : 1000));
  const fastSessions = Number(flags.fastSessions ?? (flags.quick ? 2000 : 10_000));
  // the machine is shared: alternate the two variants twice and keep each one's best
  const withNames = Math.min(personaUs(n, true), personaUs(n, true));
  const numericOnly = Math.min(personaUs(n, false), personaUs(n, false));
  const sampler = new PersonaSampler(42, { ...DEFAULT_PERSONA_CONFIG, identity: false });
  const personas = Array.from({ length: Math.max(sessions, fastSessions) }, (_, i) => sampler.persona(i));
  const x = xstateRun(personas.slice(0, sessions));
  fastRun(personas.slice(0, fastSessions)); // warm-up: plans cached, code optimised
  const f = fastRun(personas.slice(0, fastSessions));
  const heapKb = heapPerViewer(Array.from({ length: 20_000 }, (_, i) => sampler.persona(i)));
  return {
    personas: { count: n, us_per_persona: { with_faker_identity: withNames, numeric_only: numericOnly }, seconds_for_count: +((withNames * n) / 1e6).toFixed(2) },
    viewer_machine: {
      sessions: { xstate: sessions, fast_path: fastSessions },
      workload: '1-hour show, pitches every 5 min, a 2-s stall every 3 min of play; one event fed at a time per viewer',
      xstate_actor: {
        create_us: +x.createUs.toFixed(1), delivered: x.delivered, timers: x.timers, run_ms: +x.runMs.toFixed(0),
        us_per_event: +((x.runMs * 1000) / (x.delivered + x.timers)).toFixed(2), emitted: x.emitted,
      },
      fast_path: {
        create_us: +f.createUs.toFixed(1), macrosteps: f.macrosteps, delivered: f.delivered, run_ms: +f.runMs.toFixed(0),
        us_per_macrostep: +((f.runMs * 1000) / f.macrosteps).toFixed(2), emitted: f.emitted,
      },
      per_event_ratio_xstate_over_fast: +(((x.runMs * 1000) / (x.delivered + x.timers)) / ((f.runMs * 1000) / f.macrosteps)).toFixed(1),
    },
    heap_kb_per_viewer_in_session_fast_path: heapKb,
  };
}
