// "live-shopping viewer session v1" (../shared/bench-ref/README.md) as an XState v5 statechart, written
// from the spec. Every random draw happens in a delay, a guard or an enqueueActions callback, in the
// spec's order, so any faithful interpreter (XState's or the fast path) reproduces bench-ref's totals.
import { assign, enqueueActions, setup } from 'xstate';
import { exponential, type Rng } from '../../engine/kernel/index.ts';

export const REF = {
  T_END: 3_600_000,
  ARRIVAL_WINDOW: 1_800_000,
  CLASS_CUM: [0.6, 0.85], // 4G 60 %, weak 4G 25 %, 3G 15 %
  STARTUP_MEAN: [1_000, 3_000, 5_000],
  STALL_P: [0.02, 0.1, 0.25],
  STALL_CHECK_MEAN: 60_000,
  STALL_MEAN: 2_000,
  LEAVE_MEAN: 600_000, // divided by 1.5^stalls
  COMMENT_MEAN: 120_000,
  CLICK_MEAN: 300_000,
  P_CART: 0.3,
  P_PURCHASE: 0.4,
  PURCHASE_DELAY_MEAN: 60_000,
} as const;

export interface RefTotals {
  joins: number;
  startups: number;
  stallChecks: number;
  stalls: number;
  stallEnds: number;
  comments: number;
  clicks: number;
  carts: number;
  purchases: number;
  leaves: number;
  active: number;
  peakActive: number;
  events: number;
}

export const newRefTotals = (): RefTotals => ({
  joins: 0, startups: 0, stallChecks: 0, stalls: 0, stallEnds: 0, comments: 0, clicks: 0,
  carts: 0, purchases: 0, leaves: 0, active: 0, peakActive: 0, events: 0,
});

export interface RefContext {
  rng: Rng;
  cls: number;
  stalls: number;
}

const networkClass = (u: number) => (u < REF.CLASS_CUM[0] ? 0 : u < REF.CLASS_CUM[1] ? 1 : 2);
const leaveMean = (stalls: number) => REF.LEAVE_MEAN / 1.5 ** stalls;

/** The machine counts into `T` through custom actions (the caller owns the totals). */
export function createRefViewerMachine(T: RefTotals) {
  return setup({
    types: {} as { context: RefContext; input: { rng: Rng } | undefined },
    delays: {
      startupDelay: ({ context }) => exponential(context.rng, REF.STARTUP_MEAN[context.cls]!),
      leaveDelay: ({ context }) => exponential(context.rng, leaveMean(context.stalls)),
      stallCheckDelay: ({ context }) => exponential(context.rng, REF.STALL_CHECK_MEAN),
      stallDuration: ({ context }) => exponential(context.rng, REF.STALL_MEAN),
      commentDelay: ({ context }) => exponential(context.rng, REF.COMMENT_MEAN),
      clickDelay: ({ context }) => exponential(context.rng, REF.CLICK_MEAN),
    },
    guards: {
      stallHappens: ({ context }) => context.rng.next() < REF.STALL_P[context.cls]!,
    },
    actions: {
      countStartup: () => void T.startups++,
      countStallCheck: () => void T.stallChecks++,
      countStall: () => void T.stalls++,
      addStall: assign({ stalls: ({ context }) => context.stalls + 1 }),
      countStallEnd: () => void T.stallEnds++,
      countComment: () => void T.comments++,
      countPurchase: () => void T.purchases++,
      countLeave: () => {
        T.leaves++;
        T.active--;
      },
      click: enqueueActions(({ context, enqueue }) => {
        T.clicks++;
        if (context.rng.next() < REF.P_CART) {
          T.carts++;
          if (context.rng.next() < REF.P_PURCHASE) {
            // belongs to the session: survives watching ⇄ stalled, void once the viewer has left
            enqueue.raise({ type: 'PURCHASE' }, { delay: exponential(context.rng, REF.PURCHASE_DELAY_MEAN) });
          }
        }
      }),
    },
  }).createMachine({
    id: 'viewer',
    context: ({ input }) => {
      // XState's pure transition() builds a throw-away snapshot without input: give it a dummy stream
      const rng = input?.rng ?? ({ next: () => 0 } as unknown as Rng);
      return { rng, cls: networkClass(rng.next()), stalls: 0 };
    },
    initial: 'joining',
    on: { PURCHASE: { actions: 'countPurchase' } },
    states: {
      joining: { after: { startupDelay: { target: 'watching', actions: 'countStartup' } } },
      watching: {
        type: 'parallel',
        after: { leaveDelay: 'left' },
        states: {
          stallCheck: {
            initial: 'wait',
            states: {
              wait: {
                after: {
                  stallCheckDelay: [
                    { guard: 'stallHappens', target: '#viewer.stalled', actions: ['countStallCheck', 'countStall', 'addStall'] },
                    { target: 'wait', reenter: true, actions: 'countStallCheck' },
                  ],
                },
              },
            },
          },
          comments: {
            initial: 'wait',
            states: { wait: { after: { commentDelay: { target: 'wait', reenter: true, actions: 'countComment' } } } },
          },
          clicks: {
            initial: 'wait',
            states: { wait: { after: { clickDelay: { target: 'wait', reenter: true, actions: 'click' } } } },
          },
        },
      },
      stalled: {
        after: {
          stallDuration: { target: 'watching', actions: 'countStallEnd' },
          leaveDelay: 'left',
        },
      },
      left: { type: 'final', entry: 'countLeave' },
    },
  });
}
