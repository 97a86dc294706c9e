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
  const n = cfg.partsPerSegment * p.dlSegs;
  const S = cfg.segmentMs;
  const P = cfg.partMs;
  const now = p.now;
  const pos = p.pos;
  const seg = p.dlSeg;
  let next = seg >= 0 ? partAt(p, n - 1) : requestTime(p);
  const L = now - pos;
  if (phase === PHASE.playing) {
    const r = p.rate;
    // the buffer falls to the floor that matters now, counting the parts that land first: the stall
    // threshold (dash.js BUFFER_EMPTY) when crossing it changes something (catch-up pauses: the rate goes
    // back to 1; BOLA drops a placeholder it holds), else empty (the freeze). Crossing the threshold at
    // rate 1 with no placeholder changes nothing, so step() notes BUFFER_EMPTY at its next wake-up.
    // Model choice: leaving BUFFER_EMPTY (a part lifting the level back above the threshold) is noted at
    // the next wake-up too, not by one of its own: catch-up resumes at the player's next decision (within
    // a segment) instead of on each 0.2 s part, which would otherwise be drained straight back to the
    // threshold at up to 1.5× (a wake-up on every part for a weak link behind the live edge).
    const quiet = r === 1 && !(p.bolaSteady === 1 && p.bolaPlaceholderS > 0);
    const floor = p.lowBuf === 1 || quiet ? 0 : cfg.stallThresholdMs;
    let B = p.bufEnd;
    let j = p.dlPart;
    for (;;) {
      const hit = now + (B - floor - pos) / r;
      const a = seg >= 0 && j < n ? partAt(p, j) : Infinity;
      if (a <= hit) {
        B = seg * S + (j + 1) * P;
        j++;
        continue;
      }
      if (hit < next) next = hit;
      break;
    }
    // the picture reaches a segment of another rung
    const last = seg >= 0 ? seg + p.dlSegs - 1 : p.nextSeg - 1;
    const shown = p.renderQ;
    for (let k = Math.floor((pos + EPS) / S) + 1; k <= last; k++) {
      if (rungOf(p, k) !== shown) {
        const tk = now + (k * S - pos) / r;
        if (tk < next) next = tk;
        break;
      }
    }
    // catch-up is re-decided at least once a segment, as it was when every segment was a step (a group
    // is only requested at rate 1, but a stall inside it can start a catch-up)
    if (r !== 1 && p.dlSegs > 1 && seg >= 0 && now + S < next) next = now + S;
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
