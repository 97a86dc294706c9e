// Overrides: `{path.to.field: value}` applied to a scenario, for variants, CLI flags (--viewers,
// --duration, --seed) and sweep parameters (`path=value`). A path is dotted; list items go by index
// (`network.mix[0].share`, `network.mix.0.share`) or by name (`audience.arrivals[main].rate`,
// `network.mix[weak-4g].share`). A mapping value merges into the field; lists and scalars replace it.
// Every path and the resulting scenario are checked against the schema, all problems at once.
import { parse as parseYamlValue } from 'yaml';
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';
import { closest } from './levenshtein.ts';
import { toDocument } from './print.ts';
import { expectation, issuesToProblems } from './problems.ts';
import { ScenarioSchema, type Scenario } from './scenario.ts';
import { allowedKeys, childSchema, formatPath, isList, type Seg } from './walk.ts';
import type { z } from 'zod';

export type Overrides = Readonly<Record<string, unknown>>;

/** The scenario paths behind the run command's flags. */
export const FLAG_PATHS = { viewers: 'audience.size', duration: 'show.durationMinutes', seed: 'seed' } as const;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

type Token = { key: string } | { select: string };
function tokenize(path: string): Token[] | undefined {
  const out: Token[] = [];
  const re = /([^.[\]]+)|\[([^\]]+)\]/gy;
  let at = 0;
  while (at < path.length) {
    if (out.length > 0 && path[at] === '.') at++;
    re.lastIndex = at;
    const m = re.exec(path);
    if (!m) return undefined;
    out.push(m[1] !== undefined ? { key: m[1] } : { select: m[2]! });
    at = re.lastIndex;
  }
  return out.length > 0 ? out : undefined;
}

export type Resolved = { path: Seg[] } | { problem: { expected: string; value: unknown; hint?: string } };

/** Resolves a textual path against the schema and a document (lists need the document for names). */
export function resolvePath(text: string, doc: unknown, opts: { lenient?: boolean; schema?: z.ZodType } = {}): Resolved {
  const schema = opts.schema ?? ScenarioSchema;
  const lenient = opts.lenient ?? false;
  const tokens = tokenize(text);
  if (!tokens) return { problem: { expected: 'a dotted field path such as audience.size or network.mix[0].share', value: text } };
  const path: Seg[] = [];
  let s: z.ZodType | undefined = schema;
  let v: unknown = doc;
  const restOf = (i: number): string => tokens.slice(i + 1).map((t) => ('key' in t ? `.${t.key}` : `[${t.select}]`)).join('');
  for (const [i, t] of tokens.entries()) {
    const here = formatPath(path) || 'the scenario';
    if (!s) return { problem: { expected: `a path inside the schema (${here} has no fields)`, value: text } };
    let seg: Seg;
    if (isList(s)) {
      const name = 'key' in t ? t.key : t.select;
      const items = Array.isArray(v) ? v : [];
      if (lenient && !Array.isArray(v)) {
        // the document is not known to be valid: accept the item, check the rest of the path by schema
        seg = /^\d+$/.test(name) ? Number(name) : 0;
      } else if (/^\d+$/.test(name)) {
        seg = Number(name);
        if (seg >= items.length) return { problem: { expected: `an index below ${items.length} in ${here}`, value: text } };
      } else {
        const names = items.map((x) => (isObj(x) ? (x.name ?? x.profile) : undefined)).filter((x): x is string => typeof x === 'string');
        seg = items.findIndex((x) => isObj(x) && (x.name === name || x.profile === name));
        if (seg < 0) {
          const near = closest(name, names);
          return { problem: { expected: `an index or the name of an item of ${here} (${names.join(', ')})`, value: text, ...(near ? { hint: `did you mean '${near}'?` } : {}) } };
        }
      }
    } else {
      if (!('key' in t)) return { problem: { expected: `a field name after ${here}, not [${t.select}]`, value: text } };
      seg = t.key;
      const keys = allowedKeys(s, v);
      if (keys !== undefined && !keys.includes(seg)) {
        const near = closest(seg, keys);
        return {
          problem: {
            expected: `a field of ${here} (${keys.join(', ')})`,
            value: text,
            ...(near ? { hint: `did you mean '${formatPath([...path, near])}${restOf(i)}'?` } : {}),
          },
        };
      }
    }
    s = childSchema(s, seg, v);
    v = Array.isArray(v) && typeof seg === 'number' ? v[seg] : isObj(v) ? v[String(seg)] : undefined;
    path.push(seg);
    if (s === undefined) {
      // a list item whose type is not known yet (lenient check of an invalid document)
      if (lenient) return { path: [...path, ...tokens.slice(i + 1).map((x) => ('key' in x ? x.key : x.select))] };
      return { problem: { expected: `a path inside the schema (${formatPath(path)} is not a field)`, value: text } };
    }
  }
  return { path };
}

