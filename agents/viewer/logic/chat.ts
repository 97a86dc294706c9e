// Comments, likes, gifts and follows: when (next-event times from chat-rates.ts) and what (the
// comment generator). Draws come from the viewer's chat stream only.
import { logNormal } from '../../../engine/kernel/index.ts';
import type { ViewerUp } from '../../../engine/protocol.ts';
import { familyOf } from '../../personas/index.ts';
import type { ViewerContext } from '../context.ts';
import { chooseIntent, commentText, isQuestion } from '../models/comments/index.ts';
import { nextEventMs } from '../models/rates.ts';
import { delay } from '../models/time.ts';
import { stageMatch } from './attention.ts';

function buzzLeft(ctx: ViewerContext, now: number): number {
  return Math.max(0, ctx.buzzAt + ctx.p.chat.buzzMs - now);
}

export function commentDelay(ctx: ViewerContext): number {
  const c = ctx.p.chat;
  const now = ctx.clock.now();
  const rate = (c.commentsPerMinute / 60_000) * ctx.persona.chattiness * (ctx.stallAt >= 0 ? c.troubleFactor : 1);
  return delay(nextEventMs(ctx.rng.chat.next(), rate, c.buzzFactor, buzzLeft(ctx, now)));
}

export function cheerDelay(ctx: ViewerContext): number {
  const c = ctx.p.chat;
  const now = ctx.clock.now();
  // spam accounts post, they do not tap likes or pay for gifts: cheers use chattiness capped at 5
  const rate = (c.cheersPerMinute / 60_000) * Math.min(5, ctx.persona.chattiness) * (0.5 + stageMatch(ctx));
  return delay(nextEventMs(ctx.rng.chat.next(), rate, c.buzzFactor, buzzLeft(ctx, now)));
}

/** the price on stage is high for this viewer: above a twentieth of the monthly budget */
function priceHigh(ctx: ViewerContext): boolean {
  const o = ctx.offers[0];
  return o !== undefined && o.price > ctx.p.choice.priceRefShare * ctx.persona.budgetMonthly;
}

export function comment(ctx: ViewerContext): { patch: Partial<ViewerContext>; msg: ViewerUp } {
  const rng = ctx.rng.chat;
  const troubled = ctx.stallAt >= 0 || (ctx.bitrateKbps > 0 && ctx.bitrateKbps < ctx.p.leave.lowBitrateKbps) || ctx.latencyMs > ctx.p.leave.latencyThresholdMs;
  const intent = chooseIntent(rng, {
    family: familyOf(ctx.segCat),
    troubled,
    flashSale: ctx.offers.some((o) => Number.isFinite(o.endsAt) && o.endsAt > ctx.clock.now()),
    priceHigh: priceHigh(ctx),
    match: stageMatch(ctx),
    spammer: ctx.persona.spammer,
  });
  const text = commentText(rng, { lang: ctx.persona.lang, intent, cat: ctx.segCat });
  const asks = isQuestion(intent) && ctx.segCat >= 0;
  return {
    patch: { comments: ctx.comments + 1, ...(asks ? { doubt: intent, doubtCat: ctx.segCat } : {}) },
    msg: { type: 'danmaku.sent', viewer: ctx.id, text, lang: ctx.persona.lang, truth: intent },
  };
}

/** a like, a gift or (once, for a non-follower who likes what is on stage) a follow */
export function cheer(ctx: ViewerContext): { patch: Partial<ViewerContext>; msg: ViewerUp } {
  const c = ctx.p.chat;
  const rng = ctx.rng.chat;
  const u = rng.next();
  if (!ctx.followed && stageMatch(ctx) > 0.6 && u < c.followShare) {
    return { patch: { followed: true }, msg: { type: 'follow.sent', viewer: ctx.id } };
  }
  if (rng.next() < c.giftShare) {
    const value = Math.max(1, Math.round(logNormal(rng, c.giftMedianCny, c.giftSigma)));
    return { patch: { gifts: ctx.gifts + 1 }, msg: { type: 'gift.sent', viewer: ctx.id, value } };
  }
  return { patch: { likes: ctx.likes + 1 }, msg: { type: 'like.sent', viewer: ctx.id } };
}
