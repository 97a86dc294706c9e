import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, formatProblem } from '../../engine/kernel/index.ts';
import { summarizeProfile } from '../summary.ts';
import { DOWN, TraceSegment, UP } from '../types.ts';
import { MAX_PROBLEMS, importCsv, importMahimahi, importPensieve, importTrace } from './index.ts';

const fixture = (name: string) => ({ text: readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'), file: `fixtures/${name}` });

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map(formatProblem);
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('Mahimahi importer', () => {
  it('a file holding just `1` is a 12 Mbit/s link (mahimahi README)', () => {
    const { text, file } = fixture('mahimahi-12mbps.trace');
    const p = importMahimahi(text, { file });
    expect(summarizeProfile(p).downKbps).toEqual({ mean: 12_000, p10: 12_000, p50: 12_000, p90: 12_000 });
    expect(p.trace.periodMs).toBe(1);
    expect(p.name).toBe('mahimahi-12mbps');
  });

  it('counts repeated timestamps as several packets and wraps at the last timestamp', () => {
    const { text, file } = fixture('mahimahi-small.trace'); // 0, 3, 3, 5, 10 → period 10 ms
    const p = importMahimahi(text, { file, name: 'small', rttMs: 40 });
    const at = (t: number) => {
      const seg = new TraceSegment();
      p.trace.locate(t, seg);
      return seg.downKbps;
    };
    // ms 0 holds the packets of timestamps 0 and 10 (the wrap point), ms 3 two packets, ms 5 one
    expect([0, 1, 3, 4, 5, 6, 9, 10, 13].map(at)).toEqual([24_000, 0, 24_000, 0, 12_000, 0, 0, 24_000, 24_000]);
    expect(p.trace.capacityTo!(10, DOWN)).toBe(5 * 1500);
    expect(p.trace.capacityTo!(10, UP)).toBe(5 * 1500);
    expect(p.name).toBe('small');
    const seg = new TraceSegment();
    p.trace.locate(0, seg);
    expect(seg.rttMs).toBe(40);
  });

  it('names file:line, the value and the expectation for every bad line at once', () => {
    const { text, file } = fixture('mahimahi-bad.trace');
    expect(problemsOf(() => importMahimahi(text, { file }))).toEqual([
      `${file}:3 timestamp: expected a millisecond timestamp (mahimahi allows no empty line), got ""`,
      `${file}:5 timestamp: expected a timestamp ≥ the previous one (9): mahimahi timestamps never decrease, got 4`,
      `${file}:6 timestamp: expected a whole number of milliseconds ≥ 0, got "1x"`,
    ]);
  });

  it.each([
    { text: '', want: 'at least one timestamp', reason: 'an empty file' },
    { text: '0\n0\n', want: 'last timestamp > 0', reason: 'mahimahi: the trace must last a nonzero time' },
  ])('rejects $reason', ({ text, want }) => {
    expect(problemsOf(() => importMahimahi(text, { file: 'x' })).join('\n')).toContain(want);
  });

  it(`caps the report at ${MAX_PROBLEMS} problems and counts the rest`, () => {
    const text = Array.from({ length: 50 }, () => 'x').join('\n');
    const problems = problemsOf(() => importMahimahi(text, { file: 'junk' }));
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[MAX_PROBLEMS]).toContain('30 more problems');
  });
});

describe('Pensieve importer', () => {
  it('replays as Pensieve does: line i rate holds over (t[i−1], t[i]], the first rate unused, 80 ms RTT', () => {
    const { text, file } = fixture('pensieve-small.txt');
    const p = importPensieve(text, { file });
    expect(p.trace.periodMs).toBe(3000);
    const s = summarizeProfile(p);
    expect(s.downKbps.mean).toBeCloseTo((1500 * 1 + 500 * 1.5 + 2000 * 0.5) / 3, 9);
    expect(s.downKbps.p90).toBe(1500);
    expect(s.rttMs.mean).toBe(80);
  });

  it('reports every bad line', () => {
    const { text, file } = fixture('pensieve-bad.txt');
    expect(problemsOf(() => importPensieve(text, { file }))).toEqual([
      `${file}:2 throughput_Mbps: expected a throughput in Mbit/s ≥ 0, got "-2"`,
      `${file}:3 time_s: expected a time greater than the previous line's 1 s, got 0.5`,
      `${file}:4 throughput_Mbps: expected a throughput in Mbit/s ≥ 0, got "abc"`,
      `${file}:5 (top level): expected two fields: time_s throughput_Mbps, got "3.0"`,
    ]);
  });
});

describe('CSV importer', () => {
  it('reads t_ms,down_kbps,up_kbps,rtt_ms,loss with a header and comments; the last row lasts the median spacing', () => {
    const { text, file } = fixture('csv-small.csv');
    const p = importCsv(text, { file });
    const s = summarizeProfile(p);
    expect(s.durationS).toBe(4);
    expect(s.downKbps.mean).toBe(1500);
    expect(s.upKbps.mean).toBe(425);
    expect(s.outageS).toBe(1);
    expect(s.lossRate).toBeCloseTo(0.0025, 12);
  });

  it('reports every bad row with its column', () => {
    const { text, file } = fixture('csv-bad.csv');
    expect(problemsOf(() => importCsv(text, { file }))).toEqual([
      `${file}:3 loss: expected a loss probability in [0, 1], got "1.5"`,
      `${file}:4 t_ms: expected a time greater than the previous row's 1000 ms, got 500`,
      `${file}:5 down_kbps: expected a rate in kbit/s ≥ 0, got "fast"`,
      `${file}:6 (top level): expected 5 comma-separated fields: t_ms,down_kbps,up_kbps,rtt_ms,loss, got "3000,1,1,1"`,
    ]);
  });

  it.each([
    { text: 'time,down\n0,1', want: 'the header t_ms,down_kbps,up_kbps,rtt_ms,loss', reason: 'a wrong header' },
    { text: '5,100,100,0,0', want: '0 on the first row', reason: 'a trace that does not start at 0' },
    { text: '0,0,100,0,0\n1000,0,100,0,0', want: 'down_kbps > 0', reason: 'no downlink capacity at all' },
    { text: '0,1e400,1,0,0', want: 'a rate in kbit/s', reason: 'an infinite rate' },
  ])('rejects $reason', ({ text, want }) => {
    expect(problemsOf(() => importCsv(text, { file: 'x.csv' })).join('\n')).toContain(want);
  });

  it('importTrace dispatches on the format', () => {
    expect(importTrace('csv', '0,100,100,0,0', { file: 'a.csv' }).name).toBe('a');
    expect(importTrace('pensieve', '0 1\n1 1', { file: 'b.txt' }).name).toBe('b');
    expect(importTrace('mahimahi', '1', { file: 'c.up' }).name).toBe('c');
  });
});
