// Collects every bad line of a trace file in one pass (STYLE.md §8), capped so that a wholly wrong file
// (say, a CSV given as --format mahimahi) reports the first problems and a count, not a million lines.
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';

export const MAX_PROBLEMS = 20;

export class LineProblems {
  readonly list: InputProblem[] = [];
  private extra = 0;

  constructor(readonly file: string) {}

  add(line: number | undefined, path: string, value: unknown, expected: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ file: this.file, ...(line !== undefined ? { line } : {}), path, value, expected });
    else this.extra++;
  }

  /** Throws an InputError with everything collected, if anything was. */
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const all = [...this.list];
    if (this.extra > 0) all.push({ file: this.file, path: '', expected: `a valid trace (${this.extra} more problems not shown)` });
    throw new InputError(all);
  }
}

/** The lines of a text, numbered from 1, without a trailing empty line after the final newline. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** A finite decimal number written plainly (no hex, no Infinity, no empty string), else NaN. */
export function parseDecimal(s: string): number {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return NaN;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}
