export type { ShowTimeline, TimelineSpec, TimelineSegment, TimelineEvent, ScriptedEvent } from './types.ts';
export { createTimeline } from './create.ts';
export { segmentAt, eventsIn, nextEventAt } from './lookup.ts';
export { scriptShow, type ScriptProduct, type ScriptOptions } from './script.ts';
