// When the next thing happens to a player: a segment lands, a request is due, the buffer hits the stall
// threshold (or runs dry below it), playback can start or resume, the picture reaches a segment of another
// rung, latency crosses its alarm or the drift limit. Each is solved in closed form from the current state
// and the known arrival times of the parts in flight.
import { nextRate } from './catchup.ts';
import { requestTime } from './download.ts';
import { PHASE, partsBase, rungOf, windowLandingAt, type Player } from './state.ts';

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
  // a window in flight: nothing happens before its last segment lands (window.ts cut it so)
  if (seg >= 0 && p.win === 1) {
    p.rateEndMs = Infinity;
    const end = windowLandingAt(p, p.dlSegs - 1);
    return (p.nextMs = end > now ? end : now);
  }
  // part arrivals read straight from the column (partAt, un-inlined, returned each one boxed)
  const f = p.f;
  const parts = partsBase(p);
  // (the unary plus keeps `next` a double for V8: merged with an un-inlined call's tagged result, every
  // later assignment to it allocated a heap number)
  let next = seg >= 0 ? f[parts + n - 1]! : +requestTime(p);
  const L = now - pos;
  p.rateEndMs = Infinity;
  if (phase === PHASE.playing) {
    let r = p.rate;
    // the buffer falls to the floor that matters now, counting the parts that land first: the stall
    // threshold (dash.js BUFFER_EMPTY) when crossing it changes something (catch-up pauses: the rate goes
    // back to 1; BOLA drops a placeholder it holds), else empty (the freeze). Crossing the threshold at
    // rate 1 with no placeholder changes nothing, so step() notes BUFFER_EMPTY at its next wake-up.
    // Model choice: leaving BUFFER_EMPTY (a part lifting the level back above the threshold) is noted at
    // the next wake-up too, not by one of its own: catch-up resumes at the player's next decision (within
    // a segment) instead of on each 0.2 s part, which would otherwise be drained straight back to the
    // threshold at up to 1.5× (a wake-up on every part for a weak link behind the live edge).
    // While catching up (rate ≠ 1) the crossing pauses catch-up; it needs no wake-up of its own either
    // (results as if it had one): computeNext solves it as p.rateEndMs, syncTo applies it, and the
    // trajectory after it (rate 1, floor empty) is solved on from there. Only BOLA's placeholder drop
    // needs the step.
    const r0 = p.rate;
    const bolaDrop = p.bolaSteady === 1 && p.bolaPlaceholderS > 0;
    let floor = p.lowBuf === 1 || (r0 === 1 && !bolaDrop) ? 0 : cfg.stallThresholdMs;
    const lazyPause = floor > 0 && !bolaDrop;
    // the trajectory: rate r from (t0, x0), switching to rate 1 at (sw, xsw) if the pause comes first
    let sw = Infinity;
    let xsw = Infinity;
    let t0 = now;
    let x0 = pos;
    let B = p.bufEnd;
    let j = p.dlPart;
    for (;;) {
      const hit = t0 + (B - floor - x0) / r;
      const a = seg >= 0 && j < n ? f[parts + j]! : Infinity;
      if (a <= hit) {
        B = seg * S + (j + 1) * P;
        j++;
        continue;
      }
      if (lazyPause && sw === Infinity) {
        sw = hit;
        xsw = B - floor;
        t0 = hit;
        x0 = xsw;
        r = 1;
        floor = 0;
        continue;
      }
      if (hit < next) next = hit;
      break;
    }
    if (sw < next) p.rateEndMs = sw;
    else sw = Infinity;
    // the picture reaches a segment of another rung (at rate r0, or at rate 1 after the pause)
    const last = seg >= 0 ? seg + p.dlSegs - 1 : p.nextSeg - 1;
    const shown = p.renderQ;
    for (let k = Math.floor((pos + EPS) / S) + 1; k <= last; k++) {
      if (rungOf(p, k) !== shown) {
        const x = k * S;
        const tk = x <= xsw ? now + (x - pos) / r0 : sw + (x - xsw);
        if (tk < next) next = tk;
        break;
      }
    }
    // catch-up is re-decided at least once a segment, as it was when every segment was a step (a group
    // is only requested with catch-up idle, but a stall inside it can start a catch-up: then the wake-ups
    // come while the rate is off 1, in BUFFER_EMPTY, or latency is off target)
    if (p.dlSegs > 1 && seg >= 0 && now + S < next && (r0 !== 1 || p.lowBuf === 1 || nextRate(cfg, 1, L, p.bufEnd - pos) !== 1)) next = now + S;
    // playing slower than real time lets latency grow towards the alarm and the drift limit (until the
    // catch-up pause, after which it holds)
    if (r0 < 1) {
      let tl = Infinity;
      if (p.latHigh === 0) tl = now + (cfg.latencyHighMs - L) / (1 - r0);
      tl = Math.min(tl, now + (cfg.targetLatencyMs + cfg.maxDriftMs - L) / (1 - r0));
      if (tl <= sw && tl < next) next = tl;
    }
    if (p.rateEndMs >= next) p.rateEndMs = Infinity;
  } else {
    // startup or stalled: the first moment the buffer reaches the goal
    const goal = cfg.rebufferGoalMs - EPS;
    if (p.bufEnd - pos >= goal) next = now;
    else if (seg >= 0) {
      for (let j = p.dlPart; j < n; j++) {
        if (seg * S + (j + 1) * P - pos >= goal) {
          const a = f[parts + j]!;
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
