import { describe, expect, it } from 'vitest';
import { RngStreams } from '../kernel/index.ts';
import { DOWN, FAST_4G, StepTrace, compileOverlay } from '../../network-profiles/index.ts';
import { Link } from './link.ts';
import { RTO_MIN_MS } from './loss.ts';
import { messageArrivalTime } from './message.ts';

const flat = (jitterMs: number, loss: number) =>
  new StepTrace({ startsMs: new Float64Array([0]), downKbps: new Float64Array([8000]), upKbps: new Float64Array([8000]), rttMs: new Float64Array([100]), loss: new Float64Array([loss]), periodMs: 1000 }, { wrap: true, jitterMs });

describe('messageArrivalTime', () => {
  it('a message sent inside a tunnel leaves when it ends, then travels one way', () => {
    const l = new Link(FAST_4G.trace, new RngStreams(1).stream(0, 'net'), { overlay: compileOverlay([{ kind: 'tunnel', atMs: 1000, durationMs: 5000 }]) });
    expect(messageArrivalTime(l, 2000, 168.75)).toBeCloseTo(6000 + 1 + 82.5, 9); // 168.75 B at 168.75 B/ms up
    expect(messageArrivalTime(l, 2000, 1012.5, DOWN)).toBeCloseTo(6000 + 1 + 82.5, 9);
  });

  it('adds exponential queueing jitter: never negative, mean as configured', () => {
    const l = new Link(flat(20, 0), new RngStreams(2).stream(0, 'net'));
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const extra = messageArrivalTime(l, i * 10, 0) - (i * 10 + 50);
      expect(extra).toBeGreaterThanOrEqual(0);
      sum += extra;
    }
    expect(sum / n).toBeGreaterThan(19);
    expect(sum / n).toBeLessThan(21);
  });

  it('retries a lost message after the retransmission timeout, doubling (10 % loss)', () => {
    const l = new Link(flat(0, 0.1), new RngStreams(3).stream(0, 'net'));
    const n = 20_000;
    const delays = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const d = Math.round(messageArrivalTime(l, 0, 100) - 50);
      delays.set(d, (delays.get(d) ?? 0) + 1);
    }
    // RTO = max(200, 100 + 4·0) = 200: one loss → +200, two → +600 (200 + 400)
    expect(RTO_MIN_MS).toBe(200);
    expect(delays.get(0)! / n).toBeCloseTo(0.9, 1);
    expect(delays.get(200)! / n).toBeCloseTo(0.09, 1);
    expect(delays.get(600)! / n).toBeCloseTo(0.009, 2);
  });
});
