// Thresholds against a run's result: one pass/fail row per threshold. A metric path that the result
// does not have is an input error naming the valid numeric paths (the file's fault, not the run's); a
// metric that is null in this run (no data, e.g. alertPrecision when no alert was raised) fails.
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';
import { didYouMean } from './levenshtein.ts';
import { formatThreshold, type Threshold } from './sections/thresholds.ts';

export interface ThresholdRow {
  /** 'qoe.startupMs.p95 < 2000' */
  threshold: string;
  metric: string;
  op: Threshold['op'];
  limit: number;
  actual: number;
  pass: boolean;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every dotted path to a number in the result, in document order. */
export function metricPaths(result: unknown, prefix = ''): string[] {
  if (!isObj(result)) return [];
  return Object.entries(result).flatMap(([k, v]) => {
    const p = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'number' ? [p] : metricPaths(v, p);
  });
}

function lookup(result: unknown, metric: string): unknown {
  let cur = result;
  for (const k of metric.split('.')) cur = isObj(cur) ? cur[k] : undefined;
  return cur;
}

/** a threshold's comparison, by operator (shared with compare's per-variant thresholds) */
export const THRESHOLD_OPS: Record<Threshold['op'], (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** Evaluates every threshold; throws an InputError listing each metric the result does not have. */
export function evaluateThresholds(result: unknown, thresholds: readonly Threshold[]): ThresholdRow[] {
  const problems: InputProblem[] = [];
  let valid: string[] | undefined;
  const rows = thresholds.flatMap((t, i): ThresholdRow[] => {
    const found = lookup(result, t.metric);
    // null: the metric is there but has no data in this run (e.g. alertPrecision with no alert): NaN
    const actual = found === null ? Number.NaN : found;
    if (typeof actual !== 'number') {
      valid ??= metricPaths(result);
      const hint = didYouMean(t.metric, valid);
      problems.push({ path: `thresholds[${i}]`, value: t.metric, expected: `a numeric metric of result.json: ${valid.join(', ')}`, ...(hint ? { hint } : {}) });
      return [];
    }
    // NaN (an empty group, e.g. no orders) fails every comparison but !=, as in k6
    return [{ threshold: formatThreshold(t), metric: t.metric, op: t.op, limit: t.value, actual, pass: THRESHOLD_OPS[t.op](actual, t.value) }];
  });
  if (problems.length > 0) throw new InputError(problems);
  return rows;
}
