// Request/response transfers. A plain transfer (manifest, init segment, a whole segment behind the live
// edge): the request goes up, the response drains through the downlink bottleneck, the last byte then
// travels one way down. A chunked transfer (a CMAF segment at the live edge): the origin releases each
// part when it is produced, so the bottleneck idles between parts when the link is faster than the encoder.
import { DOWN, UP } from '../../network-profiles/index.ts';
import { drainTime } from './drain.ts';
import { rttAt, type Link } from './link.ts';
import { PACKET_BYTES, lossDelayAfter, packetsOf, transferLossDelay } from './loss.ts';
import { messageArrivalTime } from './message.ts';

/** When the last byte of a `bytes` response, requested at startMs, has arrived. */
export function transferFinishTime(link: Link, startMs: number, bytes: number, requestBytes = 0): number {
  const atServer = messageArrivalTime(link, startMs, requestBytes, UP);
  if (atServer === Infinity) return Infinity;
  const rtt = rttAt(link, atServer);
  const sendFrom = atServer + transferLossDelay(link, packetsOf(bytes), link.seg.loss, rtt);
  const done = drainTime(link, sendFrom, bytes, DOWN);
  if (done === Infinity) return Infinity;
  return done + rttAt(link, done) / 2;
}

/**
 * A chunked response of n parts of partBytes each; part j is produced at firstReadyMs + j·partMs.
 * Writes each part's arrival time to out[at..at+n) (never decreasing: the stream is in order) and returns the
 * last. Sets link.busyMs (time the bottleneck was sending, excluding waits for production) and
 * link.firstByteMs (request to first byte), as a low-latency player measures them.
 */
export function chunkedTransfer(
  link: Link,
  requestMs: number,
  requestBytes: number,
  firstReadyMs: number,
  partMs: number,
  partBytes: number,
  n: number,
  out: Float64Array,
  at = 0,
): number {
  chunkedRunStart(link, requestMs, requestBytes, firstReadyMs, partMs, partBytes);
  chunkedRunSegment(link, n, out, at);
  return out[at + n - 1]!;
}

/**
 * A run of chunked segments, fetched one after another, computed segment by segment so that a player can
 * stop asking for more (engine/media download.ts): chunkedRunStart sends the first request, then each
 * chunkedRunSegment streams the next segment's parts, a later segment's request leaving when the one
 * before has arrived. That request drains up and travels half a round trip; model choice (for cost): it
 * draws no queueing jitter or message loss as a lone message would (messageArrivalTime), which shortens
 * the gap between a link-limited viewer's segments by the mean jitter (8 ms 4G, 30 ms weak 4G). One
 * segment after a start is exactly chunkedTransfer. Part j of the run (counted from its first segment)
 * is produced at firstReadyMs + j·partMs; every part has partBytes (the run's parameters stay on the link,
 * so that the per-segment call passes no doubles: an un-inlined call boxes each double argument).
 */
export function chunkedRunStart(link: Link, requestMs: number, requestBytes: number, firstReadyMs: number, partMs: number, partBytes: number): void {
  const atServer = messageArrivalTime(link, requestMs, requestBytes, UP);
  link.runReadyMs = firstReadyMs;
  link.runPartMs = partMs;
  link.runPartBytes = partBytes;
  link.runReqMs = requestMs;
  link.runReqBytes = requestBytes;
  link.runFree = atServer;
  link.runRtt = atServer === Infinity ? 0 : rttAt(link, atServer);
  link.runPrev = -Infinity;
  link.runPart = 0;
}

/**
 * The run's next segment: its next m parts. Its request (after the first segment) and its loss recovery
 * (loss.ts) delay it first. Writes each part's arrival to out[at + j] (j the part's index in the run) and
 * the time the bottleneck was busy with it to link.busyMs (not returned: an un-inlined call's double result
 * is a heap allocation, one per segment).
 */
