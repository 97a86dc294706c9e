// `livelab compare [scenario]`: every variant R times with common random numbers (replication r of
// each variant runs with seed base + r), on a pool of worker threads; DIR/runs/<variant>-<rep>.json as
// each run finishes, then DIR/comparison.json (+ comparison.html) and a table on stdout.
import path from 'node:path';
import type { Command } from 'commander';
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';
import { applyOverrides, didYouMean, FLAG_PATHS, variantNames, variantScenario, type Scenario } from '../../scenarios/schema/index.ts';
import { buildComparison, summariseRun, type Comparison } from '../experiments/comparison.ts';
import { executeRuns } from '../experiments/execute.ts';
import { comparisonTable } from '../experiments/format.ts';
import { checkThresholdMetrics, comparisonThresholds } from '../experiments/thresholds.ts';
import { progressBar } from '../experiments/progress.ts';
import { buildTasks, byGroup, commonNumbers, mergeResume, onInterrupt, RUN_DEFINING, type ExperimentFlags } from '../experiments/setup.ts';
import { loadSavedRuns, writeManifest } from '../experiments/store.ts';
import { scenarioHash } from '../sim/results.ts';
import { resolveScenario } from '../scenario-input.ts';
import { writeAtomic } from '../output.ts';
import type { CliIo } from '../io.ts';
import { LIVELAB_VERSION, modelFingerprint } from '../version.ts';

interface CompareFlags extends ExperimentFlags {
  variants?: string;
  report?: boolean;
  allMetrics?: boolean;
}

/** comparison.html through reports/, when that module is present (loaded lazily: it inlines the Vega runtime) */
async function renderComparisonHtml(c: Comparison): Promise<string | null> {
  try {
    const spec = '../../reports/index.ts';
    const mod = (await import(spec)) as { renderComparison?: (c: Comparison, assets: unknown) => string; loadReportAssets?: () => unknown };
    if (!mod.renderComparison || !mod.loadReportAssets) return null;
    return mod.renderComparison(c, mod.loadReportAssets());
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw e;
  }
}

const hint = (v: string, all: string[]) => {
  const h = didYouMean(v, all);
  return h ? { hint: h } : {};
};

/** the scenario of each variant with the command-line flags applied on top (flags win, as in `livelab run`) */
export async function compareScenarios(file: string | undefined, flags: CompareFlags): Promise<{ file: string; base: Scenario; variants: string[]; baseline: string; scenarios: Scenario[] }> {
  const { scenario: base, file: f } = await resolveScenario(file, flags);
  const all = variantNames(base);
  const problems: InputProblem[] = [];
  const wanted = flags.variants === undefined ? all : flags.variants.split(',').map((v) => v.trim());
  for (const v of wanted) {
    if (v === '' || !all.includes(v)) problems.push({ file: f, path: '--variants', expected: `a comma-separated list of the scenario's variants (${all.join(', ')})`, value: v, ...hint(v, all) });
  }
  const dup = wanted.find((v, i) => wanted.indexOf(v) !== i);
  if (dup !== undefined) problems.push({ path: '--variants', expected: 'each variant once', value: dup });
  if (problems.length > 0) throw new InputError(problems);
  const o: Record<string, unknown> = {};
  if (flags.seed !== undefined) o[FLAG_PATHS.seed] = base.seed;
  if (flags.viewers !== undefined) o[FLAG_PATHS.viewers] = base.audience.size;
  if (flags.duration !== undefined) o[FLAG_PATHS.duration] = base.show.durationMinutes;
  const scenarios = wanted.map((v) => {
    const s = variantScenario(base, v);
    return Object.keys(o).length > 0 ? applyOverrides(s, o) : s;
  });
  const baseline = wanted.includes('baseline') ? 'baseline' : wanted[0]!;
  return { file: f, base, variants: wanted, baseline, scenarios };
}

