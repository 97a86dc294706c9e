// Test fixture: a statechart that exercises every feature of the fast-path subset (nested compound and
// parallel states, guards with params, guarded `after` lists, reenter, targetless transitions, transitions
// from the root, raise (immediate and delayed with id + cancel), emit, enqueueActions with check,
// custom actions, onDone of a region, a top-level final state). Every action logs into the context, so
// comparing contexts compares the order in which actions ran.
import { assign, cancel, emit, enqueueActions, raise, setup } from 'xstate';
import { Sfc32 } from '../../rng/sfc32.ts';

export interface RichContext {
  n: number;
  log: string[];
  rng: Sfc32;
}

export type RichEvent =
  | { type: 'GO'; x: number }
  | { type: 'STAY' | 'TICK' | 'FLIP' | 'STOP' | 'RESET' | 'PING' | 'LATER' | 'NOPE' };

export const RICH_EVENTS = ['GO', 'STAY', 'TICK', 'FLIP', 'STOP', 'RESET', 'PING', 'LATER', 'NOPE'] as const;

export function createRichMachine(sink: number[]) {
  return setup({
    types: {} as { context: RichContext; events: RichEvent; input: { seed: number } | undefined },
    delays: {
      short: 100,
      byCount: ({ context }) => 50 + (context.n % 5) * 25,
      random: ({ context }) => Math.floor(context.rng.next() * 300),
    },
    guards: {
      even: ({ context }) => context.n % 2 === 0,
      above: ({ context }, p: { min: number }) => context.n > p.min,
      coin: ({ context }) => context.rng.next() < 0.5,
      evIsBig: ({ event }) => event.type === 'GO' && event.x > 50,
    },
    actions: {
      log: assign({ log: ({ context, event }, p?: { tag: string }) => [...context.log, `${p?.tag ?? '?'}:${event.type}`] }),
      inc: assign({ n: ({ context }) => context.n + 1 }),
      incBy: assign(({ context, event }) => ({ n: context.n + (event.type === 'GO' ? event.x : 1) })),
      raisePing: raise({ type: 'PING' }),
      later: raise({ type: 'LATER' }, { delay: 'byCount', id: 'later' }),
      cancelLater: cancel('later'),
      shout: emit(({ context }) => ({ type: 'shout', n: context.n })),
      side: ({ context }) => void sink.push(context.n),
      // named actions and guards are referenced by name inside setup() itself: XState cannot type that
      multi: enqueueActions(({ context, enqueue, check }) => {
        enqueue({ type: 'log', params: { tag: 'multi' } } as never);
        if (check('even' as never)) enqueue.assign({ n: ({ context }) => context.n + 10 });
        if (context.rng.next() < 0.5) enqueue.raise({ type: 'PING' });
        else enqueue.raise({ type: 'LATER' }, { delay: 120 });
        enqueue.emit({ type: 'multi' });
        enqueue('side' as never);
      }),
    },
  }).createMachine({
    id: 'rich',
    context: ({ input }) => ({ n: 0, log: [], rng: new Sfc32(input?.seed ?? 1) }),
    initial: 'idle',
    entry: { type: 'log', params: { tag: 'root-in' } },
    on: {
      RESET: { target: '.idle', actions: { type: 'log', params: { tag: 'reset' } } },
      PING: { actions: [{ type: 'log', params: { tag: 'ping' } }, 'inc'] },
      LATER: { actions: { type: 'log', params: { tag: 'later' } } },
    },
    states: {
      idle: {
        entry: { type: 'log', params: { tag: 'idle-in' } },
        exit: { type: 'log', params: { tag: 'idle-out' } },
        after: { short: { target: 'busy', actions: 'inc' } },
        on: {
          GO: [{ guard: 'evIsBig', target: 'busy' }, { target: 'busy.a.two', actions: 'incBy' }],
          STAY: { actions: ['raisePing', 'later'] },
        },
      },
      busy: {
        type: 'parallel',
        entry: 'shout',
        exit: { type: 'log', params: { tag: 'busy-out' } },
        after: { 400: 'idle' },
        on: { STOP: 'done', GO: { actions: 'multi' } },
        states: {
          a: {
            initial: 'one',
            exit: { type: 'log', params: { tag: 'a-out' } },
            onDone: { actions: { type: 'log', params: { tag: 'a-done' } } },
            states: {
              one: {
                after: { byCount: [{ guard: 'coin', target: 'two' }, { target: 'one', reenter: true, actions: 'inc' }] },
                on: { TICK: { target: 'two', actions: { type: 'log', params: { tag: 'a1' } } } },
              },
              two: {
                entry: { type: 'log', params: { tag: 'a2-in' } },
                exit: { type: 'log', params: { tag: 'a2-out' } },
                on: { TICK: [{ guard: { type: 'above', params: { min: 3 } }, target: 'fin' }, { target: 'one' }] },
              },
              fin: { type: 'final' },
            },
          },
          b: {
            initial: 'x',
            states: {
              x: { on: { TICK: { target: 'y', actions: 'later' }, FLIP: 'y' } },
              y: { exit: { type: 'log', params: { tag: 'y-out' } }, after: { random: 'x' }, on: { TICK: { actions: ['cancelLater', 'side'] }, FLIP: { target: 'x' } } },
            },
          },
        },
      },
      done: { type: 'final', entry: { type: 'log', params: { tag: 'bye' } } },
    },
  });
}
