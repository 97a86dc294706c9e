// The viewer statechart: one session from arrival to leaving. Parallel regions while in session:
// player (watching ⇄ stalled), attention (the leave clock and boredom), shopping (idle → browsing →
// carted → checkout → paid | abandoned), chat (comments) and cheer (likes, gifts, a follow). Every
// timer is an `after` with a named delay; hazards are next-event times, re-planned on change.
import { createContext, viewerSetup } from './setup.ts';

const LEFT = '#viewer.left';

export const viewerMachine = viewerSetup.createMachine({
  id: 'viewer',
  context: ({ input }) => createContext(input),
  initial: 'arriving',
  states: {
    arriving: {
      entry: 'emitJoin',
      after: { 0: 'startup' },
      on: {
        'playback.started': { target: 'session', actions: 'notePlaybackStarted' },
        'show.ended': { target: 'left', actions: 'blameEnd' },
      },
    },
    startup: {
      after: { startupPatience: { target: 'left', actions: 'blameStartup' } },
      on: {
        'playback.started': { target: 'session', actions: 'notePlaybackStarted' },
        'show.ended': { target: 'left', actions: 'blameEnd' },
      },
    },
    session: {
      type: 'parallel',
      on: { 'show.ended': { target: 'left', actions: 'blameEnd' } },
      states: {
        player: {
          initial: 'watching',
          on: { 'quality.changed': { actions: 'noteQuality' }, 'latency.high': { actions: 'noteLatency' } },
          states: {
            watching: { on: { 'stall.started': { target: 'stalled', actions: 'noteStallStarted' } } },
            stalled: { on: { 'stall.ended': { target: 'watching', actions: 'noteStallEnded' } } },
          },
        },
        attention: {
          initial: 'present',
          states: {
            present: {
              entry: 'armLeaveClock',
              after: {
                leaveDue: [
                  { guard: 'blameQoe', target: LEFT, actions: 'blameStall' },
                  { guard: 'hasPaid', target: LEFT, actions: 'blameDone' },
                  { target: LEFT, actions: 'blameContent' },
                ],
                boredomDue: { target: LEFT, actions: 'blameBoredom' },
              },
              on: {
                'stall.started': { target: 'present', reenter: true },
                'stall.ended': { target: 'present', reenter: true },
                // a bitrate change matters to the hazard only below lowBitrateKbps (models/leave-hazard.ts)
                'quality.changed': { guard: 'bitrateMatters', target: 'present', reenter: true },
                'latency.high': { target: 'present', reenter: true },
                'show.segment': { target: 'present', reenter: true, actions: 'enterStage' },
                'product.pitched': { target: 'present', reenter: true, actions: 'enterStage' },
                // a counted-down sale: the wait is a reason to stay until it opens (re-planned at both ends)
                'flashsale.announced': { target: 'present', reenter: true, actions: 'noteAnnounced' },
                'flashsale.started': { guard: 'awaitedSale', target: 'present', reenter: true },
                // an answer to someone else's kind of question changes nothing here: no re-plan
                'host.answered': { guard: 'answersMyDoubt', target: 'present', reenter: true, actions: 'noteHostAnswer' },
                'order.confirmed': { guard: 'isMyOrder', target: 'present', reenter: true },
              },
            },
          },
        },
        shopping: {
          initial: 'idle',
          // bookkeeping in every shopping state; idle re-plans its next look as well
          on: {
            'product.pitched': { actions: 'addPitchOffer' },
            'product.card': { actions: 'addCardOffer' },
            'flashsale.started': { actions: 'addFlashOffer' },
            'flashsale.ended': { actions: 'dropFlashOffer' },
            'coupon.offered': { guard: 'claimsCoupon', actions: 'keepCoupon' },
            'social.purchase': { actions: 'noteSocial' },
          },
          states: {
            idle: {
              entry: 'drawShopU',
              after: {
                considerDue: [{ guard: 'picksOffer', target: 'browsing', actions: 'focusChosen' }, { target: 'idle', reenter: true }],
              },
              on: {
                'product.pitched': { target: 'idle', reenter: true, actions: 'addPitchOffer' },
                'product.card': { target: 'idle', reenter: true, actions: 'addCardOffer' },
                'flashsale.started': { target: 'idle', reenter: true, actions: 'addFlashOffer' },
                'coupon.offered': { guard: 'claimsCoupon', target: 'idle', reenter: true, actions: 'keepCoupon' },
              },
            },
            browsing: {
              entry: 'viewFocus',
              exit: 'closeFocus',
              after: {
                dwellDue: [
                  { guard: 'buysFocus', target: 'carted', actions: 'addFocusToCart' },
                  { guard: 'hasCart', target: 'carted' },
                  { target: 'idle' },
                ],
              },
            },
            carted: {
              after: {
                // the empty-cart check comes first and is structural: no decision guard can skip it
                checkoutDue: [
                  { guard: 'cartIsEmpty', target: 'idle' },
                  { guard: 'proceedsToCheckout', target: 'checkout', actions: 'newOrderKey' },
                  { target: 'abandoned', actions: 'abandonCart' },
                ],
              },
              on: {
                'product.pitched': [
                  { guard: 'peeksAtPitch', target: 'browsing', actions: ['addPitchOffer', 'focusPitched'] },
                  { actions: 'addPitchOffer' },
                ],
                // a card that pops up while the cart is open gets the same look as a pitch
                'product.card': [
                  { guard: 'peeksAtCard', target: 'browsing', actions: ['addCardOffer', 'focusCard'] },
                  { actions: 'addCardOffer' },
                ],
              },
            },
            checkout: {
              entry: 'submitCheckout',
              after: {
                // no answer: the same order again, with the same idempotency key
                checkoutTimeout: [{ guard: 'canRetry', target: 'checkout', reenter: true, actions: 'countAttempt' }, { target: 'abandoned', actions: 'abandonCart' }],
              },
              on: {
                'order.confirmed': { guard: 'isMyOrder', target: 'paid', actions: 'notePaid' },
                'order.rejected': [
                  { guard: 'retriesAfterFailure', target: 'checkout', reenter: true, actions: 'newOrderKey' },
                  { guard: 'keepsRestOfCart', target: 'carted', actions: 'dropRejectedSku' },
                  { guard: 'isMyOrder', target: 'abandoned', actions: 'abandonCart' },
                ],
              },
            },
            paid: { after: { cooldown: 'idle' } },
            abandoned: { after: { cooldown: 'idle' } },
          },
        },
        chat: {
          initial: 'chatting',
          states: {
            chatting: {
              after: { commentDue: { target: 'chatting', reenter: true, actions: 'sendComment' } },
              on: {
                'product.pitched': { target: 'chatting', reenter: true, actions: 'noteBuzz' },
                'flashsale.started': { target: 'chatting', reenter: true, actions: 'noteBuzz' },
                'stall.started': { target: 'chatting', reenter: true },
                'stall.ended': { target: 'chatting', reenter: true },
              },
            },
          },
        },
        cheer: {
          initial: 'cheering',
          states: {
            cheering: {
              after: { cheerDue: { target: 'cheering', reenter: true, actions: 'cheer' } },
              on: {
                'show.segment': { target: 'cheering', reenter: true },
                'flashsale.started': { target: 'cheering', reenter: true },
              },
            },
          },
        },
      },
    },
    left: { type: 'final', entry: 'emitLeave' },
  },
});

export type ViewerMachine = typeof viewerMachine;