function merge(base: unknown, over: unknown): unknown {
  if (!isObj(base) || !isObj(over)) return structuredClone(over);
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}

function setAt(doc: Record<string, unknown>, path: readonly Seg[], value: unknown): void {
  let cur: Record<string | number, unknown> = doc;
  path.slice(0, -1).forEach((seg) => {
    if (!isObj(cur[seg]) && !Array.isArray(cur[seg])) cur[seg] = {};
    cur = cur[seg] as Record<string | number, unknown>;
  });
  const last = path[path.length - 1]!;
  cur[last] = merge(cur[last], value);
}

export interface OverrideProblem {
  /** the override that caused it, when one can be named */
  key: string | undefined;
  /** 'path': the path is wrong; 'value': the value (or the scenario it makes) is */
  kind: 'path' | 'value';
  problem: InputProblem;
}

const startsWith = (a: readonly Seg[], b: readonly Seg[]): boolean => b.every((x, i) => a[i] === x);

/** The overridden scenario, or every problem with the override that caused it. */
export function tryOverrides(scenario: Scenario, overrides: Overrides): { scenario: Scenario; problems: [] } | { scenario: undefined; problems: OverrideProblem[] } {
  const doc = toDocument(scenario);
  const problems: OverrideProblem[] = [];
  const resolved: { key: string; path: Seg[] }[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const r = resolvePath(key, doc);
    if ('problem' in r) problems.push({ key, kind: 'path', problem: { path: key, ...r.problem } });
    else {
      resolved.push({ key, path: r.path });
      setAt(doc, r.path, value);
    }
  }
  // the paths that resolved are applied and checked too, so one pass reports every problem
  const parsed = ScenarioSchema.safeParse(doc, { error: expectation, reportInput: true });
  if (parsed.success && problems.length === 0) return { scenario: parsed.data, problems: [] };
  if (parsed.success) return { scenario: undefined, problems };
  for (const iss of parsed.error.issues) {
    const p = issuesToProblems([iss], { input: doc, schema: ScenarioSchema })[0]!;
    const at = iss.path.map((x) => (typeof x === 'number' ? x : String(x)));
    const by = resolved.find((r) => startsWith(at, r.path)) ?? resolved.find((r) => startsWith(r.path, at));
    problems.push({ key: by?.key, kind: 'value', problem: p });
  }
  return { scenario: undefined, problems };
}

/** The scenario with the overrides applied; an InputError lists every bad path and value. */
export function applyOverrides(scenario: Scenario, overrides: Overrides): Scenario {
  const r = tryOverrides(scenario, overrides);
  if (r.scenario !== undefined) return r.scenario;
  throw new InputError(
    r.problems.map(({ key, kind, problem }) =>
      kind === 'value' && key !== undefined && key !== problem.path ? { ...problem, hint: [problem.hint, `set by override '${key}'`].filter(Boolean).join('; ') } : problem,
    ),
  );
}

/** `path=value` (a sweep parameter or --set flag); the value is read as YAML (numbers, booleans, lists). */
export function parseOverride(text: string): { path: string; value: unknown } {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new InputError([{ path: '', expected: 'an override path=value, e.g. audience.size=5000', value: text }]);
  const raw = text.slice(eq + 1);
  let value: unknown;
  try {
    value = raw.trim() === '' ? '' : parseYamlValue(raw);
  } catch {
    value = raw;
  }
  return { path: text.slice(0, eq).trim(), value };
}
