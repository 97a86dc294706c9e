// Request/response transfers. A plain transfer (manifest, init segment, a whole segment behind the live
// edge): the request goes up, the response drains through the downlink bottleneck, the last byte then
// travels one way down. A chunked transfer (a CMAF segment at the live edge): the origin releases each
// part when it is produced, so the bottleneck idles between parts when the link is faster than the encoder.
import { DOWN, UP } from '../../network-profiles/index.ts';
import { drainTime } from './drain.ts';
import { rttAt, type Link } from './link.ts';
import { packetsOf, transferLossDelay } from './loss.ts';
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
 * link.firstByteMs (request to first byte), as a low-latency player measures them. With busyAt ≥ 0 the
 * response is a run of segments of partsPerSeg parts each, and the busy time of each segment is written to
 * out[busyAt + s] (a throughput sample per segment, as a player fetching them one by one would take).
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
  partsPerSeg = n,
  busyAt = -1,
): number {
  const atServer = messageArrivalTime(link, requestMs, requestBytes, UP);
  let busy = 0;
  let free = atServer;
  // loss recovery delays the response by the retransmissions it needs (loss.ts); a run of segments draws
  // them segment by segment, each before its own first part, as one fetch per segment would
  const runOf = busyAt >= 0 ? partsPerSeg : n;
  let rtt = 0;
  if (atServer !== Infinity) {
    rtt = rttAt(link, atServer);
    free = atServer + transferLossDelay(link, packetsOf(runOf * partBytes), link.seg.loss, rtt);
  }
  // Each part: when there is no overlay and it drains inside the trace piece already located (the common
  // case), its departure and arrival are two divisions; otherwise the general integration. No draws here.
  const seg = link.seg;
  const ph = link.phaseMs;
  const fast = link.overlay === null;
  let prev = -Infinity;
  let segBusy = 0;
  let partInSeg = 0;
  let s = 0;
  for (let j = 0; j < n; j++) {
    // a later segment of a run starts with its own loss recovery; its last part closes its busy time
    if (busyAt >= 0 && partInSeg === 0 && j > 0 && free !== Infinity) free += transferLossDelay(link, packetsOf(runOf * partBytes), seg.loss, rtt);
    const segEnd = busyAt >= 0 && ++partInSeg === partsPerSeg;
    if (segEnd) partInSeg = 0;
    if (free === Infinity) {
      out[at + j] = Infinity;
      if (segEnd) {
        out[busyAt + s++] = segBusy;
        segBusy = 0;
      }
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
    }
    if (done !== done) {
      done = drainTime(link, start, partBytes, DOWN);
      half = done === Infinity ? 0 : rttAt(link, done) / 2;
    }
    if (j === 0) link.firstByteMs = (start === Infinity ? Infinity : start + rttAt(link, start) / 2) - requestMs;
    if (done !== Infinity) {
      busy += done - start;
      segBusy += done - start;
    }
    if (segEnd) {
      out[busyAt + s++] = segBusy;
      segBusy = 0;
    }
    free = done;
    const arrive = done === Infinity ? Infinity : done + half;
    prev = arrive > prev ? arrive : prev;
    out[at + j] = prev;
  }
  link.busyMs = busy;
  return out[at + n - 1]!;
}