export function chunkedRunSegment(link: Link, m: number, out: Float64Array, at: number): void {
  const firstReadyMs = link.runReadyMs;
  const partMs = link.runPartMs;
  const partBytes = link.runPartBytes;
  let free = link.runFree;
  if (link.runPart > 0 && free !== Infinity) {
    // a later segment is asked for once the one before has fully arrived: its request drains up and
    // travels half a round trip while the bottleneck idles (model choice: without a lone message's
    // queueing-jitter and loss draws; an outage there takes the general path)
    const t0 = link.runPrev;
    const o = link.overlay;
    // rttAt(link, t0), inline without an overlay
    let rtt: number;
    if (o === null) {
      const x = t0 + link.phaseMs;
      if (x < link.seg.startMs || x >= link.seg.endMs) link.trace.locate(x, link.seg);
      rtt = link.seg.rttMs;
    } else rtt = +rttAt(link, t0);
    const up = (link.seg.upKbps * (o === null ? 1 : o.factorIn(link.ow))) / 8;
    const sent = up > 0 ? t0 + link.runReqBytes / up : NaN;
    if (sent === sent && sent + link.phaseMs < link.seg.endMs && (o === null || sent < o.endOf(link.ow))) {
      free = sent + rtt / 2;
      link.runRtt = rtt;
    } else {
      free = +messageArrivalTime(link, t0, link.runReqBytes, UP);
      if (free !== Infinity) link.runRtt = rttAt(link, free);
    }
  }
  if (free !== Infinity) {
    // transferLossDelay(link, packetsOf(m · partBytes), link.seg.loss, link.runRtt), its common outcome inline:
    // the Poisson draw's first uniform usually says "no loss event" (poissonFew), and nothing else is drawn
    const b = link.trace.burst;
    const bytes = m * partBytes;
    const packets = bytes > PACKET_BYTES ? Math.ceil(bytes / PACKET_BYTES) : 1;
    const loss = link.seg.loss;
    const lambda = (loss > 0 ? packets * loss : 0) + (b !== null ? packets * b.enter : 0);
    if (lambda > 0) {
      if (lambda > 30) free += +transferLossDelay(link, packets, loss, link.runRtt);
      else {
        const u = link.rng.next();
        if (!(u < 1 - lambda - 1e-12)) free += +lossDelayAfter(link, packets, loss, link.runRtt, u);
      }
    }
  }
  // Each part: when there is no overlay and it drains inside the trace piece already located (the common
  // case), its departure and arrival are two divisions; otherwise the general integration. No draws here.
  // The unary plus on the general path's drainTime (and on messageArrivalTime above) is for V8 alone (the
  // value is unchanged): an un-inlined call's result is typed "any", and merged with the fast path's doubles
  // it made `done`/`free` tagged, so every part's time was boxed on the heap (~110 of 225 MB allocated by a
  // 13,000 viewer-minute 4G/weak-4G run; with the plus ~30 MB).
  const seg = link.seg;
  const ph = link.phaseMs;
  const fast = link.overlay === null;
  let prev = link.runPrev;
  let busy = 0;
  const j0 = link.runPart;
  const j1 = j0 + m;
  for (let j = j0; j < j1; j++) {
    if (free === Infinity) {
      out[at + j] = Infinity;
      continue;
    }
    const ready = firstReadyMs + j * partMs;
    const start = ready > free ? ready : free;
    let done = NaN;
    let half = 0;
    if (fast) {
      const x = start + ph;
      // a part that starts in the next piece of trace (a family's next 1 s step): locate it and carry on
      if (x < seg.startMs || x >= seg.endMs) link.trace.locate(x, seg);
      if (seg.downKbps > 0) {
        const end = start + partBytes / (seg.downKbps / 8);
        if (end + ph <= seg.endMs) {
          done = end;
          half = seg.rttMs / 2;
        }
      }
    } else if (link.trace.capacityTo === undefined) {
      // under an overlay the same shortcut when the part drains inside one trace piece and one overlay
      // window: what drainTime and rttAt would compute there, term for term
      const o = link.overlay!;
      const w = o.windowAt(start, link.ow);
      const x = start + ph;
      if (x < seg.startMs || x >= seg.endMs) link.trace.locate(x, seg);
      const rate = (seg.downKbps * o.factorIn(w)) / 8;
      if (rate > 0) {
        const until = o.endOf(w);
        if (rate * (Math.min(seg.endMs - ph, until) - start) >= partBytes) {
          const end = start + partBytes / rate;
          if (end + ph < seg.endMs && end < until) {
            done = end;
            half = (seg.rttMs + o.rttAddIn(w)) / 2;
            link.ow = w;
          }
        }
      }
    }
    if (done !== done) {
      done = +drainTime(link, start, partBytes, DOWN);
      half = done === Infinity ? 0 : rttAt(link, done) / 2;
    }
    if (j === 0) link.firstByteMs = (start === Infinity ? Infinity : start + rttAt(link, start) / 2) - link.runReqMs;
    if (done !== Infinity) busy += done - start;
    free = done;
    const arrive = done === Infinity ? Infinity : done + half;
    prev = arrive > prev ? arrive : prev;
    out[at + j] = prev;
  }
  link.runFree = free;
  link.runPrev = prev;
  link.runPart = j1;
  link.busyMs = busy;
}
