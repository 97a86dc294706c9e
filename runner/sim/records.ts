// What a shard keeps of each viewer once they have left (or the show ended): plain numbers, merged in
// viewer-id order at the end so that results do not depend on how viewers were spread over shards.
export interface ViewerRecord {
  id: number;
  /** index into the scenario's network mix */
  profile: number;
  /** persona segment name */
  segment: string;
  bouncer: boolean;
  arriveMs: number;
  /** time in the room */
  watchedMs: number;
  /** false: still there when the show ended (censored) */
  left: boolean;
  reason: string;
  /** −1 if playback never started (records cross threads as JSON, which has no NaN) */
  startupMs: number;
  rebufferRatio: number;
  stallMs: number;
  playMs: number;
  /** −1 when nothing was played */
  meanBitrateKbps: number;
  latencyMeanMs: number;
  nqoe: number;
  orders: number;
  spent: number;
  comments: number;
}

export const RECORD_FIELDS = [
  'id', 'profile', 'segment', 'bouncer', 'arriveMs', 'watchedMs', 'left', 'reason', 'startupMs', 'rebufferRatio',
  'stallMs', 'playMs', 'meanBitrateKbps', 'latencyMeanMs', 'nqoe', 'orders', 'spent', 'comments',
] as const satisfies readonly (keyof ViewerRecord)[];
