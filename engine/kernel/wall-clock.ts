// The wall-clock adapter: the one place in engine/ allowed to read real time and arm real timers.
// The stress runtime and `livelab serve` hand it to the same services and statecharts that the
// simulation drives with VirtualClock.
import type { KernelClock } from './clock/clock.ts';

export class WallClock implements KernelClock {
  private readonly origin = performance.now();

  /** milliseconds since this clock was created */
  now(): number {
    return performance.now() - this.origin;
  }

  /** milliseconds since the Unix epoch (for logs and tokens, never for simulation state) */
  epochMs(): number {
    return Date.now();
  }

  setTimeout(fn: (...args: unknown[]) => void, ms: number): ReturnType<typeof setTimeout> {
    return setTimeout(fn, ms);
  }

  clearTimeout(id: unknown): void {
    clearTimeout(id as ReturnType<typeof setTimeout>);
  }

  setInterval(fn: () => void, ms: number): ReturnType<typeof setInterval> {
    return setInterval(fn, ms);
  }

  clearInterval(id: ReturnType<typeof setInterval>): void {
    clearInterval(id);
  }
}
