// Real-time interest segments with hysteresis, and the targeting that follows a segment move.
export { SegmentTracker, type SegmentParams, type SegmentMove } from './segments.ts';
export { pickSku, targetedPush, type TargetingParams } from './targeting.ts';
