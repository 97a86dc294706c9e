import { createActor, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from './virtual-clock.ts';

// a → (after 100) b → (after 0) c → (after 50) d: every step is scheduled by the previous one firing
const cascade = setup({}).createMachine({
  initial: 'a',
  states: {
    a: { after: { 100: 'b' } },
    b: { after: { 0: 'c' } },
    c: { after: { 50: 'd' } },
    d: { type: 'final' },
  },
});

describe('VirtualClock as an XState clock', () => {
  it('fires cascading after-transitions within one advance, in order, at their virtual times', () => {
    const clock = new VirtualClock();
    const seen: [string, number][] = [];
    const actor = createActor(cascade, { clock });
    actor.subscribe((s) => seen.push([String(s.value), clock.now()]));
    actor.start();
    clock.advanceTo(1000);
    expect(seen).toEqual([['a', 0], ['b', 100], ['c', 100], ['d', 150]]);
    expect(actor.getSnapshot().status).toBe('done');
    expect(clock.now()).toBe(1000);
  });

  it('stops before a timer that is due later than the target time', () => {
    const clock = new VirtualClock();
    const actor = createActor(cascade, { clock }).start();
    clock.advanceTo(120);
    expect(actor.getSnapshot().value).toBe('c');
    clock.advanceTo(150); // inclusive bound, as a wall clock would have fired it
    expect(actor.getSnapshot().value).toBe('d');
  });

  it('orders equal-time timers by scheduling order and honours clearTimeout', () => {
    const clock = new VirtualClock();
    const order: string[] = [];
    clock.setTimeout(() => order.push('first'), 10);
    const h = clock.setTimeout(() => order.push('cancelled'), 10);
    clock.setTimeout(() => order.push('second'), 10);
    clock.clearTimeout(h);
    clock.advanceTo(10);
    expect(order).toEqual(['first', 'second']);
  });

  it('refuses to go back in time', () => {
    const clock = new VirtualClock(500);
    expect(() => clock.advanceTo(100)).toThrow(/before now/);
  });
});
