// The typed messages between a viewer (or the host) and the stack: the one contract both runtimes share.
// Dotted names (STYLE.md §6). "Up" messages go from agents to the stack, "Down" from the stack to agents.
// Agents send Up messages with XState `emit(...)`; the runtime delivers Down messages as machine events.
// Money is in yuan (CNY) as a number with two decimals; times are ms on the run's clock.

export type NetworkFamily = '4g' | 'weak-4g' | '3g' | 'wifi';
export type Lang = 'zh' | 'en';
export type LeaveReason = 'startup' | 'stall' | 'boredom' | 'content' | 'done' | 'end' | 'dropped';

// ---- viewer → stack ----
export type ViewerUp =
  /** spendTier: the platform's consumption-level tag of the account (0 low, 1 mid, 2 high), when it has one */
  | { type: 'room.join'; viewer: number; network: NetworkFamily; follower: boolean; spendTier?: 0 | 1 | 2 }
  | { type: 'room.leave'; viewer: number; reason: LeaveReason; watchedMs: number }
  | {
      type: 'danmaku.sent';
      viewer: number;
      text: string;
      lang: Lang;
      /** the intent the agent meant (ground truth for scoring the classifier; services must not read it) */
      truth?: CommentIntent;
    }
  | { type: 'like.sent'; viewer: number }
  | { type: 'gift.sent'; viewer: number; value: number }
  | { type: 'follow.sent'; viewer: number }
  | { type: 'product.viewed'; viewer: number; sku: string }
  | { type: 'product.closed'; viewer: number; sku: string; dwellMs: number }
  | { type: 'cart.added'; viewer: number; sku: string; qty: number }
  | { type: 'cart.removed'; viewer: number; sku: string }
  | { type: 'checkout.submitted'; viewer: number; idempotencyKey: string; couponId?: string }
  | { type: 'coupon.claimed'; viewer: number; couponId: string }
  | { type: 'return.requested'; viewer: number; orderId: string; sku: string }
  | {
      type: 'qoe.report';
      viewer: number;
      startupMs: number;
      stalls: number;
      rebufferMs: number;
      bitrateKbps: number;
      latencyMs: number;
    };

// ---- stack → viewer ----
export type ViewerDown =
  | {
      type: 'danmaku.batch';
      items: readonly { viewer: number; text: string }[];
      /** comment id of items[0]; item i has id firstId + i (set by engine/room) */
      firstId?: number;
      /** at most this many items of the batch are shown to any one viewer (the per-viewer rate cap) */
      perViewer?: number;
      /** the room's sampling salt: `danmakuShownTo` in engine/room picks a viewer's items from it */
      salt?: number;
    }
  // `subcategory` (optional, e.g. 'lipstick' under 'beauty') lets the viewer's interests tell SKUs of one
  // category apart; without it agents map a SKU to a subcategory by hashing its id
  | { type: 'show.segment'; sku: string; category: string; subcategory?: string }
  | { type: 'product.pitched'; sku: string; category: string; price: number; listPrice: number; stockLeft: number; subcategory?: string }
  | { type: 'product.card'; sku: string; category: string; price: number; reason: 'targeted' | 'pitch' | 'heat'; subcategory?: string }
  | { type: 'coupon.offered'; couponId: string; sku?: string; discount: number; minSpend: number; expiresAt: number }
  /** the host counts down to a flash sale: it opens at `opensAt` at `price` (scenario-reference: a countdown, then the sale) */
  | { type: 'flashsale.announced'; sku: string; price: number; stock: number; opensAt: number }
  | { type: 'flashsale.started'; sku: string; price: number; stock: number; endsAt: number }
  | { type: 'flashsale.ended'; sku: string }
  | { type: 'host.answered'; intent: CommentIntent; sku?: string }
  | { type: 'social.purchase'; sku: string; count: number }
  /** the show is over: every viewer still in the room leaves with reason 'end' */
  | { type: 'show.ended' }
  | { type: 'order.confirmed'; orderId: string; idempotencyKey: string; total: number; skus: readonly string[] }
  | {
      type: 'order.rejected';
      idempotencyKey: string;
      reason: 'out-of-stock' | 'payment-failed' | 'empty-cart' | 'invalid';
      /** what was wrong, e.g. the out-of-stock SKU or the coupon that does not apply */
      detail?: string;
    };

// ---- host ⇄ stack ----
export type CommentIntent =
  | 'sizing'
  | 'suitability'
  | 'price'
  | 'shipping'
  | 'authenticity'
  | 'praise'
  | 'complaint'
  | 'spam'
  | 'other';
export const COMMENT_INTENTS = [
  'sizing',
  'suitability',
  'price',
  'shipping',
  'authenticity',
  'praise',
  'complaint',
  'spam',
  'other',
] as const satisfies readonly CommentIntent[];

export type HostDown = {
  type: 'host.prompt';
  promptId: string;
  intent: CommentIntent;
  sku?: string;
  text: string;
  /** how many distinct viewers asked */
  viewers: number;
  /** time of the earliest comment of the cluster */
  firstCommentAt: number;
};

export type HostUp =
  | { type: 'host.pitch'; sku: string }
  | { type: 'host.answer'; promptId: string; intent: CommentIntent; sku?: string }
  | { type: 'host.flashsale'; sku: string; price: number; stock: number; durationMs: number }
  | { type: 'host.segment'; sku: string };

/** A cue of the show timeline (engine/room's TimelineEvent, agents/host's HostCue: the same shape). */
export type ShowCue =
  | { readonly kind: 'segment' | 'pitch'; readonly sku: string }
  | { readonly kind: 'flashsale'; readonly sku: string; readonly price: number; readonly stock: number; readonly durationMs: number }
  | { readonly kind: 'qa' };

/** The host's message for a timeline cue; Q&A has none (the host answers prompts instead). */
export function hostUpForCue(c: ShowCue): HostUp | null {
  switch (c.kind) {
    case 'segment':
      return { type: 'host.segment', sku: c.sku };
    case 'pitch':
      return { type: 'host.pitch', sku: c.sku };
    case 'flashsale':
      return { type: 'host.flashsale', sku: c.sku, price: c.price, stock: c.stock, durationMs: c.durationMs };
    case 'qa':
      return null;
  }
}

export type UpMessage = ViewerUp | HostUp;
export type DownMessage = ViewerDown | HostDown;

// ---- stack-internal control: scenario injections and service → service requests ----
// Not sent by agents. The runtime routes them to the services (commerce handles all four today).
export type ControlMsg =
  /** issue a coupon to one viewer or to everyone ('all': each viewer may use it once, up to `limit` uses) */
  | { type: 'coupon.issue'; to: number | 'all'; sku?: string; discount: number; minSpend: number; ttlMs: number; limit?: number }
  /** scenario fault injection: while active, every checkout fails with 'payment-failed' */
  | { type: 'payment.outage'; active: boolean }
  | { type: 'stock.restock'; sku: string; qty: number }
  /** the show is over: the room closes open sessions, commerce ends running flash sales */
  | { type: 'show.ended' };

/** An outbound message of a service with its recipient: one viewer, every viewer in the room, or the host. */
export interface Addressed<M = DownMessage> {
  to: number | 'all' | 'host';
  msg: M;
}
