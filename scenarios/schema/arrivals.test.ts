import { describe, expect, it } from 'vitest';
import { arrivalPlan } from './arrivals.ts';
import { loadScenario } from './load.ts';

const audience = (yaml: string) => loadScenario(yaml, 'a.yaml').audience;
const total = (xs: { expected: number }[]) => xs.reduce((s, x) => s + x.expected, 0);

describe('arrivalPlan', () => {
  it('scales rates so that audience.size viewers are expected, keeping the shape', () => {
    const a = audience(`audience:
  size: 9000
  arrivals:
    - { name: ramp, duration: 10, rate: 0, rampTo: 100 }
    - { name: main, duration: 40, rate: 100 }
    - { name: burst, duration: 5, rate: 400, burst: true }`);
    const plan = arrivalPlan(a, 120);
    expect(total(plan)).toBeCloseTo(9000, 6);
    // masses 500 : 4000 : 2000 of 6500
    expect(plan.map((p) => Math.round(p.expected))).toEqual([692, 5538, 2769]);
    expect(plan[1]!.startRate / plan[2]!.startRate).toBeCloseTo(0.25, 12);
    expect(plan[2]!.burst).toBe(true);
    expect(plan.map((p) => [p.startMinute, p.endMinute])).toEqual([[0, 10], [10, 50], [50, 55]]);
  });

  it('chains a phase without rate from the previous end', () => {
    const plan = arrivalPlan(audience('audience: { arrivals: [{ name: up, duration: 10, rate: 0, rampTo: 50 }, { name: down, duration: 10, rampTo: 0 }] }'), 60);
    expect(plan[1]!.startRate).toBeCloseTo(plan[0]!.endRate, 12);
    expect(plan[1]!.endRate).toBe(0);
  });

  it('cuts phases at the end of the show and still expects audience.size viewers', () => {
    const plan = arrivalPlan(audience('audience: { size: 1000, arrivals: [{ name: a, duration: 30, rate: 10 }, { name: b, duration: 60, rate: 10 }] }'), 45);
    expect(plan.map((p) => p.endMinute)).toEqual([30, 45]);
    expect(total(plan)).toBeCloseTo(1000, 6);
  });

  it('gives share phases their share', () => {
    const plan = arrivalPlan(audience('audience: { size: 1000, arrivals: [{ name: a, duration: 10, share: 0.25 }, { name: b, duration: 20, rate: 5 }] }'), 120);
    expect(plan.map((p) => p.expected)).toEqual([250, 750]);
  });
});
