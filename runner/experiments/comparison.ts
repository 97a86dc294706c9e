// comparison.json from the finished runs: per metric and variant the mean and 95 % CI over the
// replications, and per non-baseline variant the paired difference to the baseline (replication r of
// every variant has the same seed: common random numbers) with its CI and significance; plus curves
// averaged per variant for the comparison page. A function of the runs only, in a fixed order, so it
// is the same whatever the worker count or the order in which runs finished.
import type { RunResult } from '../../engine/result.ts';
import { LIVELAB_VERSION } from '../version.ts';
import { metricValues, orderMetrics } from './metrics.ts';
import { estimate, pairedDifference } from './stats.ts';
import type { ComparisonThreshold } from './thresholds.ts';
import type { ComparisonCurve, ComparisonMetric, ComparisonResult, ExperimentTiming, RunSummary, RunTask } from './types.ts';

export function summariseRun(t: RunTask, r: RunResult, withCurves: boolean): RunSummary {
  const metrics = Object.fromEntries(metricValues(r));
  const s: RunSummary = { label: t.label, rep: t.rep, seed: t.seed, digest: r.digest, metrics };
  const d = r.detail;
  if (withCurves && d) {
    const survival = survivalPoints((d as { survival?: { all?: unknown } }).survival?.all);
    s.curves = { binMs: d.binMs, concurrent: d.concurrent, gmv: d.gmv, ...(survival ? { survival } : {}) };
  }
  return s;
}

/**
 * The run's survival curve as points in ms: the report-detail shape (engine/result-detail.ts:
 * `{ n, tSec, survival }`) or the earlier list of `{ t, survival }` (run files saved before it).
 */
function survivalPoints(all: unknown): { t: number; survival: number }[] | undefined {
  if (Array.isArray(all)) return all as { t: number; survival: number }[];
  const c = all as { tSec?: unknown; survival?: unknown } | undefined;
  if (!c || !Array.isArray(c.tSec) || !Array.isArray(c.survival)) return undefined;
  const s = c.survival as number[];
  return (c.tSec as number[]).map((t, i) => ({ t: t * 1000, survival: s[i]! }));
}

export interface ComparisonInput {
  scenario: { name: string; hash: string; description?: string; file: string };
  variants: string[];
  baseline: string;
  replications: number;
  seed: number;
  viewers: number;
  durationMinutes: number;
}

/** what `livelab compare` writes: ComparisonResult plus the run list and timing (passthrough fields) */
export type Comparison = ComparisonResult & {
  durationMinutes: number;
  runs: { variant: string; rep: number; seed: number; digest: string }[];
  /** metrics some replications did not report (e.g. alertPrecision when no alert was raised) */
  partial?: { metric: string; variant: string; n: number }[];
  /** the scenario's thresholds per variant, on the means over the replications (thresholds.ts); absent when there are none */
  thresholds?: ComparisonThreshold[];
  timing: ExperimentTiming;
};

/** runs[v][r]: variant v (input.variants order), replication r */
export function buildComparison(input: ComparisonInput, runs: readonly (readonly RunSummary[])[], timing: ExperimentTiming): Comparison {
  const order = orderMetrics(runs.flatMap((rs) => rs.flatMap((r) => Object.keys(r.metrics))));
  const b = input.variants.indexOf(input.baseline);
  const metrics: ComparisonMetric[] = [];
  const partial: NonNullable<Comparison['partial']> = [];
  for (const metric of order) {
    const base = runs[b]!.map((r) => r.metrics[metric]);
    input.variants.forEach((variant, v) => {
      const vals = runs[v]!.map((r) => r.metrics[metric]);
      const present = vals.filter((x): x is number => x !== undefined);
      if (present.length === 0) return;
      if (present.length < vals.length) partial.push({ metric, variant, n: present.length });
      const e = estimate(present);
      const m: ComparisonMetric = { metric, variant, mean: e.mean, ci95: e.ci95 };
      if (v !== b) {
        const d = pairedDifference(base, vals);
        if (d.n > 0) m.diff = { mean: d.mean, ci95: d.ci95, significant: d.significant };
      }
      metrics.push(m);
    });
  }
  return {
    kind: 'comparison',
    livelabVersion: LIVELAB_VERSION,
    scenario: { name: input.scenario.name, hash: input.scenario.hash, ...(input.scenario.description ? { description: input.scenario.description } : {}), file: input.scenario.file },
    variants: input.variants,
    baseline: input.baseline,
    replications: input.replications,
    seed: input.seed,
    viewers: input.viewers,
    durationMinutes: input.durationMinutes,
    metrics,
    curves: curves(input.variants, runs),
    runs: runs.flatMap((rs, v) => rs.map((r) => ({ variant: input.variants[v]!, rep: r.rep, seed: r.seed, digest: r.digest }))),
    ...(partial.length > 0 ? { partial } : {}),
    timing,
  };
}

/** element-wise mean of equally long series (cut to the shortest) */
function meanSeries(xs: readonly (readonly number[])[]): number[] {
  if (xs.length === 0) return [];
  const n = Math.min(...xs.map((x) => x.length));
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (const x of xs) s += x[i]!;
    out.push(s / xs.length);
  }
  return out;
}

const cumulative = (xs: readonly number[]): number[] => {
  let s = 0;
  return xs.map((x) => (s += x));
};

function curves(variants: readonly string[], runs: readonly (readonly RunSummary[])[]): ComparisonCurve[] {
  const withCurves = runs.map((rs) => rs.flatMap((r) => (r.curves ? [r.curves] : [])));
  if (withCurves.some((rs) => rs.length === 0)) return [];
  const binMin = withCurves[0]![0]!.binMs / 60_000;
  const perVariant = (f: (c: NonNullable<RunSummary['curves']>) => readonly number[] | undefined, x: (i: number, c: NonNullable<RunSummary['curves']>) => number) =>
    Object.fromEntries(
      variants.map((v, i) => {
        const cs = withCurves[i]!;
        const y = meanSeries(cs.map(f).filter((s): s is readonly number[] => s !== undefined));
        return [v, { x: y.map((_, j) => x(j, cs[0]!)), y }];
      }),
    );
  const out: ComparisonCurve[] = [
    { name: 'concurrent', title: 'Viewers in the room (mean over replications)', xLabel: 'minute of the show', yLabel: 'viewers', byVariant: perVariant((c) => c.concurrent, (j) => (j + 1) * binMin) },
    { name: 'gmv', title: 'Cumulative GMV (mean over replications)', xLabel: 'minute of the show', yLabel: 'GMV, yuan', byVariant: perVariant((c) => cumulative(c.gmv), (j) => (j + 1) * binMin) },
  ];
  if (withCurves.every((cs) => cs.every((c) => c.survival))) {
    out.push({
      name: 'survival',
      title: 'Watch-time survival (Kaplan–Meier, mean over replications)',
      xLabel: 'minutes watched',
      yLabel: 'share still watching',
      byVariant: perVariant((c) => c.survival!.map((p) => p.survival), (j, c) => c.survival![j]!.t / 60_000),
    });
  }
  return out;
}
