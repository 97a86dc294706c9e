// Scenario files (YAML or JSON) → a validated, fully defaulted Scenario. Every problem in the file is
// collected in one pass and thrown as one InputError, each with file:line:col, path, value and
// expectation (STYLE.md §8); malformed YAML gets its own located messages.
import { LineCounter, parseDocument } from 'yaml';
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';
import { locator, type Locate } from './locate.ts';
import { resolvePath, tryOverrides } from './overrides.ts';
import { byPosition, expectation, issuesToProblems } from './problems.ts';
import { ScenarioSchema, type Scenario } from './scenario.ts';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

const lower = (s: string): string => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

/** The parser's errors, one per position (its follow-up errors at the same spot add nothing). */
function syntaxProblems(errors: readonly { message: string; linePos?: readonly { line: number; col: number }[] }[], file: string): InputProblem[] {
  const seen = new Set<string>();
  return errors.flatMap((e) => {
    const reason = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const pos = e.linePos?.[0];
    const key = pos ? `${pos.line}:${pos.col}` : reason;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ file, ...(pos ? { line: pos.line, col: pos.col } : {}), path: '', expected: `well-formed YAML: ${lower(reason)}` }];
  });
}

/** JSON's own message for a .json file that is not JSON (YAML would accept some of it, and say it less clearly). */
function jsonProblem(text: string, file: string, lines: LineCounter): InputProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const pos = at ? lines.linePos(Number(at[1])) : undefined;
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected token .*?, (".*")? is not valid JSON$/, 'unexpected $1');
    return { file, ...(pos ? { line: pos.line, col: pos.col } : {}), path: '', expected: `well-formed JSON: ${lower(reason)}` };
  }
}

/** Checks each variant's override paths and the scenario each makes (located at the override). */
function variantProblems(base: Scenario | undefined, data: unknown, file: string, locate: Locate): InputProblem[] {
  const variants = isObj(data) && isObj(data.variants) ? data.variants : {};
  const out: InputProblem[] = [];
  for (const [name, overrides] of Object.entries(variants)) {
    if (!isObj(overrides)) continue; // the schema reports it
    const here = (key: string | undefined, at: 'key' | 'value') => {
      const p = locate(key === undefined ? ['variants', name] : ['variants', name, key], at);
      return { file, ...(p ? { line: p.line, col: p.col } : {}) };
    };
    if (base === undefined) {
      // the base scenario is invalid: check the paths by the schema alone
      for (const key of Object.keys(overrides)) {
        const r = resolvePath(key, data, { lenient: true });
        if ('problem' in r) out.push({ ...here(key, 'key'), path: `variants.${name}.${key}`, ...r.problem });
      }
      continue;
    }
    const r = tryOverrides(base, overrides);
    for (const { key, kind, problem } of r.problems) {
      const { file: _f, line: _l, col: _c, ...rest } = problem;
      out.push({ ...rest, ...here(key, kind === 'path' ? 'key' : 'value'), path: `variants.${name}.${kind === 'path' ? key : problem.path}` });
    }
  }
  return out;
}

/** Parses, validates and defaults a scenario; throws an InputError naming every problem. */
export function loadScenario(text: string, fileName = 'scenario.yaml'): Scenario {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const json = /\.json$/i.test(fileName) ? jsonProblem(text, fileName, lines) : undefined;
  if (json) throw new InputError([json]);
  if (doc.errors.length > 0) throw new InputError(syntaxProblems(doc.errors, fileName));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new InputError([{ file: fileName, path: '', expected: `well-formed YAML: ${lower((e as Error).message)}` }], { cause: e });
  }
  data ??= {};
  const locate = locator(doc, lines);
  const parsed = ScenarioSchema.safeParse(data, { error: expectation, reportInput: true });
  const problems = parsed.success ? [] : issuesToProblems(parsed.error.issues, { file: fileName, input: data, schema: ScenarioSchema, locate });
  problems.push(...variantProblems(parsed.success ? parsed.data : undefined, data, fileName, locate));
  if (problems.length > 0 || !parsed.success) throw new InputError(problems.sort(byPosition));
  return parsed.data;
}
