// Pensieve cooked traces (hongzimao/pensieve sim/env.py; CALIBRATION.md §4): lines `time_s Mbit/s`.
// Replayed as Pensieve replays them: the rate on line i holds over (time[i−1], time[i]], so the first
// line only sets the start time and its rate is never used, and the trace wraps after its last line.
// Pensieve simulates an 80 ms round trip per chunk, which is the default rttMs here. Same curve both ways.
import { StepTrace } from '../trace/index.ts';
import type { TraceProfile } from '../types.ts';
import { baseName, type TraceImportOptions } from './mahimahi.ts';
import { LineProblems, parseDecimal, splitLines } from './problems.ts';

/** Pensieve sim/env.py LINK_RTT (ms). */
export const PENSIEVE_RTT_MS = 80;

export function importPensieve(text: string, opts: TraceImportOptions): TraceProfile {
  const problems = new LineProblems(opts.file);
  const times: number[] = [];
  const mbps: number[] = [];
  const lineOf: number[] = [];
  // the last well-formed time, even on a line rejected for its rate, so order is checked line by line
  let lastT = -Infinity;
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    const s = raw.trim();
    if (s === '' || s.startsWith('#')) return;
    const fields = s.split(/\s+/);
    if (fields.length !== 2) return problems.add(line, '', s, 'two fields: time_s throughput_Mbps');
    const t = parseDecimal(fields[0]!);
    const bw = parseDecimal(fields[1]!);
    let ok = true;
    if (!(t >= 0)) {
      problems.add(line, 'time_s', fields[0], 'a time in seconds ≥ 0');
      ok = false;
    } else {
      if (!(t > lastT)) {
        problems.add(line, 'time_s', t, `a time greater than the previous line's ${lastT} s`);
        ok = false;
      }
      lastT = t;
    }
    if (!(bw >= 0)) {
      problems.add(line, 'throughput_Mbps', fields[1], 'a throughput in Mbit/s ≥ 0');
      ok = false;
    }
    if (ok) {
      times.push(t);
      mbps.push(bw);
      lineOf.push(line);
    }
  });
  if (times.length < 2 && problems.list.length === 0) problems.add(undefined, '', times.length, 'at least two lines (a trace spans from the first time to the last)');
  if (times.length >= 2 && mbps.slice(1).every((b) => b === 0)) problems.add(lineOf[1], 'throughput_Mbps', 0, 'at least one positive throughput after the first line');
  problems.throwIfAny();

  const steps = [];
  for (let i = 1; i < times.length; i++) {
    const kbps = mbps[i]! * 1000;
    steps.push({ durationMs: (times[i]! - times[i - 1]!) * 1000, downKbps: kbps, upKbps: kbps, rttMs: opts.rttMs ?? PENSIEVE_RTT_MS, loss: opts.loss ?? 0 });
  }
  return {
    kind: 'trace',
    name: opts.name ?? baseName(opts.file),
    title: `Pensieve trace ${baseName(opts.file)}: ${times.length} samples over ${(times[times.length - 1]! - times[0]!).toFixed(1)} s`,
    source: `imported from ${opts.file} (pensieve format)`,
    trace: StepTrace.fromSteps(steps, { wrap: true }),
  };
}
