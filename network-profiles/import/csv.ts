// LiveLab's own CSV trace: `t_ms,down_kbps,up_kbps,rtt_ms,loss`, an optional header line, `#` comments.
// Row i's values hold from its t_ms to the next row's; the first row must be at 0 ms; the last row holds
// for the median row spacing (so N rows sampled every second make an N-second trace). The trace wraps.
import { StepTrace, type StepColumns } from '../trace/index.ts';
import type { TraceProfile } from '../types.ts';
import { baseName, type TraceImportOptions } from './mahimahi.ts';
import { LineProblems, parseDecimal, splitLines } from './problems.ts';

export const CSV_COLUMNS = ['t_ms', 'down_kbps', 'up_kbps', 'rtt_ms', 'loss'] as const;

const RULES: Record<(typeof CSV_COLUMNS)[number], [(v: number) => boolean, string]> = {
  t_ms: [(v) => v >= 0, 'a time in ms ≥ 0'],
  down_kbps: [(v) => v >= 0, 'a rate in kbit/s ≥ 0'],
  up_kbps: [(v) => v >= 0, 'a rate in kbit/s ≥ 0'],
  rtt_ms: [(v) => v >= 0, 'a round trip in ms ≥ 0'],
  loss: [(v) => v >= 0 && v <= 1, 'a loss probability in [0, 1]'],
};

export function importCsv(text: string, opts: Omit<TraceImportOptions, 'rttMs' | 'loss'>): TraceProfile {
  const problems = new LineProblems(opts.file);
  const rows: number[][] = [];
  const rowLine: number[] = [];
  let seenData = false;
  // the last well-formed t_ms, even on a row rejected for another column, so order is checked row by row
  let lastT = NaN;
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    const s = raw.trim();
    if (s === '' || s.startsWith('#')) return;
    const fields = s.split(',').map((f) => f.trim());
    if (!seenData && /^[a-z_]/i.test(fields[0] ?? '')) {
      if (fields.join(',').toLowerCase() !== CSV_COLUMNS.join(',')) problems.add(line, 'header', s, `the header ${CSV_COLUMNS.join(',')} (or none)`);
      seenData = true;
      return;
    }
    seenData = true;
    if (fields.length !== CSV_COLUMNS.length) return problems.add(line, '', s, `${CSV_COLUMNS.length} comma-separated fields: ${CSV_COLUMNS.join(',')}`);
    const row: number[] = [];
    let ok = true;
    CSV_COLUMNS.forEach((col, c) => {
      const v = parseDecimal(fields[c]!);
      const [valid, expected] = RULES[col];
      if (!(v === v) || !valid(v)) {
        problems.add(line, col, fields[c], expected);
        ok = false;
      }
      row.push(v);
    });
    const t = row[0]!;
    if (t === t) {
      if (lastT !== lastT && t !== 0) {
        problems.add(line, 't_ms', t, '0 on the first row (a trace starts at 0 ms)');
        ok = false;
      } else if (lastT === lastT && !(t > lastT)) {
        problems.add(line, 't_ms', t, `a time greater than the previous row's ${lastT} ms`);
        ok = false;
      }
      lastT = t;
    }
    if (!ok) return;
    rows.push(row);
    rowLine.push(line);
  });
  if (rows.length === 0 && problems.list.length === 0) problems.add(undefined, '', '', 'at least one data row');
  if (rows.length > 0 && rows.every((r) => r[1] === 0)) problems.add(rowLine[0], 'down_kbps', 0, 'at least one row with down_kbps > 0');
  if (rows.length > 0 && rows.every((r) => r[2] === 0)) problems.add(rowLine[0], 'up_kbps', 0, 'at least one row with up_kbps > 0');
  problems.throwIfAny();

  const n = rows.length;
  const col = (c: number) => Float64Array.from(rows, (r) => r[c]!);
  const gaps = rows.slice(1).map((r, i) => r[0]! - rows[i]![0]!).sort((a, b) => a - b);
  const lastSpan = gaps.length > 0 ? gaps[(gaps.length - 1) >> 1]! : 1000;
  const cols: StepColumns = { startsMs: col(0), downKbps: col(1), upKbps: col(2), rttMs: col(3), loss: col(4), periodMs: rows[n - 1]![0]! + lastSpan };
  return {
    kind: 'trace',
    name: opts.name ?? baseName(opts.file),
    title: `CSV trace ${baseName(opts.file)}: ${n} rows over ${(cols.periodMs / 1000).toFixed(1)} s`,
    source: `imported from ${opts.file} (csv format)`,
    trace: new StepTrace(cols, { wrap: true }),
  };
}
