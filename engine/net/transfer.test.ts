import { describe, expect, it } from 'vitest';
import { RngStreams } from '../kernel/index.ts';
import { FAST_4G, MMSYS20_CASCADE, StepTrace, compileOverlay, type ScriptedEvent } from '../../network-profiles/index.ts';
import { Link } from './link.ts';
import { chunkedTransfer, transferFinishTime } from './transfer.ts';

const rng = () => new RngStreams(3).stream(0, 'net');
const link = (trace: Link['trace'] = FAST_4G.trace, events: ScriptedEvent[] = []) => new Link(trace, rng(), { overlay: compileOverlay(events) });

describe('transferFinishTime', () => {
  it.each([
    { bytes: 10_125, req: 0, want: 175, reason: 'fast-4g: 165 ms round trip + 10 ms at 1012.5 B/ms' },
    { bytes: 10_125, req: 1687.5, want: 185, reason: 'plus a 1687.5 B request at 168.75 B/ms up: 10 ms' },
    { bytes: 0, req: 0, want: 165, reason: 'an empty response still costs the round trip' },
  ])('$bytes B (request $req B) finishes at $want ms ($reason)', ({ bytes, req, want }) => {
    expect(transferFinishTime(link(), 0, bytes, req)).toBeCloseTo(want, 9);
  });

  it('waits out a tunnel on the request path', () => {
    // request sent at 10 ms inside a tunnel [0, 1000): leaves at 1000, + 82.5 one way, + 10 ms, + 82.5
    expect(transferFinishTime(link(FAST_4G.trace, [{ kind: 'tunnel', atMs: 0, durationMs: 1000 }]), 10, 10_125)).toBeCloseTo(1175, 9);
  });
});

describe('chunkedTransfer (a CMAF segment at the live edge)', () => {
  const out = new Float64Array(5);

  it('is production-bound when the link is faster than the encoder: each part waits to be made', () => {
    const l = link(MMSYS20_CASCADE.trace); // 153.6 B/ms, round trip 0
    const partBytes = 15_000; // 600 kbit/s × 0.2 s
    const last = chunkedTransfer(l, 0, 0, 200, 200, partBytes, 5, out);
    const drain = partBytes / 153.6;
    expect([...out]).toEqual([1, 2, 3, 4, 5].map((j) => j * 200 + drain));
    expect(last).toBe(1000 + drain);
    expect(l.busyMs).toBeCloseTo(5 * drain, 9); // the idle waits are not counted: throughput = link rate
    expect(l.firstByteMs).toBe(200);
  });

  it('is link-bound when the encoder is faster than the link: parts queue back to back', () => {
    const l = link(MMSYS20_CASCADE.trace);
    const partBytes = 40_000; // 1600 kbit/s × 0.2 s at 153.6 B/ms = 260.4 ms per part
    chunkedTransfer(l, 0, 0, 200, 200, partBytes, 5, out);
    const d = partBytes / 153.6;
    [...out].forEach((a, j) => expect(a).toBeCloseTo(200 + (j + 1) * d, 9));
    expect(l.busyMs).toBeCloseTo(5 * d, 9);
  });

  it('delivers in order even when the round trip drops mid-transfer', () => {
    // a 400 ms round-trip spike ends at 300 ms: parts that leave after it would overtake the first
    const flat = StepTrace.fromSteps([{ durationMs: 1000, downKbps: 8000, upKbps: 8000, rttMs: 0, loss: 0 }], { wrap: true });
    const l = link(flat, [{ kind: 'handover', atMs: 0, interruptionMs: 0, rttSpikeMs: 400, spikeDurationMs: 300 }]);
    // request reaches the origin at 200 (one way of the spiked round trip); 60 000 B parts take 60 ms each,
    // leaving at 260, 320, 380, 440, 500; only the first leaves inside the spike (+200 ms one way)
    chunkedTransfer(l, 0, 0, 0, 100, 60_000, 5, out);
    expect([...out]).toEqual([460, 460, 460, 460, 500]);
  });
});
