// Input errors: bad scenario files, bad traces, bad flags. Each problem names the file, the location,
// the path inside the document, the value found and what was expected; the CLI prints all of them and
// exits 2. Problems are collected in one pass (STYLE.md §8), then thrown together.
export interface InputProblem {
  file?: string;
  line?: number;
  col?: number;
  /** dotted path inside the document, e.g. `audience.size` ('' for the whole file) */
  path: string;
  expected: string;
  /** the offending value, shown with JSON.stringify (truncated) */
  value?: unknown;
  /** extra help such as "did you mean …" */
  hint?: string;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

export function formatProblem(p: InputProblem): string {
  const where = [p.file, p.line, p.col].filter((x) => x !== undefined && x !== '').join(':');
  const path = p.path === '' ? '(top level)' : p.path;
  const got = 'value' in p ? `, got ${show(p.value)}` : '';
  return `${where ? `${where} ` : ''}${path}: expected ${p.expected}${got}${p.hint ? ` (${p.hint})` : ''}`;
}

export class InputError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly problems: readonly InputProblem[],
    options?: { cause?: unknown },
  ) {
    super(problems.map(formatProblem).join('\n'), options);
    this.name = 'InputError';
  }
}
