// Test helper: drives XState's own actors (on a virtual clock) and the fast path with the same event
// sequence and records what each reached after every step: state value, context, status, emitted
// events. The equivalence tests assert the two records are equal.
import { createActor, type AnyStateMachine } from 'xstate';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import { compileMachine } from '../compile.ts';
import { STATUS_ACTIVE, STATUS_DONE, StatechartRuntime } from '../runtime.ts';
import type { XEvent } from '../types.ts';

export type LockstepOp = { kind: 'send'; event: XEvent } | { kind: 'advance'; ms: number };

export interface StepRecord {
  t: number;
  value: unknown;
  context: unknown;
  status: string;
  emitted: unknown[];
}

/** `makeMachine` is called once per side so that closures (sinks, counters) are not shared. */
export function runXState(makeMachine: () => AnyStateMachine, input: unknown, ops: readonly LockstepOp[]): StepRecord[] {
  const clock = new VirtualClock();
  const actor = createActor(makeMachine(), { clock, input });
  const emitted: unknown[] = [];
  actor.on('*', (e: unknown) => void emitted.push(e));
  actor.start();
  const out: StepRecord[] = [];
  const record = () => {
    const s = actor.getSnapshot();
    out.push({ t: clock.now(), value: s.value, context: structuredCloneSafe(s.context), status: s.status, emitted: emitted.splice(0) });
  };
  record();
  for (const op of ops) {
    if (op.kind === 'send') {
      if (actor.getSnapshot().status === 'active') actor.send(op.event);
    } else clock.advanceTo(clock.now() + op.ms);
    record();
  }
  return out;
}

export function runFast(makeMachine: () => AnyStateMachine, input: unknown, ops: readonly LockstepOp[]): StepRecord[] {
  const emitted: unknown[] = [];
  const rt = new StatechartRuntime(compileMachine(makeMachine()), { onEmit: (_a, e) => void emitted.push(e) });
  rt.spawn(input);
  const out: StepRecord[] = [];
  const record = () => {
    const st = rt.status(0);
    const status = st === STATUS_ACTIVE ? 'active' : st === STATUS_DONE ? 'done' : 'stopped';
    out.push({ t: rt.now, value: rt.value(0), context: structuredCloneSafe(rt.context(0)), status, emitted: emitted.splice(0) });
  };
  record();
  for (const op of ops) {
    if (op.kind === 'send') rt.send(0, op.event);
    else rt.runUntil(rt.now + op.ms, undefined, true);
    record();
  }
  return out;
}

/** a deep copy of plain data and class instances' own fields (for RNG objects inside contexts) */
function structuredCloneSafe(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(structuredCloneSafe);
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(v)) o[k] = structuredCloneSafe((v as Record<string, unknown>)[k]);
  return o;
}
