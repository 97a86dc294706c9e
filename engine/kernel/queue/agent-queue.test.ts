import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgentQueue } from './agent-queue.ts';

type Op = { kind: 'arm'; agent: number; slot: number; t: number } | { kind: 'disarm'; agent: number; slot: number } | { kind: 'disarmAll'; agent: number } | { kind: 'pop' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('arm' as const), agent: fc.integer({ min: 0, max: 9 }), slot: fc.integer({ min: 0, max: 2 }), t: fc.integer({ min: 0, max: 15 }) }),
  fc.record({ kind: fc.constant('disarm' as const), agent: fc.integer({ min: 0, max: 9 }), slot: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('disarmAll' as const), agent: fc.integer({ min: 0, max: 9 }) }),
  fc.constant({ kind: 'pop' as const }),
);

describe('AgentQueue', () => {
  it('fires armed slots in (time, seq) order across agents, like a flat queue with cancellation', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
        const q = new AgentQueue(3, 2); // agent capacity 2: growth is exercised
        const armed = new Map<string, { t: number; seq: number; agent: number; slot: number }>();
        let seq = 0;
        for (const op of ops) {
          if (op.kind === 'arm') {
            q.arm(op.agent, op.slot, op.t);
            armed.set(`${op.agent}/${op.slot}`, { t: op.t, seq: seq++, agent: op.agent, slot: op.slot });
          } else if (op.kind === 'disarm') {
            q.disarm(op.agent, op.slot);
            armed.delete(`${op.agent}/${op.slot}`);
          } else if (op.kind === 'disarmAll') {
            q.disarmAll(op.agent);
            for (let s = 0; s < 3; s++) armed.delete(`${op.agent}/${s}`);
          } else {
            const want = [...armed.values()].sort((a, b) => a.t - b.t || a.seq - b.seq)[0];
            expect(q.pop()).toBe(want !== undefined);
            if (want) {
              expect([q.t, q.agent, q.slot]).toEqual([want.t, want.agent, want.slot]);
              armed.delete(`${want.agent}/${want.slot}`);
            }
          }
          const agents = new Set([...armed.values()].map((a) => a.agent));
          expect(q.size).toBe(agents.size); // each agent in the heap once
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a non-positive slot count', () => {
    expect(() => new AgentQueue(0)).toThrow(/slotsPerAgent must be a positive integer, got 0/);
  });
});
