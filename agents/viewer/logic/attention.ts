// Whether the viewer stays: the leave clock (QoE-driven hazard on top of the content hazard) and
// boredom, re-planned whenever one of their drivers changes. Pure functions of the context; the
// machine calls them from named actions, guards and delays.
import { categoryIndex } from '../../personas/index.ts';
import type { ViewerContext } from '../context.ts';
import { topic } from '../context.ts';
import { boost, boredomDelayMs, temperRate } from '../models/boredom.ts';
import { drift, matchOf } from '../models/interest-drift.ts';
import { baseHazard } from '../models/leave-hazard.ts';
import { cumulativeHazard, kappaFor, qoeShareAt, timeToHazard, type Regime } from '../models/qoe-hazard.ts';
import { startupPatienceMs } from '../models/startup-abandonment.ts';
import { delay } from '../models/time.ts';

export function regimeOf(ctx: ViewerContext): Regime {
  return { base: ctx.rBase, impairment: ctx.rImpairment, span: ctx.rSpan, slope: ctx.rSlope };
}

function kappa(ctx: ViewerContext): number {
  return kappaFor(ctx.persona.patienceZ, ctx.p.qoe);
}

/** interest match of what is on stage, in [0, 1] */
export function stageMatch(ctx: ViewerContext): number {
  return matchOf(ctx.interests, ctx.segCat);
}

/** startup-equivalent impairment (ms) now: the startup wait plus weighted stall time */
export function impairmentNow(ctx: ViewerContext, now: number): number {
  const stalled = ctx.stallAt >= 0 ? now - ctx.stallAt : 0;
  return ctx.startupMs + ctx.p.qoe.stallWeight * (ctx.stallMs + stalled);
}

/**
 * Settles the leave clock and temper up to now under the regime planned last time, then plans the
 * regime from the current context. Correct whatever ran before it in the same step, because the
 * settlement reads only the stored regime.
 */
export function armLeaveClock(ctx: ViewerContext): Partial<ViewerContext> {
  const now = ctx.clock.now();
  const p = ctx.p;
  const elapsed = now - ctx.armAt;
  const leaveH = ctx.leaveH + (ctx.rBase > 0 && elapsed > 0 ? cumulativeHazard(regimeOf(ctx), elapsed, kappa(ctx)) : 0);
  const temper = ctx.temper + ctx.temperRate * (now - ctx.temperAt);
  const match = stageMatch(ctx);
  const rBase = baseHazard(
    { stayMinutes: ctx.persona.stayMinutes, match, hostAnswers: ctx.hostAnswers, latencyMs: ctx.latencyMs, bitrateKbps: ctx.bitrateKbps, paid: ctx.orders > 0 },
    p.leave,
  );
  const b = boost(match, ctx.followed, ctx.hostAnswers, topic(ctx, 'entertainment'), p.boredom) + (now < ctx.awaitUntil ? p.boredom.awaitBoost : 0);
  return {
    leaveH, armAt: now, rBase,
    rImpairment: impairmentNow(ctx, now),
    rSpan: p.qoe.priorMs + Math.max(0, now - ctx.playingAt),
    rSlope: ctx.stallAt >= 0 ? p.qoe.stallWeight : 0,
    temper, temperAt: now, temperRate: temperRate(b, p.boredom),
  };
}

export function leaveDelay(ctx: ViewerContext): number {
  return delay(timeToHazard(regimeOf(ctx), ctx.leaveE - ctx.leaveH, kappa(ctx)));
}

export function boredomDelay(ctx: ViewerContext): number {
  return delay(boredomDelayMs(ctx.temper, ctx.temperRate, ctx.p.boredom));
}

export function startupDelay(ctx: ViewerContext): number {
  return delay(startupPatienceMs(ctx.persona.patienceZ, ctx.persona.network, ctx.p.startup));
}

/**
 * When the leave clock fires: was it the stream? One draw, in proportion to the hazard's parts; a
 * viewer who never stalled leaves for the content (the startup wait alone is not called a stall).
 */
export function blameQoe(ctx: ViewerContext): boolean {
  if (ctx.stalls === 0) return false;
  const share = qoeShareAt(regimeOf(ctx), ctx.clock.now() - ctx.armAt, kappa(ctx));
  return ctx.rng.qoe.next() < share;
}

/**
 * A new SKU on stage: the segment just watched drifts the viewer's interests (one RecSim update per
 * unit of watching, models/interest-drift.ts), then the stage moves to the new category.
 */
export function enterStage(ctx: ViewerContext, category: string, sku: string, subcategory?: string): Partial<ViewerContext> {
  const cat = categoryIndex(category, sku, subcategory);
  const now = ctx.clock.now();
  if (cat === ctx.segCat) return {};
  const steps = ctx.segCat >= 0 && ctx.playingAt >= 0 ? Math.floor((now - Math.max(ctx.segAt, ctx.playingAt)) / ctx.p.drift.unitMs) : 0;
  return { interests: drift(ctx.interests, ctx.segCat, steps, ctx.rng.drift, ctx.p.drift), segCat: cat, segAt: now };
}

/**
 * Whether a bitrate change from the context's bitrate to `kbps` changes the base hazard: only a
 * bitrate below lowBitrateKbps (and known, > 0) enters it, on either side of the change. Otherwise
 * re-planning the leave clock would compute the same regime again.
 */
export function bitrateChangeMatters(ctx: ViewerContext, kbps: number): boolean {
  const low = ctx.p.leave.lowBitrateKbps;
  return (ctx.bitrateKbps > 0 && ctx.bitrateKbps < low) || (kbps > 0 && kbps < low);
}

/** whether a host answer of this intent answers this viewer's open question */
export function answersDoubt(ctx: ViewerContext, intent: string): boolean {
  return ctx.doubt !== '' && ctx.doubt === intent;
}

/** a host answer: engagement for everyone who asked that kind of question, a resolved doubt for this one */
export function hostAnswer(ctx: ViewerContext, intent: string): Partial<ViewerContext> {
  if (!answersDoubt(ctx, intent)) return {};
  return { hostAnswers: ctx.hostAnswers + 1, doubt: '', answeredCat: ctx.doubtCat };
}
