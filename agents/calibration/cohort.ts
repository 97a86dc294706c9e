// Runs a cohort of viewer sessions on the statechart fast path (engine/kernel/statechart): the same
// machine definition, many agents in one runtime, scripted stack and media events per viewer. The
// calibration experiments use it because they need thousands of sessions in a second or two.
import { RngStreams, StatechartRuntime, compileMachine, type XEvent, type CompiledMachine } from '../../engine/kernel/index.ts';
import type { AnyStateMachine } from 'xstate';
import type { ViewerUp } from '../../engine/protocol.ts';
import type { Persona } from '../personas/index.ts';
import type { ViewerEvent } from '../viewer/events.ts';
import { viewerMachine } from '../viewer/machine.ts';
import type { ViewerParams } from '../viewer/params.ts';
import type { TimedEvent } from './harness.ts';

export interface CohortOptions {
  personas: readonly Persona[];
  seed: number;
  /** the script of viewer i (times from its arrival at 0) */
  script: (i: number, persona: Persona) => readonly TimedEvent[];
  until: number;
  params?: ViewerParams;
  /** plays the stack for viewer i */
  respond?: (i: number, msg: ViewerUp, now: number) => readonly TimedEvent[];
}

export interface ViewerOutcome {
  /** time of room.leave, or -1 if still in the room at `until` */
  leftAt: number;
  reason: string;
  playingAt: number;
  /** rebuffering reported in qoe.report (0 if never played) */
  rebufferMs: number;
  counts: Partial<Record<ViewerUp['type'], number>>;
  /** time of the first message of each type */
  first: Partial<Record<ViewerUp['type'], number>>;
  emitted: { t: number; msg: ViewerUp }[];
}

const compiled = new WeakMap<AnyStateMachine, CompiledMachine>();

export function runCohort(o: CohortOptions, machine: AnyStateMachine = viewerMachine, keepEmitted = false): ViewerOutcome[] {
  let c = compiled.get(machine);
  if (c === undefined) compiled.set(machine, (c = compileMachine(machine)));
  const out: ViewerOutcome[] = o.personas.map(() => ({ leftAt: -1, reason: '', playingAt: -1, rebufferMs: 0, counts: {}, first: {}, emitted: [] }));
  const indexOf: number[] = []; // runtime handle → viewer index
  let spawning = -1; // the viewer being spawned (its room.join comes before spawn() returns its handle)
  const rt: StatechartRuntime = new StatechartRuntime(c, {
    capacity: o.personas.length + 1,
    onEmit: (agent, e, now) => {
      const msg = e as unknown as ViewerUp;
      const i = indexOf[agent] ?? spawning;
      const r = out[i]!;
      r.counts[msg.type] = (r.counts[msg.type] ?? 0) + 1;
      r.first[msg.type] ??= now;
      if (keepEmitted) r.emitted.push({ t: now, msg });
      if (msg.type === 'room.leave') (r.leftAt = now), (r.reason = msg.reason);
      if (msg.type === 'qoe.report') r.rebufferMs = msg.rebufferMs;
      if (o.respond) for (const d of o.respond(i, msg, now)) rt.schedule(d.at, 0, agent, 0, d.event);
    },
  });
  const rng = new RngStreams(o.seed);
  const clock = { now: () => rt.now };
  const handles = o.personas.map((persona, i) => {
    spawning = i;
    const agent = rt.spawn({ persona, rng, clock, params: o.params });
    indexOf[agent] = i;
    for (const d of o.script(i, persona)) rt.schedule(d.at, 0, agent, 0, d.event);
    return agent;
  });
  rt.runUntil(o.until, (r) => r.send(r.extTarget, r.extPayload as XEvent), true);
  handles.forEach((agent, i) => {
    const ctx = rt.context<{ playingAt: number }>(agent);
    if (ctx && typeof ctx === 'object') out[i]!.playingAt = ctx.playingAt;
  });
  return out;
}

export type { ViewerEvent };
