// Thresholds in a comparison. A scenario's `thresholds` (k6-style `metric op value`) are evaluated
// per variant on the mean of the metric over that variant's replications (the value the comparison
// table shows), with the variant's own thresholds (a variant may override them). A metric that no
// replication of the variant reported (null in every run, e.g. alertPrecision with no alert raised) is
// NaN and fails, as in `livelab run`. Any failing row makes `livelab compare` exit 1. A threshold on a
// metric a run cannot have is bad input, found before anything runs.
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';
import { didYouMean, formatThreshold, THRESHOLD_OPS, type Scenario } from '../../scenarios/schema/index.ts';
import type { ComparisonMetric } from './types.ts';
import { isMetricName, metricPatterns } from './metrics.ts';

export interface ComparisonThreshold {
  variant: string;
  /** 'qoe.startupMs.p95 < 2000' */
  expression: string;
  /** the metric's mean over the variant's replications (null: no replication reported it) */
  actual: number | null;
  pass: boolean;
}

/** every threshold of every variant names a metric a run can report; else the InputError (before running) */
export function checkThresholdMetrics(file: string, variants: readonly string[], scenarios: readonly Scenario[]): void {
  const patterns = metricPatterns();
  const names = patterns.filter((p) => !p.includes('*'));
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  scenarios.forEach((s, v) => {
    s.thresholds.forEach((t, i) => {
      if (isMetricName(t.metric, patterns) || seen.has(t.metric)) return;
      seen.add(t.metric);
      const hint = didYouMean(t.metric, names);
      problems.push({ file, path: `thresholds[${i}]${v > 0 || variants.length > 1 ? ` (variant ${variants[v]})` : ''}`, expected: 'a numeric metric of result.json (not engine.*), e.g. commerce.gmv, qoe.startupMs.p95', value: t.metric, ...(hint ? { hint } : {}) });
    });
  });
  if (problems.length > 0) throw new InputError(problems);
}

/** one row per (variant, threshold), variants in comparison order, thresholds in file order */
export function comparisonThresholds(variants: readonly string[], scenarios: readonly Scenario[], metrics: readonly ComparisonMetric[]): ComparisonThreshold[] {
  const mean = new Map(metrics.map((m) => [`${m.variant}\u0000${m.metric}`, m.mean]));
  return variants.flatMap((variant, v) =>
    scenarios[v]!.thresholds.map((t) => {
      const actual = mean.get(`${variant}\u0000${t.metric}`);
      // absent: no replication had a value; NaN fails every comparison but != (as k6 and `livelab run`)
      const x = actual ?? Number.NaN;
      return { variant, expression: formatThreshold(t), actual: actual ?? null, pass: THRESHOLD_OPS[t.op](x, t.value) };
    }),
  );
}
