// The host's live state: where it is in the timeline and the prompts it has not handled yet.
import type { Rng, RngStreams } from '../../engine/kernel/index.ts';
import type { HostDown } from '../../engine/protocol.ts';
import type { TimeSource } from '../viewer/events.ts';
import { DEFAULT_HOST_PARAMS, type HostParams } from './params.ts';
import type { HostTimeline } from './timeline.ts';

export interface HostInput {
  readonly timeline: HostTimeline;
  readonly rng: RngStreams;
  readonly clock: TimeSource;
  /** the show's start on the clock (cue times are relative to it); default: now */
  readonly startAt?: number;
  /** the host's owner id for its RNG stream (one host per room) */
  readonly id?: number;
  readonly params?: HostParams;
}

export interface HostContext {
  readonly timeline: HostTimeline;
  readonly p: HostParams;
  readonly rng: Rng;
  readonly clock: TimeSource;
  readonly startAt: number;
  /** next cue to perform */
  cue: number;
  onStage: string;
  qaUntil: number;
  queue: readonly HostDown[];
  answered: number;
  ignored: number;
  dropped: number;
}

export function createHostContext(input: HostInput): HostContext {
  return {
    timeline: input.timeline,
    p: input.params ?? DEFAULT_HOST_PARAMS,
    rng: input.rng.stream(input.id ?? 0, 'host'),
    clock: input.clock,
    startAt: input.startAt ?? input.clock.now(),
    cue: 0, onStage: '', qaUntil: -1, queue: [], answered: 0, ignored: 0, dropped: 0,
  };
}
