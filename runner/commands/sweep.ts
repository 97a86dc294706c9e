// `livelab sweep [scenario] --param path=v1,v2,… [--param …]`: the grid of parameter values, each
// setting R times with common random numbers, on the worker pool; DIR/sweep.json, DIR/sweep.csv, the
// best setting per --objective, and a table on stdout.
import path from 'node:path';
import type { Command } from 'commander';
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';
import { applyOverrides, FLAG_PATHS, tryOverrides, type Scenario } from '../../scenarios/schema/index.ts';
import { summariseRun } from '../experiments/comparison.ts';
import { executeRuns } from '../experiments/execute.ts';
import { fmtHalf, fmtValue, formatParam, sweepTable } from '../experiments/format.ts';
import { isMetricName, metricPatterns } from '../experiments/metrics.ts';
import { progressBar } from '../experiments/progress.ts';
import { buildTasks, byGroup, commonNumbers, mergeResume, onInterrupt, RUN_DEFINING, type ExperimentFlags } from '../experiments/setup.ts';
import { loadSavedRuns, writeManifest } from '../experiments/store.ts';
import { buildSweep, grid, parseObjective, parseParam, settingLabel, sweepCsv } from '../experiments/sweep.ts';
import type { Objective, SweepParam, SweepResult } from '../experiments/types.ts';
import { scenarioHash } from '../sim/results.ts';
import { resolveScenario } from '../scenario-input.ts';
import { writeAtomic } from '../output.ts';
import type { CliIo } from '../io.ts';
import { LIVELAB_VERSION, modelFingerprint } from '../version.ts';

interface SweepFlags extends ExperimentFlags {
  param?: string[];
  objective?: string[];
  variant?: string;
  report?: boolean;
}

/** sweep.html through reports/sweep, when the reports module is present (loaded lazily: it inlines the Vega runtime) */
async function renderSweepHtml(s: SweepResult): Promise<string | null> {
  try {
    const sweepSpec = '../../reports/sweep/index.ts';
    const assetsSpec = '../../reports/assets.ts';
    const [mod, assets] = (await Promise.all([import(sweepSpec), import(assetsSpec)])) as [{ renderSweep?: (s: SweepResult, assets: unknown) => string }, { loadReportAssets?: () => unknown }];
    if (!mod.renderSweep || !assets.loadReportAssets) return null;
    return mod.renderSweep(s, assets.loadReportAssets());
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw e;
  }
}

const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

/** at most this many settings (a typo such as 1..1000 should not start a week of simulation) */
const MAX_SETTINGS = 1000;

