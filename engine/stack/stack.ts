// StackHost: the room, commerce and marketing services of one live room behind one router. It hands each
// incoming message to the services whose business it is, feeds what the services learn from each other
// (orders and pitches to marketing, targeted coupons to commerce), and returns the outbound messages
// addressed to a viewer, to everyone, or to the host. Pure: no clock, no I/O, no randomness of its own;
// the caller passes the time of each call (virtual time in a simulation, wall time in `livelab serve`).
import * as commerce from '../commerce/index.ts';
import * as marketing from '../marketing/index.ts';
import * as room from '../room/index.ts';
import type { Addressed, ControlMsg, DownMessage, HostUp, ViewerDown, ViewerUp } from '../protocol.ts';
import type { Catalog, CommerceConfig, CommerceState, CommerceSummary } from '../commerce/index.ts';
import type { MarketingConfig, MarketingState, MarketingSummary } from '../marketing/index.ts';
import type { RoomConfig, RoomState, RoomSummary } from '../room/index.ts';

export type StackOutbound = Addressed<DownMessage>;
export type CommerceInput = ViewerUp | HostUp | ControlMsg;

export interface StackConfig {
  seed: number;
  catalog: Catalog;
  room?: Partial<Omit<RoomConfig, 'seed'>>;
  commerce?: Partial<Omit<CommerceConfig, 'catalog'>>;
  /** null: no marketing engine (no prompts, no targeting) */
  marketing: MarketingConfig | null;
  /** local time of day (ms since midnight) at which time 0 falls, for promotion timing */
  showStartOfDayMs?: number;
  expectedViewers?: number;
  /**
   * Tick marketing after every message (a server on the wall clock: a prompt or a push leaves with the
   * message that caused it) instead of only in `advance` (a simulation ticks at epoch ends).
   */
  tickOnMessage?: boolean;
}

export interface StackHooks {
  /** called with every message commerce is about to handle, before it does (a journal writes it here) */
  commerceInput?: (msg: CommerceInput, now: number) => void;
  /** called once per order commerce places, before its confirmation is returned */
  orderPlaced?: (order: commerce.Order, now: number) => void;
}

export interface StackSummary {
  room: RoomSummary;
  commerce: CommerceSummary;
  marketing: MarketingSummary | null;
}

/** The ViewerUp types commerce acts on (the rest it would ignore: they need not reach it, nor a journal). */
const COMMERCE_VIEWER_TYPES: ReadonlySet<string> = new Set([
  'product.viewed',
  'product.closed',
  'cart.added',
  'cart.removed',
  'checkout.submitted',
  'coupon.claimed',
  'return.requested',
]);

export function isCommerceInput(msg: CommerceInput): boolean {
  return msg.type.startsWith('host.') || !('viewer' in msg) || COMMERCE_VIEWER_TYPES.has(msg.type);
}

export class StackHost {
  readonly room: RoomState;
  readonly commerce: CommerceState;
  readonly marketing: MarketingState | null;
  /** the latest time seen; every call's time is clamped to it, so time never goes back */
  now = 0;
  private readonly tickOnMessage: boolean;
  private readonly replayed = new WeakSet<object>();

  constructor(
    readonly config: StackConfig,
    private readonly hooks: StackHooks = {},
  ) {
    this.room = room.createRoomState({ seed: config.seed, ...config.room });
    this.commerce = commerce.createCommerceState({ ...config.commerce, catalog: config.catalog });
    this.marketing =
      config.marketing === null
        ? null
        : marketing.createMarketingEngine(config.marketing, marketing.catalogInfoFromSkus(config.catalog.skus), {
            ...(config.showStartOfDayMs === undefined ? {} : { showStartOfDayMs: config.showStartOfDayMs }),
            ...(config.expectedViewers === undefined ? {} : { expectedViewers: config.expectedViewers }),
          });
    this.tickOnMessage = config.tickOnMessage ?? false;
  }

  private clock(now: number): number {
    if (Number.isFinite(now) && now > this.now) this.now = now;
    return this.now;
  }

