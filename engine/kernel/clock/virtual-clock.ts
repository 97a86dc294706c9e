// Virtual time for XState actors and anything else that wants callbacks: `createActor(machine, { clock })`
// then runs on simulated milliseconds. Unlike XState's SimulatedClock, a timer scheduled while another
// fires (a cascading `after`, a delayed raise from an entry action) is itself fired during the same
// advance, in (time, seq) order, including zero-delay timers at the current instant.
// This is the general, closure-based path; the statechart fast path does not go through it.
import { EventQueue } from '../queue/event-queue.ts';
import { Sequence } from '../queue/sequence.ts';
import type { KernelClock } from './clock.ts';

type Callback = (...args: unknown[]) => void;

export class VirtualClock implements KernelClock {
  private current = 0;
  private readonly queue: EventQueue<Callback>;
  private fired = 0;

  constructor(start = 0, sequence: Sequence = new Sequence()) {
    this.current = start;
    this.queue = new EventQueue<Callback>(1 << 10, sequence);
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: Callback, ms: number): number {
    const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
    return this.queue.push(this.current + delay, 0, 0, 0, fn);
  }

  clearTimeout(id: unknown): void {
    if (typeof id === 'number') this.queue.cancel(id);
  }

  get pending(): number {
    return this.queue.size;
  }

  /** number of callbacks fired so far */
  get firedCount(): number {
    return this.fired;
  }

  /** Time of the next timer, or +Infinity. */
  nextTime(): number {
    return this.queue.peekTime();
  }

  /** Fires every timer with time ≤ t (cascades included), then sets now = t. Returns how many fired. */
  advanceTo(t: number): number {
    if (t < this.current) throw new RangeError(`VirtualClock.advanceTo: ${t} is before now (${this.current})`);
    let n = 0;
    while (this.queue.size > 0 && this.queue.peekTime() <= t) {
      this.queue.pop();
      this.current = this.queue.t;
      const fn = this.queue.payload!;
      n++;
      fn();
    }
    this.current = t;
    this.fired += n;
    return n;
  }

  advanceBy(ms: number): number {
    return this.advanceTo(this.current + ms);
  }

  /** Fires timers one at a time until none is left or `limit` is reached; returns the count fired. */
  runAll(limit = Infinity): number {
    let n = 0;
    while (n < limit && this.queue.size > 0) {
      this.queue.pop();
      this.current = this.queue.t;
      n++;
      this.queue.payload!();
    }
    this.fired += n;
    return n;
  }
}
