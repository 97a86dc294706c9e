// The fast path and XState's own interpreter, driven by the same random event sequences, must reach
// the same states, contexts (which log every action in order), statuses and emitted events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RICH_EVENTS, createRichMachine } from './testing/rich-machine.ts';
import { runFast, runXState, type LockstepOp } from './testing/lockstep.ts';

const op: fc.Arbitrary<LockstepOp> = fc.oneof(
  fc.record({ kind: fc.constant('send' as const), event: fc.constantFrom(...RICH_EVENTS).chain((type) => fc.integer({ min: 0, max: 100 }).map((x) => ({ type, x }))) }),
  // multiples of 25 ms land exactly on the numeric delays (100, 400, byCount), so ties are exercised
  fc.record({ kind: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 0, max: 8 }).map((k) => k * 25), fc.integer({ min: 1, max: 700 })) }),
);

describe('fast path ≡ XState interpreter', () => {
  it('agrees on the rich fixture machine for random event sequences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(op, { maxLength: 40 }), (seed, ops) => {
        const sinkX: number[] = [], sinkF: number[] = [];
        const x = runXState(() => createRichMachine(sinkX), { seed }, ops);
        const f = runFast(() => createRichMachine(sinkF), { seed }, ops);
        expect(f).toEqual(x);
        expect(sinkF).toEqual(sinkX);
      }),
      { numRuns: 300 },
    );
  });

  it('visits the interesting parts of the fixture (the property is not vacuous)', () => {
    const ops: LockstepOp[] = [
      { kind: 'advance', ms: 100 }, // idle → busy (after short)
      { kind: 'send', event: { type: 'TICK' } }, // both regions take TICK
      { kind: 'send', event: { type: 'GO', x: 10 } }, // enqueueActions in busy
      { kind: 'advance', ms: 500 }, // back to idle after 400
      { kind: 'send', event: { type: 'STAY' } },
      { kind: 'advance', ms: 200 },
      { kind: 'send', event: { type: 'STOP' } },
    ];
    const f = runFast(() => createRichMachine([]), { seed: 7 }, ops);
    const log = (f.at(-1)!.context as { log: string[] }).log;
    expect(log[0]).toBe('root-in:xstate.init');
    expect(log).toContain('multi:GO');
    expect(log).toContain('busy-out:xstate.after.400.rich.busy');
    expect(f.some((r) => r.emitted.length > 0)).toBe(true);
    expect(f.at(-1)!.status).toBe('done');
  });
});
