// What an experiment is made of: runs (one show each: a variant or sweep setting, a replication, its
// seed), the compact summary kept of each finished run, and the manifest that lets `--resume DIR` pick
// an experiment up again. comparison.json's type is engine/result-detail.ts's ComparisonResult (the
// report renders it); sweep.json's is SweepResult below.
import type { Scenario } from '../../scenarios/schema/index.ts';

export type { ComparisonResult, ComparisonMetric, ComparisonCurve } from '../../engine/result-detail.ts';

/** one show to simulate */
export interface RunTask {
  /** the variant's name (compare) or the setting's label (sweep) */
  label: string;
  /** replication index: seed = base seed + rep */
  rep: number;
  seed: number;
  /** the scenario as run: variant or setting applied, seed set */
  scenario: Scenario;
  /** scenarioHash(scenario): a saved run is reused on --resume only when its hash matches */
  hash: string;
}

/** what an experiment keeps of a finished run (the full result.json stays in DIR/runs/) */
export interface RunSummary {
  label: string;
  rep: number;
  seed: number;
  digest: string;
  /** every compared metric (metrics.ts): dotted path → value */
  metrics: Record<string, number>;
  /** detail series for the comparison's curves (compare only) */
  curves?: {
    binMs: number;
    concurrent: number[];
    gmv: number[];
    survival?: { t: number; survival: number }[];
  };
}

/** DIR/experiment.json: the command's arguments, so `--resume DIR` alone can continue */
export interface ExperimentManifest {
  kind: 'compare' | 'sweep';
  livelabVersion: string;
  /** runner/version.ts modelFingerprint() of the code that made the runs: --resume refuses another */
  model?: string;
  /** scenario file as given (relative to the folder the command ran in) */
  file: string;
  /** the command's options that define the runs (strings as typed, or lists) */
  options: Record<string, string | string[] | undefined>;
}

/** timing: the only part of comparison.json / sweep.json that depends on the machine and worker count */
export interface ExperimentTiming {
  wallMs: number;
  workers: number;
  /** runs simulated by this invocation */
  computed: number;
  /** runs read back from DIR/runs (--resume) */
  resumed: number;
}

export interface Objective {
  metric: string;
  direction: 'max' | 'min';
}

export interface SweepParam {
  path: string;
  values: unknown[];
}

export interface SweepSetting {
  label: string;
  /** path → value, in --param order */
  overrides: Record<string, unknown>;
  /** mean and 95 % CI per metric (metrics.ts order) */
  metrics: Record<string, { mean: number; ci95: [number, number] }>;
}

export interface SweepBest {
  objective: string;
  direction: 'max' | 'min';
  label: string;
  overrides: Record<string, unknown>;
  mean: number;
  ci95: [number, number];
  /** the paired difference (best − runner-up) over the common replications */
  runnerUp?: { label: string; overrides: Record<string, unknown>; mean: number; diff: { mean: number; ci95: [number, number]; significant: boolean } };
}

export interface SweepResult {
  kind: 'sweep';
  livelabVersion: string;
  scenario: { name: string; hash: string; description?: string; file: string; variant?: string };
  params: SweepParam[];
  replications: number;
  seed: number;
  viewers: number;
  durationMinutes: number;
  objectives: Objective[];
  settings: SweepSetting[];
  best: SweepBest[];
  runs: { label: string; rep: number; seed: number; digest: string }[];
  timing: ExperimentTiming;
}
