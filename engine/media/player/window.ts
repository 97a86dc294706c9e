// Fast-forwarded windows: a comfortable viewer (playing at rate 1 with catch-up idle, out of BUFFER_EMPTY,
// the picture and the buffer all on the rung the rule keeps choosing) fetches up to windowSegments
// segments (default 32) as one player event. It is the run of download.ts made long: each segment is
// still asked for when the one before has landed, its parts still stream through the link integration
// (engine/net chunkedRunSegment, loss-recovery draw included), and as each lands the throughput sample,
// the rule's bookkeeping and its choice for the next segment are replayed (replay.ts landed); the window
// is cut where that choice is another rung or no request, exactly where a run is cut. What a window adds
// is that nothing is kept per part: only each segment's landing time (one slot), which is enough because
// the window is also cut before any segment with a part late enough to bring the buffer down to the stall
// threshold (or LoL+'s playbackBufferMin) before it arrives. So inside a window the per-segment player
// has nothing to do between landings (no stall, no BUFFER_EMPTY, no catch-up re-decision since the latency
// to live is constant at rate 1, no rendition change on screen, no latency alarm), and it emits no event.
//
// Model choices (for cost, issue 3): (1) a window's segments share one size draw, as a run's did; (2) only
// the window's first request draws a lone message's queueing jitter and loss (as a run's first did; the
// per-segment player drew them for every request): with windows of 32 instead of runs of 8, a steady
// viewer's requests draw them ~4× less often; (3) the QoE accumulators (playing time, bitrate, latency
// integral and histogram) are brought up to date at the window's end in closed form (rate 1, constant
// latency): the same values, later (an observer reading them mid-window, such as the show's per-minute
// latency sampler, sees them up to one window late). A segment found late is not thrown away (that would
// redraw its loss recovery, and favour the viewer whenever a loss had made it late): the window ends at the
// landing before it and hands it on, already requested as a run's next segment, as the transfer in flight
// (its parts in the part slots; complete() installs it).
//
// Measured (population runs of 1000 viewers × 10 min, seed 42, the media bench's qoe_by_family; before =
// runs of up to 8, after = windows of up to 32; startup p50/p95 ms, rebuffer ratio, stalled share, stalls
// per viewer, mean kbit/s, latency mean/p95 ms, switches per viewer, NQoE, player events per viewer-minute):
//   4G      332/671, 0, 0.027, 0.03, 2815, 4001/4006, 4.3, 0.938, 8.9  →  same but 2820, 0.939, 3.5 events
//   Wi-Fi   151/319, 0, 0.004, 0, 2753, 4002/4008, 1.7, 0.917, 8.7     →  same but 2750, 0.916, 3.3 events
//   3G      1281/2491, 0.0117, 0.888, 17.8, 712, 4188/4728, 43.8, 0.225, 22.3
//        →  1281/2491, 0.0117, 0.881, 17.7, 712, 4189/4656, 43.7, 0.225, 19.3
//   weak 4G 866/2013, 0.0677, 0.981, 83.8, 1978, 5181/9175, 53.6, 0.584, 47.4
//        →  866/2013, 0.0672, 0.975, 83.3, 1976, 5170/9168, 53.7, 0.584, 45.4
// (Before late segments were handed on, weak 4G's rebuffer ratio came out 0.0654: the redrawn loss
// recovery of thrown-away segments flattered it.) Cost, media alone, both versions in one process, best of
// 5 rounds (500–600 viewers × 10 min per family, load 1.7–5): 4G 0.62–0.68×, Wi-Fi 0.63–0.69×, 3G
// 0.79–0.89×, weak 4G 0.86–0.91×; the bench mix (60/25/15 %) 0.74–0.79× (e.g. 24.1 → 18.7 µs per
// viewer-minute at load 5). What is left per 4G viewer-minute: ~60 segments of part integration and
// replay (~100 ns each), ~2 window events, startup and per-viewer set-up; weak 4G's and 3G's cost is per
// event: a catching-up viewer (rate ≠ 1) still requests and steps once per segment (~18 of weak 4G's ~45
// events per minute), and stall starts and ends are ~15 more.
import { chunkedRunSegment } from '../../net/index.ts';
import type { ResolvedPlayerConfig } from '../config.ts';
import { EPS } from './next.ts';
import { keepReplayed, landed, restoreLive, saveLive, useReplayed } from './replay.ts';
import { PHASE, partsBase, rungOf, segBusyBase, windowBusyAt, type Player } from './state.ts';

