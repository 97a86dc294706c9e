import { describe, expect, it } from 'vitest';
import { FAULT_RECOVERY_MS, steadyWindows } from './coordinator.ts';

describe('steadyWindows', () => {
  it('is the hold after the ramp without the faults and their recovery', () => {
    expect(steadyWindows(60_000, 360_000, [])).toEqual([[65_000, 360_000]]);
    expect(steadyWindows(60_000, 360_000, [{ kind: 'restart', atMs: 210_000 }])).toEqual([
      [65_000, 209_000],
      [210_000 + FAULT_RECOVERY_MS, 360_000],
    ]);
    // a flood lasts its ms; a fault in the ramp only trims the start; overlapping cuts merge
    const w = steadyWindows(10_000, 100_000, [
      { kind: 'flood', atMs: 40_000, ms: 5000, perSecond: 500 },
      { kind: 'drop', atMs: 50_000, fraction: 0.1 },
      { kind: 'malformed', atMs: 2000, ms: 5000 },
    ]);
    expect(w).toEqual([
      [27_000, 39_000],
      [70_000, 100_000],
    ]);
    for (const [a, b] of w) expect(a).toBeLessThan(b);
    // a fault near the end leaves nothing after it
    expect(steadyWindows(10_000, 30_000, [{ kind: 'restart', atMs: 25_000 }])).toEqual([[15_000, 24_000]]);
  });
});
