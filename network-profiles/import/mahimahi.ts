// Mahimahi link traces (ravinet/mahimahi, mm-link; CALIBRATION.md §4): one line per 1500-byte delivery
// opportunity, the line being its millisecond timestamp; repeated timestamps are several packets in that
// millisecond; the trace wraps with period = the last timestamp (a file holding just `1` is 12 Mbit/s).
// mm-link's own checks are kept: no empty line, timestamps non-decreasing, last timestamp > 0.
// Opportunities at ms s fill the 1-ms step [s mod P, s mod P + 1), so timestamp P and 0 coincide as they
// do when mm-link loops. A trace file is one direction; the same curve is used both ways here (mm-link
// takes separate up and down files). `mm-delay` and `mm-loss` become rttMs and loss.
import { StepTrace, type StepColumns } from '../trace/index.ts';
import type { TraceProfile } from '../types.ts';
import { LineProblems, splitLines } from './problems.ts';

/** Bytes per delivery opportunity (mahimahi PACKET_SIZE). */
export const MAHIMAHI_PACKET_BYTES = 1500;

export interface TraceImportOptions {
  file: string;
  name?: string;
  rttMs?: number;
  loss?: number;
}

export function importMahimahi(text: string, opts: TraceImportOptions): TraceProfile {
  const problems = new LineProblems(opts.file);
  const lines = splitLines(text);
  const stamps: number[] = [];
  let last = -1;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const s = raw.trim();
    if (s === '') return problems.add(line, 'timestamp', raw, 'a millisecond timestamp (mahimahi allows no empty line)');
    if (!/^\d+$/.test(s) || !Number.isSafeInteger(Number(s))) return problems.add(line, 'timestamp', s, 'a whole number of milliseconds ≥ 0');
    const ms = Number(s);
    if (ms < last) return problems.add(line, 'timestamp', ms, `a timestamp ≥ the previous one (${last}): mahimahi timestamps never decrease`);
    stamps.push(ms);
    last = ms;
  });
  if (lines.length === 0) problems.add(undefined, '', '', 'at least one timestamp');
  else if (last === 0) problems.add(lines.length, 'timestamp', 0, 'a last timestamp > 0 (the trace must last a nonzero time)');
  problems.throwIfAny();

  const period = last;
  const counts = new Uint32Array(period);
  for (const s of stamps) counts[s % period]!++;
  const cols = runsOf(counts, period, opts.rttMs ?? 0, opts.loss ?? 0);
  const name = opts.name ?? baseName(opts.file);
  return {
    kind: 'trace',
    name,
    title: `Mahimahi trace ${baseName(opts.file)}: ${stamps.length} opportunities over ${period} ms`,
    source: `imported from ${opts.file} (mahimahi format)`,
    trace: new StepTrace(cols, { wrap: true }),
  };
}

/** Runs of equal per-ms opportunity counts as steps (bits per ms = kbit/s = count × 1500 B × 8). */
function runsOf(counts: Uint32Array, period: number, rttMs: number, loss: number): StepColumns {
  const starts: number[] = [];
  const rates: number[] = [];
  for (let ms = 0; ms < period; ms++) {
    const kbps = counts[ms]! * MAHIMAHI_PACKET_BYTES * 8;
    if (rates.length === 0 || rates[rates.length - 1] !== kbps) {
      starts.push(ms);
      rates.push(kbps);
    }
  }
  const n = starts.length;
  const r = Float64Array.from(rates);
  return {
    startsMs: Float64Array.from(starts),
    downKbps: r,
    upKbps: r,
    rttMs: new Float64Array(n).fill(rttMs),
    loss: new Float64Array(n).fill(loss),
    periodMs: period,
  };
}

export function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]*$/, '');
}
