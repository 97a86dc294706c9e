import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../kernel/index.ts';
import { createTimeline, eventsIn, nextEventAt, scriptShow, segmentAt, type ScriptedEvent } from './index.ts';
import { hostUpForCue } from '../../protocol.ts';

const D = 60_000;
const eventArb: fc.Arbitrary<ScriptedEvent> = fc.oneof(
  fc.record({ at: fc.integer({ min: 0, max: D - 1 }), kind: fc.constant('pitch' as const), sku: fc.constantFrom('a', 'b') }),
  fc.record({ at: fc.integer({ min: 0, max: D - 1 }), kind: fc.constant('qa' as const), durationMs: fc.integer({ min: 1, max: 9000 }) }),
  fc.record({
    at: fc.integer({ min: 0, max: D - 1 }),
    kind: fc.constant('flashsale' as const),
    sku: fc.constant('a'),
    price: fc.constant(9.9),
    stock: fc.integer({ min: 1, max: 50 }),
    durationMs: fc.constant(1000),
  }),
);
/** disjoint segments from sorted cut points */
const segmentsArb = fc.uniqueArray(fc.integer({ min: 0, max: D }), { maxLength: 12, size: 'max' }).map((cuts) => {
  const c = [...cuts].sort((x, y) => x - y);
  const segs = [];
  for (let i = 0; i + 1 < c.length; i += 2) segs.push({ sku: `s${i}`, category: 'beauty', startMs: c[i]!, endMs: c[i + 1]! });
  return segs;
});

describe('show timeline', () => {
  it('fires every event exactly once, in order, across any partition of the show into intervals', () => {
    fc.assert(
      fc.property(segmentsArb, fc.array(eventArb, { maxLength: 40, size: 'max' }), fc.uniqueArray(fc.integer({ min: 1, max: D - 1 }), { maxLength: 30, size: 'max' }), (segments, events, cuts) => {
        // Arrange
        const tl = createTimeline({ durationMs: D, segments, events });
        const bounds = [0, ...[...cuts].sort((x, y) => x - y), D];
        // Act
        const fired = [];
        for (let i = 0; i + 1 < bounds.length; i++) fired.push(...eventsIn(tl, bounds[i]!, bounds[i + 1]!));
        // Assert
        expect(fired).toEqual(tl.events);
        expect(fired).toHaveLength(segments.length + events.length);
        for (let i = 1; i < fired.length; i++) expect(fired[i]!.at).toBeGreaterThanOrEqual(fired[i - 1]!.at);
      }),
    );
  });

  it('finds the segment on stage at any time, like a linear scan', () => {
    fc.assert(
      fc.property(segmentsArb, fc.array(fc.double({ min: -10, max: D + 10, noNaN: true }), { maxLength: 30 }), (segments, times) => {
        const tl = createTimeline({ durationMs: D, segments });
        for (const t of times) expect(segmentAt(tl, t)).toEqual(tl.segments.find((s) => s.startMs <= t && t < s.endMs));
      }),
    );
  });

  it('puts a segment start before scripted events at the same instant, and says when the next event is', () => {
    const tl = createTimeline({
      durationMs: 10_000,
      segments: [{ sku: 'a', category: 'food', startMs: 5_000, endMs: 8_000 }],
      events: [{ at: 5_000, kind: 'pitch', sku: 'a' }],
    });
    expect(tl.events.map((e) => e.kind)).toEqual(['segment', 'pitch']);
    expect([nextEventAt(tl, 0), nextEventAt(tl, 5_001)]).toEqual([5_000, undefined]);
    expect(tl.events.map(hostUpForCue)).toEqual([
      { type: 'host.segment', sku: 'a' },
      { type: 'host.pitch', sku: 'a' },
    ]);
  });

  it('lists every problem of a bad spec at once, naming path, value and expectation', () => {
    let err: unknown;
    try {
      createTimeline({
        durationMs: 1_000,
        segments: [
          { sku: 'a', category: 'x', startMs: 0, endMs: 600 },
          { sku: 'b', category: 'x', startMs: 500, endMs: 900 },
          { sku: '', category: 'x', startMs: 900, endMs: 2_000 },
        ],
        events: [{ at: 1_000, kind: 'flashsale', sku: 'a', price: 0, stock: 1.5, durationMs: 10 }],
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const paths = (err as InputError).problems.map((p) => p.path);
    expect(paths).toEqual([
      'timeline.segments.2.sku',
      'timeline.segments.2',
      'timeline.segments.1',
      'timeline.events.0.at',
      'timeline.events.0.price',
      'timeline.events.0.stock',
    ]);
    expect((err as InputError).message).toContain('timeline.events.0.at: expected a time in [0, 1000) ms, got 1000');
  });

  it('scripts a default show: segments tile the show, a pitch opens each segment, flash sales are cheaper', () => {
    const products = [
      { sku: 'a', category: 'beauty', price: 100 },
      { sku: 'b', category: 'food', price: 50 },
    ];
    const tl = scriptShow(products, { durationMs: 7_200_000 });
    expect(tl.segments).toHaveLength(12);
    expect(tl.segments.at(-1)!.endMs).toBe(7_200_000);
    for (const s of tl.segments) expect(eventsIn(tl, s.startMs, s.startMs + 1).map((e) => e.kind)).toEqual(['segment', 'pitch']);
    const flash = tl.events.filter((e) => e.kind === 'flashsale');
    expect(flash).toHaveLength(4);
    for (const f of flash) expect(f.kind === 'flashsale' && f.price).toBe(f.kind === 'flashsale' && f.sku === 'a' ? 80 : 40);
  });
});
