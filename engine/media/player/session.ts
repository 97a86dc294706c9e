// Ending a viewer's session (the viewer left, or the show ended): run what is due, bring the accumulators
// up to that moment, and stop.
import type { MediaEventBuffer } from '../events.ts';
import { PHASE, type Player } from './state.ts';
import { advance, syncTo } from './step.ts';

export function endSession(p: Player, atMs: number, out: MediaEventBuffer): void {
  if (p.phase === PHASE.ended) return;
  advance(p, atMs, out);
  syncTo(p, atMs);
  p.phase = PHASE.ended;
  p.nextMs = Infinity;
}
