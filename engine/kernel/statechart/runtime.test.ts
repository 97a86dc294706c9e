import { assign, raise, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { compileMachine, StatechartRuntime, STATUS_DONE, STEP_EXTERNAL } from './index.ts';

const pinger = setup({ types: {} as { context: { pings: number } } }).createMachine({
  context: { pings: 0 },
  initial: 'on',
  states: {
    on: {
      entry: raise({ type: 'PING' }, { delay: 100 }),
      on: { PING: { actions: assign({ pings: ({ context }) => context.pings + 1 }) }, END: 'off' },
    },
    off: { type: 'final' },
  },
});

describe('StatechartRuntime', () => {
  it('a reused handle never receives the delayed raise of the agent that held it before', () => {
    const done: number[] = [];
    const rt = new StatechartRuntime(compileMachine(pinger), { onDone: (a) => done.push(a) });
    const a = rt.spawn();
    rt.send(a, { type: 'END' });
    expect(rt.status(a)).toBe(STATUS_DONE);
    expect(done).toEqual([a]);
    rt.release(a);
    const b = rt.spawn();
    expect(b).toBe(a); // the handle is reused
    rt.runUntil(1000);
    expect(rt.context<{ pings: number }>(b).pings).toBe(1); // its own PING only
  });

  it('orders caller events and agent timers at the same instant by scheduling order', () => {
    const m = setup({}).createMachine({ initial: 'a', states: { a: { after: { 50: 'b' } }, b: {} } });
    const rt = new StatechartRuntime(compileMachine(m));
    rt.schedule(50, 7); // before the agent exists: seq first
    const agent = rt.spawn();
    rt.schedule(50, 8); // after the agent armed its timer
    const seen: string[] = [];
    for (let r; (r = rt.step(100)); ) seen.push(r === STEP_EXTERNAL ? `ext${rt.extKind}` : `agent:${JSON.stringify(rt.value(agent))}`);
    expect(seen).toEqual(['ext7', 'agent:"b"', 'ext8']);
  });

  it('refuses to release a running agent', () => {
    const rt = new StatechartRuntime(compileMachine(pinger));
    const a = rt.spawn();
    expect(() => rt.release(a)).toThrow(/still running/);
  });
});
