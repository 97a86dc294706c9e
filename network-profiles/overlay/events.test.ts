import { describe, expect, it } from 'vitest';
import { HANDOVER_DEFAULTS, RAMP_STEPS, cellShare, compileOverlay, validateEvents, type ScriptedEvent } from './events.ts';

function at(events: ScriptedEvent[], t: number) {
  const o = compileOverlay(events)!;
  const w = o.windowAt(t, -1);
  return { factor: o.factorIn(w), rttAdd: o.rttAddIn(w), end: o.endOf(w) };
}

describe('scripted events → overlay', () => {
  it.each([
    { t: 999, factor: 1, reason: 'before the tunnel' },
    { t: 1000, factor: 0, reason: 'tunnel starts: no capacity' },
    { t: 5999, factor: 0, reason: 'still inside the 5 s tunnel' },
    { t: 6000, factor: 1, reason: 'tunnel over' },
  ])('tunnel at 1 s for 5 s: factor $factor at $t ms ($reason)', ({ t, factor }) => {
    expect(at([{ kind: 'tunnel', atMs: 1000, durationMs: 5000 }], t).factor).toBe(factor);
  });

  it('handover: a short interruption, then a round-trip spike (defaults)', () => {
    const e: ScriptedEvent[] = [{ kind: 'handover', atMs: 10_000 }];
    expect(at(e, 10_000)).toMatchObject({ factor: 0, rttAdd: 0, end: 10_000 + HANDOVER_DEFAULTS.interruptionMs });
    expect(at(e, 10_000 + HANDOVER_DEFAULTS.interruptionMs)).toMatchObject({ factor: 1, rttAdd: HANDOVER_DEFAULTS.rttSpikeMs });
    expect(at(e, 10_000 + HANDOVER_DEFAULTS.interruptionMs + HANDOVER_DEFAULTS.spikeDurationMs)).toMatchObject({ factor: 1, rttAdd: 0 });
  });

  it('congestion ramps down in steps, holds the share, ramps back', () => {
    const e: ScriptedEvent[] = [{ kind: 'congestion', atMs: 0, durationMs: 100_000, rampMs: 20_000, capacityShare: 0.5, rttAddMs: 40 }];
    const factors = [0, 5000, 10_000, 15_000, 20_000, 50_000, 80_000, 85_000, 90_000, 95_000].map((t) => at(e, t).factor);
    expect(factors.slice(0, RAMP_STEPS)).toEqual([0.9, 0.8, 0.7, 0.6]);
    expect(factors[4]).toBe(0.5);
    expect(factors[5]).toBe(0.5);
    expect(factors.slice(6)).toEqual([0.6, 0.7, 0.8, 0.9]);
    expect(at(e, 50_000).rttAdd).toBe(40);
    expect(at(e, 100_000)).toMatchObject({ factor: 1, rttAdd: 0 });
  });

  it('overlapping events compose: factors multiply, round-trip additions add', () => {
    const e: ScriptedEvent[] = [
      { kind: 'congestion', atMs: 0, durationMs: 60_000, capacityShare: 0.5, rttAddMs: 30 },
      { kind: 'handover', atMs: 10_000, interruptionMs: 0, rttSpikeMs: 100, spikeDurationMs: 1000 },
      { kind: 'tunnel', atMs: 20_000, durationMs: 1000 },
    ];
    expect(at(e, 10_500)).toMatchObject({ factor: 0.5, rttAdd: 130 });
    expect(at(e, 20_500)).toMatchObject({ factor: 0, rttAdd: 30 });
  });

  it('an empty list compiles to no overlay', () => {
    expect(compileOverlay([])).toBeNull();
  });

  it('cellShare: each of n users keeps usersBefore/usersDuring of a fairly shared cell', () => {
    expect(cellShare(10, 40)).toBe(0.25);
    expect(() => cellShare(10, 5)).toThrow(RangeError);
  });

  it('reports every bad field in one pass, with its path', () => {
    const problems = validateEvents([
      { kind: 'tunnel', atMs: -1, durationMs: 0 },
      { kind: 'congestion', atMs: 0, durationMs: 1000, capacityShare: 1.5, rampMs: 800 },
      { kind: 'meteor', atMs: 0 } as unknown as ScriptedEvent,
    ]);
    expect(problems.map((p) => p.path)).toEqual([
      'events[0].atMs',
      'events[0].durationMs',
      'events[1].capacityShare',
      'events[1].rampMs',
      'events[2].kind',
    ]);
    expect(() => compileOverlay([{ kind: 'tunnel', atMs: 0, durationMs: -5 }])).toThrow(/durationMs/);
  });
});
