import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';

type Op = { kind: 'push'; t: number } | { kind: 'pop' } | { kind: 'cancel'; pick: number };

// times from a small set so that ties are frequent: ties must pop in insertion (FIFO) order
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map((t) => ({ kind: 'push' as const, t })),
  fc.constant({ kind: 'pop' as const }),
  fc.nat().map((pick) => ({ kind: 'cancel' as const, pick })),
);

describe('EventQueue', () => {
  it('pops in (time, seq) order and cancels exactly what it is asked to, against a sorted-list model', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
        const q = new EventQueue<number>(4); // tiny capacity: growth is exercised
        let model: { t: number; id: number; h: number }[] = [];
        let id = 0;
        for (const op of ops) {
          if (op.kind === 'push') {
            const h = q.push(op.t, 1, id, 0, id);
            model.push({ t: op.t, id, h });
            id++;
          } else if (op.kind === 'pop') {
            model.sort((a, b) => a.t - b.t || a.id - b.id);
            const want = model.shift();
            expect(q.pop()).toBe(want !== undefined);
            if (want) {
              expect([q.t, q.target, q.payload]).toEqual([want.t, want.id, want.id]);
              expect(q.isPending(want.h)).toBe(false);
            }
          } else if (model.length > 0) {
            const victim = model[op.pick % model.length]!;
            expect(q.cancel(victim.h)).toBe(true);
            expect(q.cancel(victim.h)).toBe(false); // twice is a no-op
            model = model.filter((m) => m !== victim);
          }
          expect(q.size).toBe(model.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a handle of a fired event cannot cancel the event that reused its slot', () => {
    const q = new EventQueue(2);
    const h1 = q.push(1, 0);
    q.pop();
    const h2 = q.push(2, 0); // same slot, next generation
    expect(q.cancel(h1)).toBe(false);
    expect(q.isPending(h2)).toBe(true);
  });

  it('rejects NaN times instead of corrupting the heap', () => {
    expect(() => new EventQueue().push(Number.NaN, 0)).toThrow(/time must be a number/);
  });

  it('holds a million pending events', () => {
    const q = new EventQueue(16);
    for (let i = 0; i < 1_000_000; i++) q.push((i * 7919) % 1_000_003, 0, i);
    let last = -1;
    let outOfOrder = 0;
    for (let i = 0; i < 1_000_000; i++) {
      q.pop();
      if (q.t < last) outOfOrder++;
      last = q.t;
    }
    expect(outOfOrder).toBe(0);
    expect(q.size).toBe(0);
  });
});
