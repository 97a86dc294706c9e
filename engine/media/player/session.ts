// Ending a viewer's session (the viewer left, or the show ended): run what is due, bring the accumulators
// up to that moment, charge NQoE for the segments of the transfer in flight that have landed (the
// per-segment player completed each as it landed; a run or window completes at its last), and stop.
import type { MediaEventBuffer } from '../events.ts';
import { copyPlayer, PHASE, type Player } from './state.ts';
import { chargeSegments } from './nqoe.ts';
import { advance, syncTo } from './step.ts';

export function endSession(p: Player, atMs: number, out: MediaEventBuffer): void {
  if (p.phase === PHASE.ended) return;
  advance(p, atMs, out);
  syncTo(p, atMs);
  const landed = p.dlSeg >= 0 ? Math.floor(p.dlPart / p.cfg.partsPerSegment) : 0;
  if (landed > 0) {
    chargeSegments(p, atMs, landed);
    p.segments += landed;
  }
  p.phase = PHASE.ended;
  p.nextMs = Infinity;
}

/**
 * The player `p` as endSession(p, atMs) would leave it, in `scratch` (a row of the same store), with `p`
 * itself untouched: for a session that ends in one simulated world while the same player plays on in
 * another (runner/sim/shard.ts, strategies sharing an audience). Nothing may be due at atMs (run the due
 * steps on `p` first): ending the copy draws nothing and touches no link.
 */
export function endedCopy(p: Player, atMs: number, scratch: Player, out: MediaEventBuffer): Player {
  if (p.nextMs <= atMs) throw new RangeError(`endedCopy: player ${p.viewer} has a step due at ${p.nextMs} ≤ ${atMs}`);
  copyPlayer(p, scratch);
  endSession(scratch, atMs, out);
  return scratch;
}
