// `thresholds`: k6-style pass/fail criteria on result.json metrics, written `metric op value`
// (`qoe.startupMs.p95 < 2000`). Parsed at load into {metric, op, value}; a failing one makes
// `livelab run` exit 1 (evaluated by ../thresholds-eval.ts).
import { z } from 'zod';
import { didYouMean } from '../levenshtein.ts';
import { METRIC_GROUPS, THRESHOLD_OPS, type ThresholdOp } from '../vocab.ts';

export interface Threshold {
  /** dotted path into result.json, e.g. 'qoe.startupMs.p95' */
  metric: string;
  op: ThresholdOp;
  value: number;
}

export const THRESHOLD_SYNTAX = /^\s*([A-Za-z_][\w-]*(?:\.[\w-]+)+)\s*(<=|>=|==|!=|<|>)\s*(-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*$/;
const PHRASE = "a threshold 'metric op value', e.g. 'qoe.startupMs.p95 < 2000' (op: <, <=, >, >=, ==, !=)";

/** The threshold, or a reason it is not one. */
export function parseThreshold(s: string): Threshold | { problem: string; hint?: string } {
  const m = THRESHOLD_SYNTAX.exec(s);
  if (!m) return { problem: PHRASE };
  const metric = m[1]!;
  const group = metric.slice(0, metric.indexOf('.'));
  if (!(METRIC_GROUPS as readonly string[]).includes(group)) {
    const hint = didYouMean(group, METRIC_GROUPS);
    return { problem: `a metric in one of the result groups ${METRIC_GROUPS.join(', ')}`, ...(hint ? { hint } : {}) };
  }
  return { metric, op: m[2] as ThresholdOp, value: Number(m[3]) };
}

export function formatThreshold(t: Threshold): string {
  return `${t.metric} ${t.op} ${t.value}`;
}

export const ThresholdSchema = z
  .string({ error: PHRASE })
  .regex(THRESHOLD_SYNTAX, { error: PHRASE })
  .transform((s, ctx): Threshold => {
    const t = parseThreshold(s);
    if ('problem' in t) {
      ctx.addIssue({ code: 'custom', input: s, message: t.problem, params: t.hint ? { hint: t.hint } : {} });
      return z.NEVER;
    }
    return t;
  })
  .describe(PHRASE);

export const ThresholdsSchema = z.array(ThresholdSchema, { error: 'a list of thresholds' });
export { THRESHOLD_OPS };