/** The level the buffer must stay above for the window to hold (dash.js BUFFER_EMPTY, LoL+ catch-up's floor). */
export function levelFloor(cfg: ResolvedPlayerConfig): number {
  const lolp = cfg.catchupMode === 'lolp' && cfg.playbackBufferMinMs > cfg.stallThresholdMs;
  return (lolp ? cfg.playbackBufferMinMs : cfg.stallThresholdMs) + EPS;
}

/**
 * Whether a run about to be requested for segment k at rung q may be a window: the picture shows q and
 * every segment buffered ahead of it is q (else a rendition change on screen falls inside the window).
 */
export function windowFits(p: Player, q: number, k: number): boolean {
  if (p.phase !== PHASE.playing || p.lowBuf !== 0 || p.renderQ !== q) return false;
  const S = p.cfg.segmentMs;
  for (let i = Math.floor((p.pos + EPS) / S) + 1; i < k; i++) if (rungOf(p, i) !== q) return false;
  return true;
}

/**
 * Does any part of the segment whose media starts at m0 (parts at f[at..at+pps)) arrive when the buffer
 * has fallen to `floor`? Before part j arrives the buffer ends at m0 + j·P and the playhead is at
 * arrival + lag (rate 1).
 */
export function late(f: Float64Array, at: number, pps: number, m0: number, P: number, lag: number, floor: number): boolean {
  for (let j = 0; j < pps; j++) if (m0 + j * P - (f[at + j]! + lag) <= floor) return true;
  return false;
}

/**
 * Extends the request just made (segment p.dlSeg at rung q; its first segment's parts already at the
 * part slots, its busy time at the first busy slot) into a window of up to `cap` segments. Returns the
 * window's segment count, or 0 if its first segment is already late (then it stays an ordinary request).
 * Leaves the replayed state of all segments but the last in the run* fields, as a run does, and the last
 * segment's busy time in dlBusyMs.
 */
export function windowRun(p: Player, t: number, q: number, cap: number): number {
  const cfg = p.cfg;
  const f = p.f;
  const pps = cfg.partsPerSegment;
  const P = cfg.partMs;
  const S = cfg.segmentMs;
  const at = partsBase(p);
  const land = at + pps;
  const k = p.dlSeg;
  const lag = p.dlLag;
  const floor = levelFloor(cfg);
  if (late(f, at, pps, k * S, P, lag, floor)) return 0;
  const link = p.link;
  p.succ = 0;
  f[land] = f[at + pps - 1]!;
  // the busy time of the newest segment, in dlBusyMs (the busy slots are landing slots in a window)
  const busyAt = windowBusyAt(p);
  f[busyAt] = f[segBusyBase(p)]!;
  saveLive(p);
  let n = 1;
  while (n < cap) {
    // the live state is that after segments 0 … n − 2 landed; keep it in case segment n − 1 ends the window
    keepReplayed(p);
    if (landed(p, n - 1, land + n - 1, busyAt) !== q) {
      useReplayed(p);
      break;
    }
    // the next segment's parts overwrite the previous one's: only its landing time is kept
    chunkedRunSegment(link, pps, f, at - link.runPart);
    if (late(f, at, pps, (k + n) * S, P, lag, floor)) {
      useReplayed(p);
      p.succ = 1;
      p.succBusyMs = link.busyMs;
      break;
    }
    f[land + n] = f[at + pps - 1]!;
    f[busyAt] = link.busyMs;
    n++;
  }
  keepReplayed(p);
  restoreLive(p);
  p.nextSeg = k;
  p.dlReqMs = t;
  p.abrDelayMs = 0;
  p.win = 1;
  return n;
}
