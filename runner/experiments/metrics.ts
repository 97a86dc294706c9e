// The metrics an experiment compares: every numeric leaf of result.json as a dotted path, except the
// wall-clock figures (engine.*), the report detail (detail.*), threshold rows and the run seed. Key
// metrics come first, in a fixed order; the rest follow in result.json's own order.
import { z } from 'zod';
import { RunResultSchema, type RunResult } from '../../engine/result.ts';

const EXCLUDED_TOP = new Set(['engine', 'detail', 'thresholds', 'seed', 'schemaVersion']);

/** the metrics a strategist reads first (tables and README), in this order */
export const KEY_METRICS = [
  'commerce.gmv',
  'commerce.aov',
  'commerce.conversionRate',
  'commerce.returnRate',
  'commerce.crossSellRate',
  'viewers.meanWatchSeconds',
  'viewers.retention.60',
  'viewers.retention.300',
  'viewers.retention.1800',
  'qoe.startupMs.p95',
] as const;

const isKey = (m: string): boolean => (KEY_METRICS as readonly string[]).includes(m) || m.startsWith('marketing.');

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** every finite numeric leaf of a result, keyed by dotted path (nulls, NaN and strings are absent) */
export function metricValues(r: RunResult): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (v: unknown, prefix: string): void => {
    if (typeof v === 'number') {
      if (Number.isFinite(v)) out.set(prefix, v);
      return;
    }
    if (!isObj(v)) return;
    for (const [k, x] of Object.entries(v)) {
      if (prefix === '' && EXCLUDED_TOP.has(k)) continue;
      walk(x, prefix ? `${prefix}.${k}` : k);
    }
  };
  walk(r, '');
  return out;
}

/** key metrics first (fixed order, then marketing.* in first-seen order), then the rest in first-seen order */
export function orderMetrics(seen: Iterable<string>): string[] {
  const all = [...new Set(seen)];
  const present = new Set(all);
  const head = KEY_METRICS.filter((m) => present.has(m));
  const marketing = all.filter((m) => m.startsWith('marketing.'));
  const rest = all.filter((m) => !isKey(m));
  return [...head, ...marketing, ...rest];
}

export const isKeyMetric = isKey;

// ── which metric names a result can have, from the schema (to check --objective before running) ───

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; valueType?: z.ZodType; in?: z.ZodType };

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Metric path patterns of RunResult: `*` stands for a record key (e.g. `qoe.byNetwork.*.startupMs.p50`).
 * Built by walking the zod schema, so new result fields are picked up without a list to maintain.
 */
export function metricPatterns(): string[] {
  const out: string[] = [];
  const walk = (s: z.ZodType, prefix: string): void => {
    const d = defOf(s);
    switch (d.type) {
      case 'number':
        out.push(prefix);
        return;
      case 'optional':
      case 'nullable':
      case 'default':
      case 'readonly':
        walk(d.innerType!, prefix);
        return;
      case 'pipe':
        if (d.in) walk(d.in, prefix);
        return;
      case 'record':
        walk(d.valueType!, `${prefix}.*`);
        return;
      case 'object':
        for (const [k, v] of Object.entries(d.shape ?? {})) {
          if (prefix === '' && EXCLUDED_TOP.has(k)) continue;
          walk(v, prefix ? `${prefix}.${k}` : k);
        }
        return;
      default:
        return;
    }
  };
  walk(RunResultSchema as unknown as z.ZodType, '');
  return out;
}

/** does `metric` name a metric a run can report (record keys: any name) */
export function isMetricName(metric: string, patterns: readonly string[] = metricPatterns()): boolean {
  const parts = metric.split('.');
  return patterns.some((p) => {
    const q = p.split('.');
    return q.length === parts.length && q.every((x, i) => x === '*' || x === parts[i]);
  });
}
