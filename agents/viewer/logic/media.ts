// Bookkeeping of what the media model reports: startup, stalls, bitrate, latency.
import type { ViewerContext } from '../context.ts';

export function playbackStarted(ctx: ViewerContext, startupMs: number | undefined): Partial<ViewerContext> {
  const now = ctx.clock.now();
  return { playingAt: now, startupMs: startupMs ?? now - ctx.joinedAt, armAt: now, temperAt: now, segAt: now };
}

export function stallStarted(ctx: ViewerContext): Partial<ViewerContext> {
  return { stallAt: ctx.clock.now(), stalls: ctx.stalls + 1 };
}

export function stallEnded(ctx: ViewerContext, stallMs: number | undefined): Partial<ViewerContext> {
  if (ctx.stallAt < 0) return {};
  const measured = ctx.clock.now() - ctx.stallAt;
  return { stallAt: -1, stallMs: ctx.stallMs + (stallMs !== undefined && stallMs >= 0 ? stallMs : measured) };
}

/** rebuffering so far, including a stall in progress */
export function rebufferMs(ctx: ViewerContext, now: number): number {
  return ctx.stallMs + (ctx.stallAt >= 0 ? now - ctx.stallAt : 0);
}
