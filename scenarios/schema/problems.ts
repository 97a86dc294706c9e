// zod issues → InputProblems: the dotted path, the file position, the value found, what was expected,
// and a "did you mean" hint for unknown keys and names. The phrases for zod's own checks come from
// `expectation` (passed to every parse); the schema's primitives carry their own.
import type { z } from 'zod';
import type { InputProblem } from '../../engine/kernel/index.ts';
import { didYouMean } from './levenshtein.ts';
import type { Locate } from './locate.ts';
import { allowedKeys, formatPath, schemaAt, valueAt, type Seg } from './walk.ts';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

const TYPE_PHRASES: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  record: 'a mapping (key: value)',
};

const quoteAll = (xs: readonly unknown[]): string => xs.map((x) => (typeof x === 'string' ? `'${x}'` : String(x))).join(', ');

/** The parse-wide error map: an expectation phrase for every check that carries none of its own. */
export function expectation(iss: RawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      return TYPE_PHRASES[iss.expected] ?? `a ${iss.expected}`;
    case 'too_small':
      if (iss.origin === 'array') return `a list with at least ${iss.minimum} item${iss.minimum === 1 ? '' : 's'}`;
      if (iss.origin === 'string') return 'a non-empty string';
      return `a number ${iss.inclusive ? '≥' : '>'} ${iss.minimum}`;
    case 'too_big':
      if (iss.origin === 'array') return `a list with at most ${iss.maximum} items`;
      return `a number ${iss.inclusive ? '≤' : '<'} ${iss.maximum}`;
    case 'invalid_value':
      return `one of ${quoteAll(iss.values)}`;
    case 'invalid_format':
      return `a string in the ${iss.format} format`;
    default:
      return 'a valid value';
  }
}

const segs = (path: readonly PropertyKey[]): Seg[] => path.map((p) => (typeof p === 'number' ? p : String(p)));

export interface ProblemContext {
  file?: string;
  /** the raw document the schema parsed */
  input: unknown;
  schema: z.ZodType;
  locate?: Locate;
  /** prepended to every path (e.g. a variant's) */
  prefix?: string;
}

function problem(ctx: ProblemContext, path: Seg[], at: 'value' | 'key', fields: Omit<InputProblem, 'path' | 'file' | 'line' | 'col'>): InputProblem {
  const where = ctx.locate?.(path, at);
  const p = formatPath(path);
  return {
    ...(ctx.file !== undefined ? { file: ctx.file } : {}),
    ...(where ? { line: where.line, col: where.col } : {}),
    path: ctx.prefix ? (p === '' ? ctx.prefix : `${ctx.prefix}.${p}`) : p,
    ...fields,
  };
}

export function issuesToProblems(issues: readonly Issue[], ctx: ProblemContext): InputProblem[] {
  const out: InputProblem[] = [];
  for (const iss of issues) {
    const path = segs(iss.path);
    const raw = valueAt(ctx.input, path);
    if (iss.code === 'unrecognized_keys') {
      const keys = allowedKeys(schemaAt(ctx.schema, ctx.input, path) ?? ctx.schema, raw) ?? [];
      for (const key of iss.keys) {
        const hint = didYouMean(key, keys);
        out.push(problem(ctx, [...path, key], 'key', { expected: `a known key (${keys.join(', ')})`, value: key, ...(hint ? { hint } : {}) }));
      }
      continue;
    }
    if (iss.code === 'invalid_key') {
      const key = path[path.length - 1];
      out.push(problem(ctx, path, 'key', { expected: iss.issues[0]?.message ?? iss.message, value: key }));
      continue;
    }
    const value = 'input' in iss && iss.code === 'custom' ? iss.input : raw;
    let hint: string | undefined;
    if (iss.code === 'custom') hint = (iss.params as { hint?: string } | undefined)?.hint;
    else if (iss.code === 'invalid_value' && typeof raw === 'string') hint = didYouMean(raw, iss.values.map(String));
    else if (iss.code === 'invalid_union' && 'options' in iss && Array.isArray(iss.options) && typeof raw === 'string') {
      hint = didYouMean(raw, (iss.options as unknown[]).map(String));
    }
    out.push(problem(ctx, path, 'value', { expected: iss.message, value, ...(hint ? { hint } : {}) }));
  }
  return out;
}

/** File order, so a reader can walk down the file; problems without a position go last. */
export function byPosition(a: InputProblem, b: InputProblem): number {
  if (a.line === undefined || b.line === undefined) return (a.line === undefined ? 1 : 0) - (b.line === undefined ? 1 : 0);
  return a.line - b.line || (a.col ?? 0) - (b.col ?? 0);
}
