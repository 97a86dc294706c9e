// What the per-segment player does as each segment of a run (or window) in flight lands, replayed at
// request time so that a run is only as long as that player would have kept asking for the same rung
// (download.ts request, window.ts), and the state the replay reached, kept for complete().
import { addThroughputSample } from '../abr/throughput.ts';
import type { Player } from './state.ts';

/**
 * What the per-segment player does when segment i of the run in flight lands at `a` = p.f[aAt] after
 * `busy` = p.f[busyAt] ms of bottleneck time (offsets, not values: an un-inlined call's double arguments
 * are heap allocations, and this runs once per segment): its throughput sample, the rule's bookkeeping, and the rule's choice for segment i + 1,
 * which it returns (−1 if the player would not request it then). The playhead is taken on the run's
 * trajectory (rate 1 from where it was at the request; a run only starts with catch-up idle): below the
 * stall threshold the player would be in BUFFER_EMPTY, at bufferTimeDefault or above it would wait
 * (dash.js's buffer target, and where dynamic hands over to BOLA); either ends the run.
 */
export function landed(p: Player, i: number, aAt: number, busyAt: number): number {
  const cfg = p.cfg;
  const a = p.f[aAt]!;
  const busy = p.f[busyAt]!;
  if (busy > 0) addThroughputSample(p, (8 * p.dlBytes) / busy, busy);
  const k = p.dlSeg + i + 1;
  const pos = a + p.dlLag;
  const level = k * cfg.segmentMs - pos;
  const savedPos = p.pos;
  p.pos = pos;
  p.rule.onSegment(p, a, level);
  p.segments++;
  let q = -1;
  if (level > cfg.stallThresholdMs && level < cfg.bufferTimeDefaultMs) {
    p.nextSeg = k;
    q = p.rule.choose(p, a, level);
    if (p.abrDelayMs >= 1) q = -1;
    p.abrDelayMs = 0;
    p.dlReqMs = a;
  }
  p.pos = savedPos;
  return q;
}

/** Keeps the estimator and rule state a replay reached, for complete() (or a window's next step) to reuse. */
export function keepReplayed(p: Player): void {
  p.runTpFast = p.tpFast;
  p.runTpSlow = p.tpSlow;
  p.runTpFastDecay = p.tpFastDecay;
  p.runTpSlowDecay = p.tpSlowDecay;
  p.runPlaceholderS = p.bolaPlaceholderS;
  p.runBolaLastMs = p.bolaLastMs;
  p.runBolaSteady = p.bolaSteady;
  p.runUseBola = p.useBola;
  p.runReplayed = 1;
}

/** Takes back the state keepReplayed kept. */
export function useReplayed(p: Player): void {
  p.tpFast = p.runTpFast;
  p.tpSlow = p.runTpSlow;
  p.tpFastDecay = p.runTpFastDecay;
  p.tpSlowDecay = p.runTpSlowDecay;
  p.bolaPlaceholderS = p.runPlaceholderS;
  p.bolaLastMs = p.runBolaLastMs;
  p.bolaSteady = p.runBolaSteady;
  p.useBola = p.runUseBola;
}

// What a replay changes, saved before it and put back after it (fetchRun and windowRun replay on the live
// fields and restore them): module scratch, not an object per request, as neither nests in the other.
const SAVED = new Float64Array(9);

/** Saves the estimator, rule and segment-count fields a replay changes. */
export function saveLive(p: Player): void {
  SAVED[0] = p.tpFast;
  SAVED[1] = p.tpSlow;
  SAVED[2] = p.tpFastDecay;
  SAVED[3] = p.tpSlowDecay;
  SAVED[4] = p.bolaPlaceholderS;
  SAVED[5] = p.bolaLastMs;
  SAVED[6] = p.bolaSteady;
  SAVED[7] = p.useBola;
  SAVED[8] = p.segments;
}

/** Puts back what saveLive saved. */
export function restoreLive(p: Player): void {
  p.tpFast = SAVED[0]!;
  p.tpSlow = SAVED[1]!;
  p.tpFastDecay = SAVED[2]!;
  p.tpSlowDecay = SAVED[3]!;
  p.bolaPlaceholderS = SAVED[4]!;
  p.bolaLastMs = SAVED[5]!;
  p.bolaSteady = SAVED[6]!;
  p.useBola = SAVED[7]!;
  p.segments = SAVED[8]!;
}
