// The viewer's named actions, guards and delays (STYLE.md §7). Each is a thin wrapper around a pure
// function in logic/; tests swap any of them with machine.provide(). Everything stays inside the
// statechart fast path's subset: assign, emit, enqueueActions, named guards that may draw, named delays.
import { assign, emit, enqueueActions, setup } from 'xstate';
import type { LeaveReason, ViewerUp } from '../../engine/protocol.ts';
import { spendTag } from '../personas/spend-tag.ts';
import { EMPTY, createContext, type ViewerContext, type ViewerInput } from './context.ts';
import type { ViewerEvent } from './events.ts';
import * as attention from './logic/attention.ts';
import * as chat from './logic/chat.ts';
import * as media from './logic/media.ts';
import * as offers from './logic/offers.ts';
import * as shop from './logic/shopping.ts';

type E<T extends ViewerEvent['type']> = Extract<ViewerEvent, { type: T }>;
/** the event if it has this type (actions are shared by several transitions) */
function is<T extends ViewerEvent['type']>(e: ViewerEvent, type: T): e is E<T> {
  return e.type === type;
}

const now = (c: ViewerContext) => c.clock.now();

function isMine(c: ViewerContext, e: ViewerEvent): boolean {
  return (is(e, 'order.confirmed') || is(e, 'order.rejected')) && c.orderKey !== '' && e.idempotencyKey === c.orderKey;
}

