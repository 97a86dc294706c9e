// Everything a viewer machine can receive: the stack's ViewerDown messages (engine/protocol.ts) and
// the decision-worthy events of the media model. engine/media buffers these five as (type, arg, arg2)
// (engine/media/events.ts); the runtime turns them into the objects below. The shapes are restated
// here because agents do not import engine/media. Optional fields are the media model's arg2.
import type { ViewerDown } from '../../engine/protocol.ts';

export type MediaEvent =
  | { type: 'playback.started'; startupMs: number; kbps?: number }
  | { type: 'stall.started' }
  | { type: 'stall.ended'; stallMs: number; latencyMs?: number }
  | { type: 'quality.changed'; kbps: number }
  | { type: 'latency.high'; latencyMs: number };

export const MEDIA_EVENT_TYPES = ['playback.started', 'stall.started', 'stall.ended', 'quality.changed', 'latency.high'] as const satisfies readonly MediaEvent['type'][];

export type ViewerEvent = ViewerDown | MediaEvent;

/** the clock the machine runs on, read by actions that need the current time */
export interface TimeSource {
  now(): number;
}