export function registerCompare(program: Command, io: CliIo): void {
  program
    .command('compare')
    .description('run each variant R times with common random numbers and compare them to the baseline (mean, 95 % CI, paired difference)')
    .argument('[scenario]', 'scenario file (default: scenarios/default.yaml, or the --resume folder\'s)')
    .option('--variants <list>', 'variants to compare, comma-separated (default: all; the reference is `baseline` if listed, else the first)')
    .option('--replications <n>', 'runs per variant; replication r uses seed + r in every variant (default 10)')
    .option('--workers <n>', 'worker threads, one run each (default: CPU count; results are identical for any count)')
    .option('--seed <n>', 'base seed (overrides the scenario)')
    .option('--viewers <n>', 'audience size per run (overrides audience.size)')
    .option('--duration <d>', 'show length: minutes, 90m, 2h (overrides show.durationMinutes)')
    .option('--out <dir>', 'output folder (default out/<scenario>-compare-<seed>/)')
    .option('--resume <dir>', 'continue an interrupted comparison in DIR: finished runs are not recomputed')
    .option('--all-metrics', 'print every metric (default: key metrics and the others that differ significantly)')
    .option('--no-report', 'skip comparison.html')
    .option('--no-progress', 'no progress bar on stderr')
    .action(async (fileArg: string | undefined, given: CompareFlags) => {
      const { file: file0, flags } = mergeResume('compare', fileArg, given, ['variants', ...RUN_DEFINING]);
      const problems: InputProblem[] = [];
      const { replications, workers } = commonNumbers(flags, problems);
      if (problems.length > 0) throw new InputError(problems);
      const { file, base, variants, baseline, scenarios } = await compareScenarios(file0, flags);
      checkThresholdMetrics(file, variants, scenarios);
      const tasks = buildTasks(variants.map((label, i) => ({ label, scenario: scenarios[i]! })), replications);
      const dir = flags.resume ?? flags.out ?? path.join('out', `${base.name}-compare-${base.seed}`);
      const saved = flags.resume !== undefined ? loadSavedRuns(dir, tasks) : { found: new Map(), unreadable: [] };
      for (const u of saved.unreadable) io.err(`warning: ${u} is not a complete run; it will be run again`);

      // nothing is written before this point: every input problem has been reported
      writeManifest(dir, {
        kind: 'compare',
        livelabVersion: LIVELAB_VERSION,
        model: modelFingerprint(),
        file,
        options: { variants: variants.join(','), replications: String(replications), seed: flags.seed, viewers: flags.viewers, duration: flags.duration },
      });
      const bar = flags.progress !== false ? progressBar('compare') : null;
      const release = onInterrupt(io, 'compare', dir, () => bar?.stop());
      let result: Awaited<ReturnType<typeof executeRuns>>;
      try {
        result = await executeRuns(tasks, { dir, workers, saved: saved.found, progress: bar, summarise: (t, r) => summariseRun(t, r, true) });
      } finally {
        release();
      }
      const runs = byGroup(variants, result.summaries, replications);
      const comparison = buildComparison(
        {
          scenario: { name: base.name, hash: scenarioHash(base), ...(base.description ? { description: base.description.trim() } : {}), file },
          variants,
          baseline,
          replications,
          seed: base.seed,
          viewers: base.audience.size,
          durationMinutes: base.show.durationMinutes,
        },
        runs,
        result.timing,
      );
      const thresholds = comparisonThresholds(variants, scenarios, comparison.metrics);
      if (thresholds.length > 0) comparison.thresholds = thresholds;
      const written = [path.join(dir, 'comparison.json')];
      writeAtomic(written[0]!, `${JSON.stringify(comparison, null, 2)}\n`);
      if (flags.report !== false) {
        const html = await renderComparisonHtml(comparison);
        if (html !== null) {
          written.push(path.join(dir, 'comparison.html'));
          writeAtomic(written[1]!, html);
        }
      }
      io.out(`${base.name}: ${variants.join(' vs ')}, ${replications} replication(s) of ${base.audience.size.toLocaleString('en')} viewers × ${base.show.durationMinutes} min (seeds ${base.seed}…${base.seed + replications - 1})\n`);
      io.out(`${comparisonTable(comparison, { all: flags.allMetrics === true })}\n`);
      io.out(`± : half-width of the 95 % CI (Student t; rates in percentage points); Δ: paired difference to ${baseline}; ✱ significant (the CI excludes 0)\n`);
      const t = result.timing;
      const failed = thresholds.filter((x) => !x.pass);
      if (thresholds.length > 0) io.out(`thresholds (on the means over the replications): ${thresholds.length - failed.length} of ${thresholds.length} pass\n`);
      io.err(`${tasks.length} runs (${t.computed} simulated, ${t.resumed} resumed) in ${(t.wallMs / 1000).toFixed(1)} s on ${workers} worker(s); wrote ${written.join(', ')}`);
      for (const x of failed) io.err(`threshold failed: ${x.variant}: ${x.expression} (mean ${x.actual ?? 'no data'})`);
      if (failed.length > 0) io.setExitCode(1);
    });
}
