// The calibration table as text: one line per figure, model vs published vs tolerance.
import type { CalibrationRow } from './experiments.ts';

export function formatTable(rows: readonly CalibrationRow[]): string {
  const head = ['figure', 'model', 'published', 'tolerance', 'ok', 'source'];
  const body = rows.map((r) => [r.figure, String(r.model), r.published, r.tolerance, r.pass ? 'yes' : 'NO', r.source]);
  const width = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join('  ').trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `  - ${r.id}: ${r.note}`);
  return [line(head), line(width.map((w) => '-'.repeat(w))), ...body.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}
