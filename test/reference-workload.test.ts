// The reference workload ("live-shopping viewer session v1", ../shared/bench-ref/README.md) run through
// the kernel and the statechart fast path must give bench-ref's totals exactly. The golden values below
// were printed by bench-ref's plain.mjs (the suite must not depend on ../shared; the benchmark compares
// live). Also: the reference viewer machine behaves identically under XState's interpreter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sfc32 } from '../engine/kernel/index.ts';
import { runFast, runXState, type LockstepOp } from '../engine/kernel/statechart/testing/lockstep.ts';
import { createRefViewerMachine, newRefTotals } from '../bench/reference/viewer-machine.ts';
import { runReference } from '../bench/reference/workload.ts';

const golden = [
  { n: 100, seed: 42, totals: { joins: 100, startups: 100, stallChecks: 837, stalls: 62, stallEnds: 62, comments: 428, clicks: 167, carts: 48, purchases: 13, leaves: 100, active: 0, peakActive: 32, events: 1807 } },
  { n: 1000, seed: 7, totals: { joins: 1000, startups: 1000, stallChecks: 8493, stalls: 531, stallEnds: 528, comments: 4150, clicks: 1642, carts: 493, purchases: 171, leaves: 992, active: 8, peakActive: 309, events: 17976 } },
  { n: 5000, seed: 123, totals: { joins: 5000, startups: 5000, stallChecks: 42097, stalls: 2687, stallEnds: 2671, comments: 21083, clicks: 8472, carts: 2501, purchases: 893, leaves: 4961, active: 39, peakActive: 1405, events: 90177 } },
  { n: 20000, seed: 42, totals: { joins: 20000, startups: 20000, stallChecks: 168506, stalls: 11136, stallEnds: 11049, comments: 83996, clicks: 33703, carts: 10209, purchases: 3584, leaves: 19872, active: 128, peakActive: 5623, events: 360710 } },
];

describe('reference workload through the kernel', () => {
  it.each(golden)('N=$n seed=$seed gives bench-ref totals bit for bit', ({ n, seed, totals }) => {
    expect(runReference({ n, seed }).totals).toEqual(totals);
  });

  it('a different seed gives different totals', () => {
    expect(runReference({ n: 1000, seed: 8 }).totals).not.toEqual(golden[1]!.totals);
  });

  it('the reference viewer machine runs identically on XState actors and on the fast path', () => {
    const op: fc.Arbitrary<LockstepOp> = fc.oneof(
      fc.constant<LockstepOp>({ kind: 'send', event: { type: 'PURCHASE' } }),
      fc.integer({ min: 1, max: 400_000 }).map((ms): LockstepOp => ({ kind: 'advance', ms })),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.array(op, { maxLength: 30 }), (seed, ops) => {
        const Tx = newRefTotals(), Tf = newRefTotals();
        const x = runXState(() => createRefViewerMachine(Tx), { rng: Sfc32.reference(seed, 1) }, ops);
        const f = runFast(() => createRefViewerMachine(Tf), { rng: Sfc32.reference(seed, 1) }, ops);
        expect(f).toEqual(x);
        expect(Tf).toEqual(Tx);
      }),
      { numRuns: 150 },
    );
  });
});