export const viewerSetup = setup({
  types: {
    context: {} as ViewerContext,
    events: {} as ViewerEvent,
    input: {} as ViewerInput,
    emitted: {} as ViewerUp,
  },
  actions: {
    // ---- presence and media
    emitJoin: emit(({ context: c }) => ({ type: 'room.join' as const, viewer: c.id, network: c.persona.network, follower: c.persona.follower, spendTier: spendTag(c.persona) })),
    // the patches are fresh objects: extra fields go on them directly (spreading two patches into a
    // third took a slow object-clone path on every stall end)
    notePlaybackStarted: assign(({ context, event }) => {
      const patch = media.playbackStarted(context, is(event, 'playback.started') ? event.startupMs : undefined);
      if (is(event, 'playback.started') && event.kbps !== undefined) patch.bitrateKbps = event.kbps;
      return patch;
    }),
    noteStallStarted: assign(({ context }) => media.stallStarted(context)),
    noteStallEnded: assign(({ context, event }) => {
      const patch = media.stallEnded(context, is(event, 'stall.ended') ? event.stallMs : undefined);
      if (is(event, 'stall.ended') && event.latencyMs !== undefined) patch.latencyMs = event.latencyMs;
      return patch;
    }),
    noteQuality: assign(({ event }) => (is(event, 'quality.changed') ? { bitrateKbps: event.kbps } : {})),
    noteLatency: assign(({ event }) => (is(event, 'latency.high') ? { latencyMs: event.latencyMs } : {})),
    // ---- staying or leaving
    armLeaveClock: assign(({ context }) => attention.armLeaveClock(context)),
    enterStage: assign(({ context, event }) =>
      is(event, 'show.segment') || is(event, 'product.pitched') ? attention.enterStage(context, event.category, event.sku, event.subcategory) : {},
    ),
    noteHostAnswer: assign(({ context, event }) => (is(event, 'host.answered') ? attention.hostAnswer(context, event.intent) : {})),
    blameStartup: assign({ reason: (): LeaveReason => 'startup' }),
    blameStall: assign({ reason: (): LeaveReason => 'stall' }),
    blameContent: assign({ reason: (): LeaveReason => 'content' }),
    blameBoredom: assign({ reason: (): LeaveReason => 'boredom' }),
    blameDone: assign({ reason: (): LeaveReason => 'done' }),
    blameEnd: assign({ reason: (): LeaveReason => 'end' }),
    emitLeave: enqueueActions(({ context: c, enqueue }) => {
      const t = now(c);
      const watchedMs = c.playingAt >= 0 ? t - c.playingAt : 0;
      if (c.playingAt >= 0) {
        enqueue.emit({
          type: 'qoe.report', viewer: c.id, startupMs: c.startupMs, stalls: c.stalls,
          rebufferMs: media.rebufferMs(c, t), bitrateKbps: c.bitrateKbps, latencyMs: c.latencyMs,
        });
      }
      enqueue.emit({ type: 'room.leave', viewer: c.id, reason: c.reason, watchedMs });
    }),
    // ---- offers
    addPitchOffer: assign(({ context, event }) => (is(event, 'product.pitched') ? offers.pitched(context, event) : {})),
    addCardOffer: assign(({ context, event }) => (is(event, 'product.card') ? offers.card(context, event) : {})),
    addFlashOffer: assign(({ context, event }) => (is(event, 'flashsale.started') ? offers.flashStarted(context, event) : {})),
    noteAnnounced: assign(({ context, event }) => (is(event, 'flashsale.announced') ? offers.announced(context, event) : {})),
    dropFlashOffer: assign(({ context, event }) => (is(event, 'flashsale.ended') ? offers.flashEnded(context, event.sku) : {})),
    noteSocial: assign(({ context, event }) => (is(event, 'social.purchase') ? offers.socialPurchase(context, event.sku, event.count) : {})),
    keepCoupon: enqueueActions(({ context: c, event, enqueue }) => {
      if (!is(event, 'coupon.offered')) return;
      enqueue.assign(offers.coupon(c, event));
      enqueue.emit({ type: 'coupon.claimed', viewer: c.id, couponId: event.couponId });
    }),
    // ---- shopping
    drawShopU: assign(({ context }) => ({ uShop: context.rng.shop.next() })),
    focusChosen: assign(({ context }) => ({ focus: shop.chosenOffer(context) })),
    focusPitched: assign(({ context, event }) => ({ focus: is(event, 'product.pitched') ? (context.offers.find((o) => o.sku === event.sku) ?? null) : null })),
    focusCard: assign(({ context, event }) => ({ focus: is(event, 'product.card') ? (context.offers.find((o) => o.sku === event.sku) ?? null) : null })),
    viewFocus: enqueueActions(({ context: c, enqueue }) => {
      if (c.focus === null) return;
      enqueue.assign(shop.viewFocus(c));
      enqueue.emit({ type: 'product.viewed', viewer: c.id, sku: c.focus.sku });
    }),
    closeFocus: enqueueActions(({ context: c, enqueue }) => {
      if (c.focus === null) return;
      // focus stays set: exit actions run before the transition's own (addFocusToCart reads it)
      enqueue.emit({ type: 'product.closed', viewer: c.id, sku: c.focus.sku, dwellMs: now(c) - c.focusAt });
    }),
    addFocusToCart: enqueueActions(({ context: c, enqueue }) => {
      if (c.focus === null) return;
      const line = shop.cartLine(c);
      enqueue.assign({ cart: [...c.cart, line] });
      enqueue.emit({ type: 'cart.added', viewer: c.id, sku: line.sku, qty: 1 });
    }),
    abandonCart: enqueueActions(({ context: c, enqueue }) => {
      for (const line of c.cart) enqueue.emit({ type: 'cart.removed', viewer: c.id, sku: line.sku });
      enqueue.assign({ cart: EMPTY });
    }),
    dropRejectedSku: enqueueActions(({ context: c, event, enqueue }) => {
      const sku = is(event, 'order.rejected') ? event.detail : undefined;
      const line = c.cart.find((l) => l.sku === sku) ?? c.cart[c.cart.length - 1];
      if (line === undefined) return;
      enqueue.emit({ type: 'cart.removed', viewer: c.id, sku: line.sku });
      enqueue.assign({ cart: c.cart.filter((l) => l !== line) });
    }),
    newOrderKey: assign(({ context: c }) => ({ orderSeq: c.orderSeq + 1, orderKey: `v${c.id}-o${c.orderSeq + 1}`, attempts: 0 })),
    countAttempt: assign(({ context: c }) => ({ attempts: c.attempts + 1 })),
    submitCheckout: emit(({ context: c }) => shop.checkoutMessage(c)),
    notePaid: enqueueActions(({ context: c, event, enqueue }) => {
      if (!is(event, 'order.confirmed')) return;
      const r = shop.paid(c, event.orderId, event.total);
      enqueue.assign(r.patch);
      for (const m of r.returns) enqueue.emit(m);
    }),
    // ---- chat and cheers
    noteBuzz: assign(({ context }) => ({ buzzAt: now(context) })),
    sendComment: enqueueActions(({ context, enqueue }) => {
      const r = chat.comment(context);
      enqueue.assign(r.patch);
      enqueue.emit(r.msg);
    }),
    cheer: enqueueActions(({ context, enqueue }) => {
      const r = chat.cheer(context);
      enqueue.assign(r.patch);
      enqueue.emit(r.msg);
    }),
  },
  guards: {
    blameQoe: ({ context }) => attention.blameQoe(context),
    hasPaid: ({ context }) => context.orders > 0,
    bitrateMatters: ({ context, event }) => is(event, 'quality.changed') && attention.bitrateChangeMatters(context, event.kbps),
    answersMyDoubt: ({ context, event }) => is(event, 'host.answered') && attention.answersDoubt(context, event.intent),
    picksOffer: ({ context }) => shop.chosenOffer(context) !== null,
    buysFocus: ({ context }) => shop.buysFocus(context),
    hasCart: ({ context }) => context.cart.length > 0,
    cartIsEmpty: ({ context }) => context.cart.length === 0,
    awaitedSale: ({ context, event }) => is(event, 'flashsale.started') && event.sku === context.heardSku,
    proceedsToCheckout: ({ context }) => shop.proceedsToCheckout(context),
    peeksAtPitch: ({ context, event }) =>
      is(event, 'product.pitched') && context.cart.length < context.p.shopping.maxCart && !context.cart.some((l) => l.sku === event.sku) && context.rng.shop.next() < 0.5,
    peeksAtCard: ({ context, event }) =>
      is(event, 'product.card') && context.cart.length < context.p.shopping.maxCart && !context.cart.some((l) => l.sku === event.sku) && context.rng.shop.next() < 0.5,
    claimsCoupon: ({ context }) => offers.claimsCoupon(context),
    isMyOrder: ({ context, event }) => isMine(context, event),
    canRetry: ({ context }) => context.attempts < context.p.shopping.checkoutRetries,
    retriesAfterFailure: ({ context, event }) =>
      isMine(context, event) && is(event, 'order.rejected') && event.reason === 'payment-failed' && context.rng.shop.next() < context.p.shopping.retryAfterFailure,
    keepsRestOfCart: ({ context, event }) => isMine(context, event) && is(event, 'order.rejected') && event.reason === 'out-of-stock' && context.cart.length > 1,
  },
  delays: {
    startupPatience: ({ context }) => attention.startupDelay(context),
    leaveDue: ({ context }) => attention.leaveDelay(context),
    boredomDue: ({ context }) => attention.boredomDelay(context),
    considerDue: ({ context }) => shop.considerDelay(context),
    dwellDue: ({ context }) => shop.dwellDelay(context),
    checkoutDue: ({ context }) => shop.checkoutDelay(context),
    checkoutTimeout: ({ context }) => context.p.shopping.checkoutTimeoutMs,
    cooldown: ({ context }) => context.p.shopping.cooldownMs,
    commentDue: ({ context }) => chat.commentDelay(context),
    cheerDue: ({ context }) => chat.cheerDelay(context),
  },
});

export { createContext };
