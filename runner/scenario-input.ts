// The scenario a command runs: the file (default scenarios/default.yaml), a variant, and the common
// flags (--seed, --viewers, --duration) applied as overrides, all validated before anything runs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, type InputProblem } from '../engine/kernel/index.ts';
import { FLAG_PATHS, applyOverrides, variantNames, variantScenario, type Scenario } from '../scenarios/schema/index.ts';
import { readScenarioFile } from './commands/scenario.ts';

export const DEFAULT_SCENARIO = 'scenarios/default.yaml';

/** `scenarios/default.yaml` from the current folder, else from the installed package */
export function defaultScenarioPath(): string {
  if (existsSync(DEFAULT_SCENARIO)) return DEFAULT_SCENARIO;
  return path.join(path.dirname(fileURLToPath(import.meta.url)), '..', DEFAULT_SCENARIO);
}

export interface CommonFlags {
  seed?: string;
  viewers?: string;
  duration?: string;
  variant?: string;
}

function intFlag(name: string, v: string | undefined, min: number, problems: InputProblem[]): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) problems.push({ path: `--${name}`, expected: `an integer ≥ ${min}`, value: v });
  return n;
}

/** --duration: minutes as a number, or 90m / 2h / 1h30m */
function durationFlag(v: string | undefined, problems: InputProblem[]): number | undefined {
  if (v === undefined) return undefined;
  const m = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m?)?$/.exec(v.trim());
  const minutes = m && (m[1] || m[2]) ? Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) : NaN;
  if (!(minutes > 0)) problems.push({ path: '--duration', expected: 'a duration in minutes (e.g. 120, 90m, 2h, 1h30m)', value: v });
  return minutes;
}

export async function resolveScenario(file: string | undefined, flags: CommonFlags): Promise<{ scenario: Scenario; file: string; variant?: string }> {
  const f = file ?? defaultScenarioPath();
  let s = await readScenarioFile(f);
  const problems: InputProblem[] = [];
  if (flags.variant !== undefined && !variantNames(s).includes(flags.variant)) {
    problems.push({ file: f, path: '--variant', expected: `one of the scenario's variants (${variantNames(s).join(', ')})`, value: flags.variant });
  }
  const seed = intFlag('seed', flags.seed, 0, problems);
  const viewers = intFlag('viewers', flags.viewers, 1, problems);
  const duration = durationFlag(flags.duration, problems);
  if (problems.length > 0) throw new InputError(problems);
  if (flags.variant !== undefined) s = variantScenario(s, flags.variant);
  const o: Record<string, unknown> = {};
  if (seed !== undefined) o[FLAG_PATHS.seed] = seed;
  if (viewers !== undefined) o[FLAG_PATHS.viewers] = viewers;
  if (duration !== undefined) o[FLAG_PATHS.duration] = duration;
  if (Object.keys(o).length > 0) s = applyOverrides(s, o);
  return { scenario: s, file: f, ...(flags.variant !== undefined ? { variant: flags.variant } : {}) };
}
