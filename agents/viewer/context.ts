// A viewer's live state: numbers, a few short strings, and references to things shared or compact
// (the persona, the run's parameters, the clock, four small generators). Kept flat and small so that
// 100k viewers in session fit comfortably (target ≤ 1 KB each besides the persona).
import type { RngStreams, Rng } from '../../engine/kernel/index.ts';
import type { CommentIntent, LeaveReason } from '../../engine/protocol.ts';
import { topicIndex, type Persona } from '../personas/index.ts';
import type { TimeSource } from './events.ts';
import type { SocialFeed } from './logic/social-ledger.ts';
import type { Offer } from './models/choice.ts';
import { DEFAULT_VIEWER_PARAMS, type ViewerParams } from './params.ts';

/** one stream per purpose, so that e.g. more coupons in one variant do not shift the leave draws */
export interface ViewerStreams {
  readonly qoe: Rng;
  readonly shop: Rng;
  readonly chat: Rng;
  readonly drift: Rng;
}

export interface ViewerInput {
  readonly persona: Persona;
  /** the run's named streams; the viewer takes (persona.id, 'viewer.qoe' | '.shop' | '.chat' | '.drift') */
  readonly rng: RngStreams;
  readonly clock: TimeSource;
  readonly params?: ViewerParams;
  /** the room's purchase ticker shared by the viewers of a simulated shard (logic/social-ledger.ts);
   *  without it the viewer keeps its own count from `social.purchase` messages */
  readonly social?: SocialFeed;
}

export interface CartLine {
  readonly sku: string;
  readonly cat: number;
  readonly price: number;
  /** impulse of this purchase decision, for the return model */
  readonly impulse: number;
}

export interface ViewerContext {
  readonly id: number;
  readonly persona: Persona;
  readonly p: ViewerParams;
  readonly rng: ViewerStreams;
  readonly clock: TimeSource;
  readonly social: SocialFeed | null;
  // media and QoE
  joinedAt: number;
  /** -1 until playback starts */
  playingAt: number;
  startupMs: number;
  stalls: number;
  /** stall time of finished stalls */
  stallMs: number;
  /** start of the current stall, -1 while playing */
  stallAt: number;
  bitrateKbps: number;
  latencyMs: number;
  // the leave clock (models/qoe-hazard.ts): leave when the cumulative hazard reaches leaveE
  leaveE: number;
  leaveH: number;
  armAt: number;
  rBase: number;
  rImpairment: number;
  rSpan: number;
  rSlope: number;
  // boredom (models/boredom.ts)
  temper: number;
  temperAt: number;
  temperRate: number;
  // content and drift: `interests` is the persona's array until the first drift (copy-on-write)
  interests: Float32Array;
  segCat: number;
  segAt: number;
  hostAnswers: number;
  reason: LeaveReason;
  // shopping
  offers: readonly Offer[];
  focus: Offer | null;
  focusAt: number;
  uShop: number;
  lastPitchAt: number;
  cart: readonly CartLine[];
  orderKey: string;
  orderSeq: number;
  attempts: number;
  orders: number;
  spent: number;
  couponId: string;
  couponSku: string;
  couponOff: number;
  couponMin: number;
  couponUntil: number;
  /** the viewer's own count of announced purchases (when there is no shared `social` feed) */
  socialSku: string;
  socialSeen: number;
  socialAt: number;
  /** the last flash sale the viewer heard counted down: its SKU, when they heard it, when it opens */
  heardSku: string;
  heardAt: number;
  awaitUntil: number;
  /** an open question (intent) about a category; answeredCat: the last category whose doubt was answered */
  doubt: CommentIntent | '';
  doubtCat: number;
  answeredCat: number;
  // chat and cheers
  buzzAt: number;
  comments: number;
  likes: number;
  gifts: number;
  followed: boolean;
}

/** one shared empty list for every viewer with no offers or an empty cart (lists are replaced, never mutated) */
export const EMPTY: readonly never[] = Object.freeze([]);

export function viewerStreams(rng: RngStreams, viewer: number): ViewerStreams {
  return {
    qoe: rng.stream(viewer, 'viewer.qoe'),
    shop: rng.stream(viewer, 'viewer.shop'),
    chat: rng.stream(viewer, 'viewer.chat'),
    drift: rng.stream(viewer, 'viewer.drift'),
  };
}

export function createContext(input: ViewerInput): ViewerContext {
  const { persona, clock } = input;
  const p = input.params ?? DEFAULT_VIEWER_PARAMS;
  const rng = viewerStreams(input.rng, persona.id);
  const now = clock.now();
  return {
    id: persona.id, persona, p, rng, clock, social: input.social ?? null,
    joinedAt: now, playingAt: -1, startupMs: 0, stalls: 0, stallMs: 0, stallAt: -1, bitrateKbps: 0, latencyMs: 0,
    // one Exp(1) threshold for the whole session, drawn first so it never depends on what happens later
    leaveE: -Math.log(1 - rng.qoe.next()),
    leaveH: 0, armAt: now, rBase: 0, rImpairment: 0, rSpan: 1, rSlope: 0,
    temper: p.boredom.initial, temperAt: now, temperRate: 0,
    interests: persona.interests, segCat: -1, segAt: now, hostAnswers: 0, reason: 'dropped',
    offers: EMPTY, focus: null, focusAt: 0, uShop: 0, lastPitchAt: -Infinity, cart: EMPTY,
    orderKey: '', orderSeq: 0, attempts: 0, orders: 0, spent: 0,
    couponId: '', couponSku: '', couponOff: 0, couponMin: 0, couponUntil: 0,
    socialSku: '', socialSeen: 0, socialAt: 0,
    heardSku: '', heardAt: -Infinity, awaitUntil: -Infinity,
    doubt: '', doubtCat: -1, answeredCat: -1,
    buzzAt: -Infinity, comments: 0, likes: 0, gifts: 0, followed: persona.follower,
  };
}

/** the viewer's liking for a topic, in [-1, 1] */
export function topic(ctx: ViewerContext, t: 'deals' | 'entertainment' | 'tutorial'): number {
  return ctx.interests[topicIndex(t)]!;
}
