// When the next thing happens to a player: a segment lands, a request is due, the buffer hits the stall
// threshold (or runs dry below it), playback can start or resume, the picture reaches a segment of another
// rung, latency crosses its alarm or the drift limit. Each is solved in closed form from the current state
// and the known arrival times of the parts in flight.
import { requestTime } from './download.ts';
import { PHASE, partAt, rungOf, type Player } from './state.ts';

/** Float slack for "the predicted moment has come" (ms). */
export const EPS = 1e-6;

export function computeNext(p: Player): number {
  const cfg = p.cfg;
  const phase = p.phase;
  if (phase === PHASE.ended) return (p.nextMs = Infinity);
  const n = cfg.partsPerSegment;
  const S = cfg.segmentMs;
  const P = cfg.partMs;
  const now = p.now;
  const pos = p.pos;
  const seg = p.dlSeg;
  let next = seg >= 0 ? partAt(p, n - 1) : requestTime(p);
  const L = now - pos;
  if (phase === PHASE.playing) {
    const r = p.rate;
    const lowBuf = p.lowBuf === 1;
    // the buffer falls to the floor that matters now (the stall threshold, or empty once below it),
    // counting the parts that land first; below the threshold, the part that lifts it back above
    const floor = lowBuf ? 0 : cfg.stallThresholdMs;
    let B = p.bufEnd;
    let j = p.dlPart;
    let lookForExit = lowBuf;
    for (;;) {
      const hit = now + (B - floor - pos) / r;
      const a = seg >= 0 && j < n ? partAt(p, j) : Infinity;
      if (a <= hit) {
        B = seg * S + (j + 1) * P;
        if (lookForExit && B - (pos + r * (a - now)) > cfg.stallThresholdMs + EPS) {
          if (a < next) next = a;
          lookForExit = false;
        }
        j++;
        continue;
      }
      if (hit < next) next = hit;
      break;
    }
    // the picture reaches a segment of another rung
    const last = seg >= 0 ? seg : p.nextSeg - 1;
    const shown = p.renderQ;
    for (let k = Math.floor((pos + EPS) / S) + 1; k <= last; k++) {
      if (rungOf(p, k) !== shown) {
        const tk = now + (k * S - pos) / r;
        if (tk < next) next = tk;
        break;
      }
    }
    // playing slower than real time lets latency grow towards the alarm and the drift limit
    if (r < 1) {
      if (p.latHigh === 0) next = Math.min(next, now + (cfg.latencyHighMs - L) / (1 - r));
      next = Math.min(next, now + (cfg.targetLatencyMs + cfg.maxDriftMs - L) / (1 - r));
    }
  } else {
    // startup or stalled: the first moment the buffer reaches the goal
    const goal = cfg.rebufferGoalMs - EPS;
    if (p.bufEnd - pos >= goal) next = now;
    else if (seg >= 0) {
      for (let j = p.dlPart; j < n; j++) {
        if (seg * S + (j + 1) * P - pos >= goal) {
          const a = partAt(p, j);
          if (a < next) next = a;
          break;
        }
      }
    }
    if (phase === PHASE.stalled) {
      if (p.latHigh === 0) next = Math.min(next, now + cfg.latencyHighMs - L);
      next = Math.min(next, now + cfg.targetLatencyMs + cfg.maxDriftMs - L);
    }
  }
  return (p.nextMs = next > now ? next : now);
}
