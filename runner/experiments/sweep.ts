// A sweep: the grid of `--param path=v1,v2,…` values (every combination, the last parameter varying
// fastest), each setting run R times with the seeds base + r (common random numbers across settings,
// too), the mean and CI of every metric per setting, and the best setting per objective with the paired
// difference to the runner-up. Pure functions; the command does the I/O.
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';
import { parseOverride } from '../../scenarios/schema/index.ts';
import { LIVELAB_VERSION } from '../version.ts';
import { formatParam } from './format.ts';
import { orderMetrics } from './metrics.ts';
import { estimate, pairedDifference } from './stats.ts';
import type { ExperimentTiming, Objective, RunSummary, SweepBest, SweepParam, SweepResult, SweepSetting } from './types.ts';

/** splits `a,b,[c,d],"e,f"` at the commas outside brackets, braces and quotes */
export function splitValues(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let cur = '';
  for (const ch of text) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** `path=v1,v2,…` → the path and its values (each read as YAML: numbers, booleans, lists) */
export function parseParam(text: string): SweepParam {
  const eq = text.indexOf('=');
  const path = eq > 0 ? text.slice(0, eq).trim() : '';
  const raw = eq > 0 ? splitValues(text.slice(eq + 1)) : [];
  if (path === '' || raw.length === 0 || raw.some((v) => v === '')) {
    throw new InputError([{ path: '--param', expected: 'path=v1,v2,… with a field path and non-empty values, e.g. strategy.promoTiming.countdownSeconds.peak=30,60,90', value: text }]);
  }
  return { path, values: raw.map((v) => parseOverride(`${path}=${v}`).value) };
}

/** every combination of the parameters' values, in order (the last parameter varies fastest) */
export function grid(params: readonly SweepParam[]): Record<string, unknown>[] {
  let out: Record<string, unknown>[] = [{}];
  for (const p of params) out = out.flatMap((o) => p.values.map((v) => ({ ...o, [p.path]: v })));
  return out;
}

/** a setting's label for files and tables: s0, s1, … */
export const settingLabel = (i: number): string => `s${i}`;

/** `metric[:max|min]` (default max) */
export function parseObjective(text: string, isMetric: (m: string) => boolean): Objective {
  const m = /^([^:]+?)(?::(max|min))?$/.exec(text.trim());
  const problems: InputProblem[] = [];
  if (!m) problems.push({ path: '--objective', expected: 'metric[:max|min], e.g. commerce.gmv:max', value: text });
  else if (!isMetric(m[1]!)) problems.push({ path: '--objective', expected: 'a numeric metric of result.json (not engine.*), e.g. commerce.gmv, commerce.aov, viewers.retention.300', value: m[1] });
  if (problems.length > 0) throw new InputError(problems);
  return { metric: m![1]!, direction: (m![2] as 'max' | 'min' | undefined) ?? 'max' };
}

export interface SweepInput {
  scenario: SweepResult['scenario'];
  params: SweepParam[];
  settings: Record<string, unknown>[];
  replications: number;
  seed: number;
  viewers: number;
  durationMinutes: number;
  objectives: Objective[];
}

/** runs[s][r]: setting s, replication r */
export function buildSweep(input: SweepInput, runs: readonly (readonly RunSummary[])[], timing: ExperimentTiming): SweepResult {
  const order = orderMetrics(runs.flatMap((rs) => rs.flatMap((r) => Object.keys(r.metrics))));
  const settings: SweepSetting[] = input.settings.map((overrides, s) => {
    const metrics: SweepSetting['metrics'] = {};
    for (const metric of order) {
      const vals = runs[s]!.map((r) => r.metrics[metric]).filter((x): x is number => x !== undefined);
      if (vals.length === 0) continue;
      const e = estimate(vals);
      metrics[metric] = { mean: e.mean, ci95: e.ci95 };
    }
    return { label: settingLabel(s), overrides, metrics };
  });
  const best = input.objectives.flatMap((o) => {
    const b = bestSettings(settings, o);
    if (b.length === 0) return [];
    const [first, second] = b;
    const s1 = settings[first!]!;
    const out: SweepBest = { objective: o.metric, direction: o.direction, label: s1.label, overrides: s1.overrides, mean: s1.metrics[o.metric]!.mean, ci95: s1.metrics[o.metric]!.ci95 };
    if (second !== undefined) {
      const s2 = settings[second]!;
      const d = pairedDifference(
        runs[second]!.map((r) => r.metrics[o.metric]),
        runs[first!]!.map((r) => r.metrics[o.metric]),
      );
      out.runnerUp = { label: s2.label, overrides: s2.overrides, mean: s2.metrics[o.metric]!.mean, diff: { mean: d.mean, ci95: d.ci95, significant: d.significant } };
    }
    return [out];
  });
  return {
    kind: 'sweep',
    livelabVersion: LIVELAB_VERSION,
    scenario: input.scenario,
    params: input.params,
    replications: input.replications,
    seed: input.seed,
    viewers: input.viewers,
    durationMinutes: input.durationMinutes,
    objectives: input.objectives,
    settings,
    best,
    runs: runs.flatMap((rs) => rs.map((r) => ({ label: r.label, rep: r.rep, seed: r.seed, digest: r.digest }))),
    timing,
  };
}

/** setting indices ranked by the objective's mean, best first (ties keep grid order) */
export function bestSettings(settings: readonly SweepSetting[], o: Objective): number[] {
  const sign = o.direction === 'max' ? -1 : 1;
  return settings
    .map((s, i) => ({ i, v: s.metrics[o.metric]?.mean }))
    .filter((x): x is { i: number; v: number } => x.v !== undefined)
    .sort((a, b) => sign * (a.v - b.v) || a.i - b.i)
    .map((x) => x.i);
}

/** sweep.csv: one row per setting; the parameters, then mean, CI low and CI high of every metric */
export function sweepCsv(s: SweepResult): string {
  const metrics = [...new Set(s.settings.flatMap((st) => Object.keys(st.metrics)))];
  const esc = (x: string) => (/[",\n]/.test(x) ? `"${x.replaceAll('"', '""')}"` : x);
  const head = ['setting', ...s.params.map((p) => p.path), ...metrics.flatMap((m) => [m, `${m}.ci95.lo`, `${m}.ci95.hi`])];
  const rows = s.settings.map((st) => [
    st.label,
    ...s.params.map((p) => formatParam(st.overrides[p.path])),
    ...metrics.flatMap((m) => {
      const e = st.metrics[m];
      return e ? [String(e.mean), String(e.ci95[0]), String(e.ci95[1])] : ['', '', ''];
    }),
  ]);
  return `${[head, ...rows].map((r) => r.map(esc).join(',')).join('\n')}\n`;
}
