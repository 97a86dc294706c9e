import { assign, fromPromise, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createAgentRuntime, compileMachine, UnsupportedStatechartError, XStateActorRuntime, StatechartRuntime, STEP_IDLE } from './index.ts';

const unsupported = [
  ['invoke', setup({ actors: { p: fromPromise(async () => 1) } }).createMachine({ initial: 'a', states: { a: { invoke: { src: 'p' } } } }), /invoke/],
  ['always', setup({}).createMachine({ initial: 'a', states: { a: { always: 'b' }, b: {} } }), /eventless 'always'/],
  ['history', setup({}).createMachine({ initial: 'a', states: { a: {}, h: { type: 'history' } } }), /history state/],
  ['wildcard', setup({}).createMachine({ initial: 'a', on: { '*': '.a' }, states: { a: {} } }), /wildcard event '\*'/],
  ['misspelled delay', setup({ delays: { short: 10 } }).createMachine({ initial: 'a', states: { a: { after: { shrot: 'b' } as never }, b: {} } }), /delay 'shrot' is not defined/],
  ['missing guard', setup({}).createMachine({ initial: 'a', states: { a: { on: { E: { guard: 'nope' as never, target: 'b' } } }, b: {} } }), /guard 'nope' has no implementation/],
  ['missing action', setup({}).createMachine({ initial: 'a', states: { a: { entry: 'nope' as never } } }), /action 'nope' has no implementation/],
] as const;

describe('compileMachine', () => {
  it.each(unsupported)('refuses %s with a message naming the state and the feature', (_name, machine, message) => {
    expect(() => compileMachine(machine as never)).toThrow(UnsupportedStatechartError);
    expect(() => compileMachine(machine as never)).toThrow(message);
  });

  it('lists every problem in one error', () => {
    const m = setup({}).createMachine({ initial: 'a', states: { a: { always: 'b', entry: 'x' as never }, b: { type: 'history' } } });
    try {
      compileMachine(m);
      expect.unreachable();
    } catch (e) {
      expect((e as UnsupportedStatechartError).features.length).toBe(3);
    }
  });

  it('falls back to XState actors when asked, behind the same interface', () => {
    const m = setup({}).createMachine({
      initial: 'a',
      context: { n: 0 },
      states: { a: { always: { target: 'b', actions: assign({ n: 1 }) } }, b: { after: { 100: 'c' } }, c: { type: 'final' } },
    });
    expect(() => createAgentRuntime(m)).toThrow(UnsupportedStatechartError);
    const rt = createAgentRuntime(m, { fallback: 'xstate' });
    expect(rt).toBeInstanceOf(XStateActorRuntime);
    rt.spawn();
    expect(rt.value(0)).toBe('b');
    expect(rt.step(1000)).not.toBe(STEP_IDLE);
    expect(rt.value(0)).toBe('c');
    expect(rt.context(0)).toEqual({ n: 1 });
  });

  it('uses the fast path for a supported machine and shares timer slots between exclusive states', () => {
    const m = setup({}).createMachine({
      initial: 'a',
      states: {
        a: { after: { 10: 'b' } },
        b: { type: 'parallel', after: { 20: 'a' }, states: { r1: { after: { 5: 'r1' } }, r2: { after: { 6: 'r2' } } } },
      },
    });
    expect(createAgentRuntime(m)).toBeInstanceOf(StatechartRuntime);
    const c = compileMachine(m);
    expect(c.timers.length).toBe(4);
    expect(c.slotCount).toBe(3); // a's timer shares a slot with one of b's
  });
});
