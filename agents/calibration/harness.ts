// Runs one viewer session on XState's own interpreter and a virtual clock, with scripted stack and
// media events and an optional responder that plays the stack (e.g. confirms orders). Used by the
// calibration experiments and by the machine tests; the runtime proper lives in runner/sim.
import { createActor, type AnyStateMachine } from 'xstate';
import { RngStreams, VirtualClock } from '../../engine/kernel/index.ts';
import type { ViewerUp } from '../../engine/protocol.ts';
import type { Persona } from '../personas/index.ts';
import type { ViewerContext } from '../viewer/context.ts';
import type { ViewerEvent } from '../viewer/events.ts';
import { viewerMachine } from '../viewer/machine.ts';
import type { ViewerParams } from '../viewer/params.ts';

export interface TimedEvent {
  at: number;
  event: ViewerEvent;
}

export interface SessionOptions {
  persona: Persona;
  /** the run seed (streams are keyed by it and the persona id) */
  seed: number;
  events?: readonly TimedEvent[];
  /** stop the session here (the viewer stays 'active' if it has not left) */
  until: number;
  params?: ViewerParams;
  machine?: AnyStateMachine;
  /** plays the stack: answers an emitted message with events to deliver later */
  respond?: (msg: ViewerUp, now: number) => readonly TimedEvent[];
}

export interface SessionResult {
  emitted: { t: number; msg: ViewerUp }[];
  left: boolean;
  /** time of the room.leave message, or `until` */
  endAt: number;
  context: ViewerContext;
  value: unknown;
}

export function runSession(o: SessionOptions): SessionResult {
  const clock = new VirtualClock();
  const rng = new RngStreams(o.seed);
  const actor = createActor(o.machine ?? viewerMachine, { clock, input: { persona: o.persona, rng, clock, params: o.params } });
  const emitted: SessionResult['emitted'] = [];
  const deliver = (e: TimedEvent) => {
    clock.setTimeout(() => {
      if (actor.getSnapshot().status === 'active') actor.send(e.event);
    }, e.at - clock.now());
  };
  actor.on('*', (msg: ViewerUp) => {
    emitted.push({ t: clock.now(), msg });
    if (o.respond) for (const e of o.respond(msg, clock.now())) deliver(e);
  });
  actor.start();
  for (const e of o.events ?? []) deliver(e);
  clock.advanceTo(o.until);
  const snap = actor.getSnapshot();
  const leave = emitted.find((e) => e.msg.type === 'room.leave');
  actor.stop();
  return { emitted, left: leave !== undefined, endAt: leave?.t ?? o.until, context: snap.context as ViewerContext, value: snap.value };
}
