// Properties of the link model (STYLE.md §11): shaping never delivers faster than the profile allows,
// the integration is exact, more bytes never finish sooner, and every draw is reproducible per seed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RngStreams } from '../kernel/index.ts';
import { PROFILE_NAMES, StepTrace, TraceSegment, compileOverlay, getProfile, instantiate, type ScriptedEvent } from '../../network-profiles/index.ts';
import { Link } from './link.ts';
import { chunkedTransfer, transferFinishTime } from './transfer.ts';

const RATES = [0, 800, 2400, 8000, 12_000]; // kbit/s: 0, 100, 300, 1000, 1500 B/ms

/** A random fixed trace with integer-ms steps, one round trip, and integer-ms scripted events. */
const world = fc.record({
  steps: fc.array(fc.record({ durationMs: fc.integer({ min: 1, max: 300 }), rate: fc.constantFrom(...RATES) }), { minLength: 1, maxLength: 10 }),
  rttMs: fc.constantFrom(0, 20, 100),
  events: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('tunnel' as const), atMs: fc.integer({ min: 0, max: 3000 }), durationMs: fc.integer({ min: 1, max: 800 }) }),
      fc.record({
        kind: fc.constant('congestion' as const),
        atMs: fc.integer({ min: 0, max: 3000 }),
        durationMs: fc.integer({ min: 8, max: 2000 }).map((d) => d - (d % 8)),
        capacityShare: fc.constantFrom(0.25, 0.5),
        rampMs: fc.constantFrom(0, 4),
      }),
    ),
    { maxLength: 3 },
  ),
  startMs: fc.integer({ min: 0, max: 3000 }),
  bytes: fc.integer({ min: 1, max: 60_000 }),
});
type World = typeof world extends fc.Arbitrary<infer W> ? W : never;

function build(w: World, opts: { jitterMs?: number; loss?: number } = {}) {
  fc.pre(w.steps.some((s) => s.rate > 0));
  const steps = w.steps.map((s) => ({ durationMs: s.durationMs, downKbps: s.rate, upKbps: s.rate, rttMs: w.rttMs, loss: opts.loss ?? 0 }));
  const trace = StepTrace.fromSteps(steps, { wrap: true, jitterMs: opts.jitterMs ?? 0 });
  const overlay = compileOverlay(w.events as ScriptedEvent[]);
  const link = new Link(trace, new RngStreams(9).stream(0, 'net'), { overlay });
  // independent reference: every breakpoint is a whole ms, so the rate at each ms midpoint holds all ms long
  const seg = new TraceSegment();
  const rateAt = (m: number) => {
    trace.locate(m + 0.5, seg);
    const o = overlay;
    return (seg.downKbps / 8) * (o ? o.factorIn(o.windowAt(m + 0.5, -1)) : 1);
  };
  const capacity = (a: number, b: number) => {
    let sum = 0;
    for (let m = Math.floor(a); m < b; m++) sum += rateAt(m) * (Math.min(b, m + 1) - Math.max(a, m));
    return sum;
  };
  return { link, capacity, rateAt };
}

describe('link model properties', () => {
  it('never delivers faster than the profile allows, and is exact (no slack either)', () => {
    fc.assert(
      fc.property(world, (w) => {
        const { link, capacity, rateAt } = build(w);
        const f = transferFinishTime(link, w.startMs, w.bytes);
        fc.pre(f < 1e7);
        const half = w.rttMs / 2;
        let up = w.startMs;
        while (rateAt(up) === 0) up++; // the request waits for the link
        const eps = 1e-6 * w.bytes + 1e-6;
        expect(capacity(w.startMs + half, f - half)).toBeGreaterThanOrEqual(w.bytes - eps);
        expect(Math.abs(capacity(up + half, f - half) - w.bytes)).toBeLessThanOrEqual(eps);
        expect(f - w.startMs).toBeGreaterThanOrEqual(w.rttMs + w.bytes / 1500 - 1e-9);
      }),
      { numRuns: 400 },
    );
  });

  it('more bytes never finish sooner', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 0, max: 20_000 }), (w, extra) => {
        const a = build(w).link, b = build(w).link;
        expect(transferFinishTime(b, w.startMs, w.bytes + extra)).toBeGreaterThanOrEqual(transferFinishTime(a, w.startMs, w.bytes));
      }),
      { numRuns: 200 },
    );
  });

  it('jitter and loss only ever add delay', () => {
    fc.assert(
      fc.property(world, (w) => {
        const clean = build(w).link;
        const noisy = build(w, { jitterMs: 30, loss: 0.05 }).link;
        for (let i = 0; i < 5; i++) {
          const t = w.startMs + i * 500;
          expect(transferFinishTime(noisy, t, w.bytes)).toBeGreaterThanOrEqual(transferFinishTime(clean, t, w.bytes) - 1e-9);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('chunked parts arrive in order, never before they are produced plus one way', () => {
    fc.assert(
      fc.property(world, fc.integer({ min: 1, max: 10 }), (w, n) => {
        const { link } = build(w);
        const out = new Float64Array(n);
        const part = Math.ceil(w.bytes / n);
        chunkedTransfer(link, w.startMs, 300, w.startMs + 200, 200, part, n, out);
        for (let j = 0; j < n; j++) {
          expect(out[j]!).toBeGreaterThanOrEqual(w.startMs + 200 * (j + 1) + w.rttMs / 2 + part / 1500 - 1e-9);
          if (j > 0) expect(out[j]!).toBeGreaterThanOrEqual(out[j - 1]!);
        }
        expect(link.busyMs).toBeGreaterThanOrEqual((n * part) / 1500 - 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

describe.each(PROFILE_NAMES.map((name) => ({ name })))('link determinism: $name', ({ name }) => {
  const run = (seed: number) => {
    const s = new RngStreams(seed);
    const link = new Link(instantiate(getProfile(name), s.stream(4, 'net-profile')), s.stream(4, 'net'));
    const out: number[] = [];
    for (let i = 0; i < 40; i++) out.push(transferFinishTime(link, i * 3000, 20_000 + i * 1000, 400));
    return out;
  };

  it('same seed → identical finish times, each after its start; a family differs with the seed', () => {
    const a = run(1);
    expect(run(1)).toEqual(a);
    a.forEach((f, i) => expect(f).toBeGreaterThan(i * 3000));
    if (getProfile(name).kind === 'family') expect(run(2)).not.toEqual(a);
  });
});