/** the parameters and objectives, every problem at once */
function parseSpecs(flags: SweepFlags): { params: SweepParam[]; objectives: Objective[] } {
  const problems: InputProblem[] = [];
  const params: SweepParam[] = [];
  const specs = flags.param ?? [];
  if (specs.length === 0) problems.push({ path: '--param', expected: 'at least one --param path=v1,v2,…, e.g. --param strategy.promoTiming.countdownSeconds.peak=30,60,90' });
  for (const spec of specs) {
    try {
      params.push(parseParam(spec));
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  const seen = new Set<string>();
  for (const p of params) {
    if (seen.has(p.path)) problems.push({ path: '--param', expected: 'each path once (list all its values in one --param)', value: p.path });
    seen.add(p.path);
  }
  const patterns = metricPatterns();
  const objectives: Objective[] = [];
  for (const o of flags.objective ?? ['commerce.gmv:max']) {
    try {
      objectives.push(parseObjective(o, (m) => isMetricName(m, patterns)));
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { params, objectives };
}

/** each value alone against the base scenario, then (if those are fine) every combination */
function settingScenarios(file: string, base: Scenario, params: readonly SweepParam[], flagOverrides: Record<string, unknown>): { settings: Record<string, unknown>[]; scenarios: Scenario[] } {
  const problems: InputProblem[] = [];
  const located = (spec: string, p: InputProblem): InputProblem => ({ ...p, file, path: `--param ${spec}${p.path && p.path !== spec ? ` (${p.path})` : ''}` });
  for (const p of params) {
    for (const v of p.values) {
      const r = tryOverrides(base, { [p.path]: v });
      if (r.scenario === undefined) {
        problems.push(...r.problems.map((x) => located(`${p.path}=${formatParam(v)}`, x.problem)));
        if (r.problems.some((x) => x.kind === 'path')) break; // a bad path: once, not per value
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const settings = grid(params);
  if (settings.length > MAX_SETTINGS) throw new InputError([{ path: '--param', expected: `at most ${MAX_SETTINGS} settings in the grid`, value: settings.length }]);
  const scenarios: Scenario[] = [];
  for (const o of settings) {
    const r = tryOverrides(base, o);
    if (r.scenario === undefined) {
      const spec = Object.entries(o).map(([k, v]) => `${k}=${formatParam(v)}`).join(' ');
      problems.push(...r.problems.map((x) => located(spec, x.problem)));
      if (problems.length >= 10) break;
    } else scenarios.push(Object.keys(flagOverrides).length > 0 ? applyOverrides(r.scenario, flagOverrides) : r.scenario);
  }
  if (problems.length > 0) throw new InputError(problems);
  return { settings, scenarios };
}

export function registerSweep(program: Command, io: CliIo): void {
  program
    .command('sweep')
    .description('run a grid of parameter values (each setting R times, common random numbers) and find the best setting per objective')
    .argument('[scenario]', 'scenario file (default: scenarios/default.yaml, or the --resume folder\'s)')
    .option('--param <path=v1,v2,…>', 'a scenario field and its values (repeat for a grid), e.g. strategy.promoTiming.countdownSeconds.peak=30,60,90', collect)
    .option('--objective <metric[:max|min]>', 'what "best" means (repeatable; default commerce.gmv:max)', collect)
    .option('--variant <name>', 'sweep around one of the scenario\'s variants')
    .option('--replications <n>', 'runs per setting; replication r uses seed + r in every setting (default 10)')
    .option('--workers <n>', 'worker threads, one run each (default: CPU count; results are identical for any count)')
    .option('--seed <n>', 'base seed (overrides the scenario)')
    .option('--viewers <n>', 'audience size per run (overrides audience.size)')
    .option('--duration <d>', 'show length: minutes, 90m, 2h (overrides show.durationMinutes)')
    .option('--out <dir>', 'output folder (default out/<scenario>-sweep-<seed>/)')
    .option('--resume <dir>', 'continue an interrupted sweep in DIR: finished runs are not recomputed')
    .option('--no-report', 'skip sweep.html')
    .option('--no-progress', 'no progress bar on stderr')
    .action(async (fileArg: string | undefined, given: SweepFlags) => {
      const { file: file0, flags } = mergeResume('sweep', fileArg, given, ['param', 'objective', 'variant', ...RUN_DEFINING]);
      const problems: InputProblem[] = [];
      const { replications, workers } = commonNumbers(flags, problems);
      let specs: ReturnType<typeof parseSpecs> | undefined;
      try {
        specs = parseSpecs(flags);
      } catch (e) {
        if (e instanceof InputError) problems.push(...e.problems);
        else throw e;
      }
      if (problems.length > 0 || !specs) throw new InputError(problems);
      const { params, objectives } = specs;
      const { scenario: base, file } = await resolveScenario(file0, { ...flags, ...(flags.variant !== undefined ? { variant: flags.variant } : {}) });
      const flagOverrides: Record<string, unknown> = {};
      if (flags.seed !== undefined) flagOverrides[FLAG_PATHS.seed] = base.seed;
      if (flags.viewers !== undefined) flagOverrides[FLAG_PATHS.viewers] = base.audience.size;
      if (flags.duration !== undefined) flagOverrides[FLAG_PATHS.duration] = base.show.durationMinutes;
      const { settings, scenarios } = settingScenarios(file, base, params, flagOverrides);
      const labels = settings.map((_, i) => settingLabel(i));
      const tasks = buildTasks(labels.map((label, i) => ({ label, scenario: scenarios[i]! })), replications);
      const dir = flags.resume ?? flags.out ?? path.join('out', `${base.name}-sweep-${base.seed}`);
      const saved = flags.resume !== undefined ? loadSavedRuns(dir, tasks) : { found: new Map(), unreadable: [] };
      for (const u of saved.unreadable) io.err(`warning: ${u} is not a complete run; it will be run again`);

      // nothing is written before this point: every input problem has been reported
      writeManifest(dir, {
        kind: 'sweep',
        livelabVersion: LIVELAB_VERSION,
        model: modelFingerprint(),
        file,
        options: { param: flags.param, objective: flags.objective, variant: flags.variant, replications: String(replications), seed: flags.seed, viewers: flags.viewers, duration: flags.duration },
      });
      const bar = flags.progress !== false ? progressBar('sweep') : null;
      const release = onInterrupt(io, 'sweep', dir, () => bar?.stop());
      let result: Awaited<ReturnType<typeof executeRuns>>;
      try {
        result = await executeRuns(tasks, { dir, workers, saved: saved.found, progress: bar, summarise: (t, r) => summariseRun(t, r, false) });
      } finally {
        release();
      }
      const sweep = buildSweep(
        {
          scenario: { name: base.name, hash: scenarioHash(base), ...(base.description ? { description: base.description.trim() } : {}), file, ...(flags.variant !== undefined ? { variant: flags.variant } : {}) },
          params,
          settings,
          replications,
          seed: base.seed,
          viewers: base.audience.size,
          durationMinutes: base.show.durationMinutes,
          objectives,
        },
        byGroup(labels, result.summaries, replications),
        result.timing,
      );
      const json = path.join(dir, 'sweep.json');
      const csv = path.join(dir, 'sweep.csv');
      writeAtomic(json, `${JSON.stringify(sweep, null, 2)}\n`);
      writeAtomic(csv, sweepCsv(sweep));
      const written = [json, csv];
      if (flags.report !== false) {
        const html = await renderSweepHtml(sweep);
        if (html !== null) {
          written.push(path.join(dir, 'sweep.html'));
          writeAtomic(written[2]!, html);
        }
      }
      io.out(`${base.name}: ${settings.length} setting(s) × ${replications} replication(s) of ${base.audience.size.toLocaleString('en')} viewers × ${base.show.durationMinutes} min\n`);
      io.out(`${sweepTable(sweep)}\n`);
      for (const b of sweep.best) {
        const setting = Object.entries(b.overrides).map(([k, v]) => `${k}=${formatParam(v)}`).join(' ');
        const ru = b.runnerUp
          ? `; vs runner-up ${b.runnerUp.label}: ${fmtValue(b.objective, b.runnerUp.diff.mean, true, b.mean)} ± ${fmtHalf(b.objective, b.runnerUp.diff.ci95, b.mean)}${b.runnerUp.diff.significant ? ' (significant)' : ' (not significant)'}`
          : '';
        io.out(`best ${b.direction} ${b.objective}: ${b.label} (${setting}) ${fmtValue(b.objective, b.mean)} ± ${fmtHalf(b.objective, b.ci95, b.mean)}${ru}\n`);
      }
      const t = result.timing;
      io.err(`${tasks.length} runs (${t.computed} simulated, ${t.resumed} resumed) in ${(t.wallMs / 1000).toFixed(1)} s on ${workers} worker(s); wrote ${written.join(', ')}`);
    });
}
