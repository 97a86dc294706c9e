import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOWN, TraceSegment, UP } from '../types.ts';
import { StepTrace } from './step-trace.ts';

const step = (durationMs: number, downKbps: number, upKbps = downKbps, rttMs = 0, loss = 0) => ({ durationMs, downKbps, upKbps, rttMs, loss });
// 8000 kbit/s = 1000 B/ms for 10 ms, then an outage of 5 ms, then 800 kbit/s = 100 B/ms for 5 ms
const trace = StepTrace.fromSteps([step(10, 8000, 800, 50), step(5, 0, 0, 50), step(5, 800, 80, 20, 0.01)], { wrap: true });

describe('StepTrace.locate', () => {
  it.each([
    { t: 0, start: 0, end: 10, down: 8000, reason: 'first step starts at 0' },
    { t: 9.999, start: 0, end: 10, down: 8000, reason: 'still first step just before its end' },
    { t: 10, start: 10, end: 15, down: 0, reason: 'a step starts exactly at its start time' },
    { t: 19, start: 15, end: 20, down: 800, reason: 'last step runs to the period' },
    { t: 20, start: 20, end: 30, down: 8000, reason: 'wraps: period 2 starts with step 0' },
    { t: 57, start: 55, end: 60, down: 800, reason: 'third period, last step' },
  ])('t=$t is in [$start, $end) at $down kbit/s ($reason)', ({ t, start, end, down }) => {
    const seg = new TraceSegment();
    trace.locate(t, seg);
    expect([seg.startMs, seg.endMs, seg.downKbps]).toEqual([start, end, down]);
  });

  it('holds the last step for ever when it does not wrap', () => {
    const held = StepTrace.fromSteps([step(10, 100), step(10, 200)], { wrap: false });
    const seg = new TraceSegment();
    held.locate(1e6, seg);
    expect([seg.startMs, seg.endMs, seg.downKbps]).toEqual([10, Infinity, 200]);
  });
});

describe('StepTrace capacity (prefix sums)', () => {
  it.each([
    { t: 5, bytes: 5000, reason: '5 ms at 1000 B/ms' },
    { t: 12, bytes: 10_000, reason: 'the outage adds nothing' },
    { t: 20, bytes: 10_500, reason: 'one period: 10 000 + 0 + 500' },
    { t: 25, bytes: 15_500, reason: 'one period plus 5 ms of step 0' },
  ])('capacityTo($t) = $bytes B ($reason)', ({ t, bytes }) => {
    expect(trace.capacityTo(t, DOWN)).toBeCloseTo(bytes, 9);
  });

  it.each([
    { bytes: 10_000, t: 10, reason: 'the end of the busy step, not the end of the outage after it' },
    { bytes: 10_050, t: 15.5, reason: 'after the outage at 100 B/ms' },
    { bytes: 10_500, t: 20, reason: 'exactly one period' },
    { bytes: 21_000, t: 40, reason: 'exactly two periods' },
    { bytes: 20_500, t: 30, reason: 'two periods minus the last step: end of step 0 of period 2 (the outage follows)' },
  ])('timeAtCapacity($bytes) = $t ms ($reason)', ({ bytes, t }) => {
    expect(trace.timeAtCapacity(bytes, DOWN)).toBeCloseTo(t, 9);
  });

  it('uses the uplink column for UP', () => {
    expect(trace.capacityTo(20, UP)).toBeCloseTo(10 * 100 + 5 * 10, 9);
  });

  it('never delivers on an all-zero wrapping trace', () => {
    expect(StepTrace.fromSteps([step(10, 0)], { wrap: true }).timeAtCapacity(1, DOWN)).toBe(Infinity);
  });

  it('timeAtCapacity is the earliest time its capacity is reached (property)', () => {
    const steps = fc.array(fc.record({ durationMs: fc.integer({ min: 1, max: 500 }), downKbps: fc.constantFrom(0, 0, 100, 2500, 8000) }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(steps, fc.double({ min: 0, max: 5000, noNaN: true }), fc.boolean(), (ss, t, wrap) => {
        fc.pre(ss.some((s) => s.downKbps > 0));
        const tr = StepTrace.fromSteps(ss.map((s) => step(s.durationMs, s.downKbps)), { wrap });
        const c = tr.capacityTo(t, DOWN);
        fc.pre(c > 0);
        const back = tr.timeAtCapacity(c, DOWN);
        // reaching c never needs longer than t, and no earlier time reaches it
        expect(back).toBeLessThanOrEqual(t + 1e-7);
        expect(tr.capacityTo(back, DOWN)).toBeCloseTo(c, 5);
        expect(tr.capacityTo(back - 1e-3, DOWN)).toBeLessThan(c);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects invalid steps and periods', () => {
    expect(() => StepTrace.fromSteps([step(0, 100)], { wrap: true })).toThrow(/step 0 is invalid/);
    expect(() => StepTrace.fromSteps([step(10, 100, 100, 0, 2)], { wrap: true })).toThrow(/invalid/);
    expect(() => StepTrace.fromSteps([], { wrap: true })).toThrow(/at least one step/);
  });
});