  /** One message of a viewer (its `viewer` field already checked by the caller). */
  viewer(msg: ViewerUp, at: number): StackOutbound[] {
    const now = this.clock(at);
    const out: StackOutbound[] = room.handle(this.room, msg, now);
    if (COMMERCE_VIEWER_TYPES.has(msg.type)) this.toCommerce(msg, now, out);
    if (this.marketing !== null) marketing.ingest(this.marketing, msg, now);
    this.learn(out, 0, now);
    if (this.tickOnMessage) this.tick(now, out);
    return out;
  }

  /** One action of the host (only the host's connection may send these). */
  host(msg: HostUp, at: number): StackOutbound[] {
    const now = this.clock(at);
    const out: StackOutbound[] = room.handle(this.room, msg, now);
    this.toCommerce(msg, now, out);
    if (this.marketing !== null) marketing.ingestHost(this.marketing, msg, now);
    this.learn(out, 0, now);
    if (this.tickOnMessage) this.tick(now, out);
    return out;
  }

  /** A scenario injection or an operator's request (coupon for all, payment outage, restock, show end). */
  control(msg: ControlMsg, at: number): StackOutbound[] {
    const now = this.clock(at);
    const out: StackOutbound[] = msg.type === 'show.ended' ? room.handle(this.room, msg, now) : room.advance(this.room, now);
    this.toCommerce(msg, now, out);
    this.learn(out, 0, now);
    return out;
  }

  /** Lets time pass: due danmaku batches, flash-sale ends, social proof, and the marketing tick. */
  advance(at: number): StackOutbound[] {
    const now = this.clock(at);
    const out: StackOutbound[] = room.advance(this.room, now);
    out.push(...commerce.advance(this.commerce, now));
    this.learn(out, 0, now);
    this.tick(now, out);
    return out;
  }

  /** When something is next due without a new message (danmaku batch, flash-sale end, social proof). */
  nextDueAt(): number | undefined {
    const a = room.nextDueAt(this.room);
    const b = commerce.nextDueAt(this.commerce);
    return a === undefined ? b : b === undefined ? a : Math.min(a, b);
  }

  /**
   * Replays a journaled commerce input into a fresh stack (after a restart): commerce's state is rebuilt
   * exactly, nothing is returned and no hook is called; room and marketing start afresh.
   */
  replayCommerce(msg: CommerceInput, at: number): void {
    const now = this.clock(at);
    commerce.handle(this.commerce, msg, now);
  }

  summary(): StackSummary {
    return {
      room: room.summary(this.room),
      commerce: commerce.summary(this.commerce),
      marketing: this.marketing === null ? null : marketing.summary(this.marketing),
    };
  }

  private toCommerce(msg: CommerceInput, now: number, out: StackOutbound[]): void {
    this.hooks.commerceInput?.(msg, now);
    const before = this.commerce.orders.list.length;
    const replays = this.commerce.counters.checkoutReplays;
    const res = commerce.handle(this.commerce, msg, now);
    // a retried checkout answered with its existing order: marketing saw that order already
    if (this.commerce.counters.checkoutReplays !== replays) for (const o of res) this.replayed.add(o.msg);
    const placed = this.hooks.orderPlaced;
    if (placed !== undefined) {
      const list = this.commerce.orders.list;
      for (let i = before; i < list.length; i++) placed(list[i]!, now);
    }
    for (const o of res) out.push(o);
  }

  /** Marketing learns from what the other services send: orders, rejections, the SKU on stage. */
  private learn(out: readonly StackOutbound[], from: number, now: number): void {
    const m = this.marketing;
    if (m === null) return;
    for (let i = from; i < out.length; i++) {
      const { to, msg } = out[i]!;
      switch (msg.type) {
        case 'order.confirmed':
        case 'order.rejected':
          if (typeof to === 'number' && !this.replayed.has(msg)) marketing.observe(m, to, msg, now);
          break;
        case 'show.segment':
        case 'product.pitched':
          marketing.observe(m, -1, msg, now);
          break;
        default:
          break;
      }
    }
  }

  private tick(now: number, out: StackOutbound[]): void {
    const m = this.marketing;
    if (m === null) return;
    for (const o of marketing.tick(m, now)) {
      if (o.to === 'commerce') {
        const from = out.length;
        this.toCommerce(o.msg, now, out);
        this.learn(out, from, now);
      } else out.push(o as Addressed<ViewerDown | DownMessage>);
    }
  }
}
