import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TraceDigest } from './digest.ts';
import { IdAllocator } from './ids.ts';

const eventArb = fc.tuple(fc.double({ noNaN: true, min: 0, max: 1e9 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1e6 }));

describe('TraceDigest', () => {
  it('the same events give the same digest; any swap of two different events changes it', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 2, maxLength: 50 }), fc.nat(), fc.nat(), (events, i, j) => {
        const a = new TraceDigest(), b = new TraceDigest();
        for (const [t, k, ag] of events) a.event(t, k, ag);
        for (const [t, k, ag] of events) b.event(t, k, ag);
        expect(a.hex()).toBe(b.hex());
        const x = i % events.length, y = j % events.length;
        fc.pre(JSON.stringify(events[x]) !== JSON.stringify(events[y]));
        const swapped = events.slice();
        [swapped[x], swapped[y]] = [swapped[y]!, swapped[x]!];
        const c = new TraceDigest();
        for (const [t, k, ag] of swapped) c.event(t, k, ag);
        expect(c.hex()).not.toBe(a.hex());
      }),
    );
  });

  it('distinguishes values that differ in the last bit and is 32 hex chars', () => {
    const a = new TraceDigest().num(0.1).hex();
    const b = new TraceDigest().num(0.1 + Number.EPSILON / 8).hex();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });
});

describe('IdAllocator', () => {
  it('counts per namespace and per run', () => {
    const a = new IdAllocator(), b = new IdAllocator();
    expect([a.next('order'), a.next('order'), a.next('sku')]).toEqual([0, 1, 0]);
    expect(b.next('order')).toBe(0); // a second run starts over
    expect(a.nextLabel('order', 'ord')).toBe('ord-000002');
  });
});
