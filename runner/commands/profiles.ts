// `livelab profiles list | show NAME | import FILE`: the network profiles, their summary statistics, and
// trace files checked and summarised. Reading the trace file is the only I/O; the rest is network-profiles.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError } from '../../engine/kernel/index.ts';
import {
  PROFILE_NAMES,
  TRACE_FORMATS,
  getProfile,
  importTrace,
  lookupProfile,
  summarizeProfile,
  type ProfileSummary,
  type SampleOptions,
  type Stat,
  type TraceFormat,
} from '../../network-profiles/index.ts';
import type { CliIo } from '../io.ts';

const r2 = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : x);
const roundStat = (s: Stat): Stat => ({ mean: r2(s.mean), p10: r2(s.p10), p50: r2(s.p50), p90: r2(s.p90) });

/** The summary as `--json` prints it: numbers to 2 decimals (loss as a fraction, to 6). */
export function summaryJson(s: ProfileSummary): ProfileSummary {
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    ...s,
    downKbps: roundStat(s.downKbps),
    upKbps: roundStat(s.upKbps),
    rttMs: roundStat(s.rttMs),
    lossRate: r6(s.lossRate),
    burstLossRate: r6(s.burstLossRate),
    outageS: r2(s.outageS),
    outageShare: r6(s.outageShare),
  };
}

const num = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : r2(x).toString());
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

export function summaryText(s: ProfileSummary): string {
  const span = s.durationS === null ? 'per-viewer traces' : `${num(s.durationS)} s period${s.wraps ? ', loops' : ''}`;
  const row = (label: string, st: Stat) => `  ${label.padEnd(12)}${[st.mean, st.p10, st.p50, st.p90].map((x) => num(x).padStart(10)).join('')}`;
  return [
    `${s.name}  (${s.kind}, ${span})`,
    `  ${s.title}`,
    `  source: ${s.source}`,
    `  ${''.padEnd(12)}${['mean', 'p10', 'p50', 'p90'].map((h) => h.padStart(10)).join('')}`,
    row('down kbit/s', s.downKbps),
    row('up kbit/s', s.upKbps),
    row('rtt ms', s.rttMs),
    `  loss ${pct(s.lossRate)} random, ${pct(s.burstLossRate)} in bursts; jitter ${num(s.jitterMs)} ms (mean, exponential)`,
    `  outage ${num(s.outageS)} s${s.sampled ? ' per viewer' : ''} (${pct(s.outageShare)} of the time)`,
    `  percentiles over ${s.windowMs / 1000}-s windows${s.sampled ? `; sampled ${s.sampled.viewers} viewers × ${s.sampled.durationS} s, seed ${s.sampled.seed}` : ''}`,
  ].join('\n');
}

function positiveInt(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new InputError([{ path: flag, value, expected: 'a whole number > 0' }]);
  return n;
}

function nonNegative(flag: string, value: string | undefined, max = Infinity): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n >= 0 && n <= max) || value.trim() === '') throw new InputError([{ path: flag, value, expected: max === Infinity ? 'a number ≥ 0' : `a number in [0, ${max}]` }]);
  return n;
}

interface ShowOpts {
  json?: boolean;
  viewers?: string;
  minutes?: string;
  seed?: string;
}

interface ImportOpts {
  format: string;
  name?: string;
  rttMs?: string;
  loss?: string;
  json?: boolean;
}

export function registerProfiles(program: Command, io: CliIo): void {
  const profiles = program.command('profiles').description('network profiles: list them, summarise one, check and summarise a trace file');

  profiles
    .command('list')
    .description('the named profiles scenarios may use')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) => {
      const rows = PROFILE_NAMES.map((name) => {
        const p = getProfile(name);
        return { name, kind: p.kind, title: p.title };
      });
      if (opts.json) io.out(`${JSON.stringify(rows, null, 2)}\n`);
      else io.out(rows.map((r) => `${r.name.padEnd(28)}${r.kind.padEnd(8)}${r.title}`).join('\n'));
    });

  profiles
    .command('show')
    .description('summary statistics of a profile (a family is sampled over a population of viewers)')
    .argument('<name>', 'profile name (see `livelab profiles list`)')
    .option('--json', 'print as JSON')
    .option('--viewers <n>', 'family only: viewers sampled', undefined)
    .option('--minutes <n>', 'family only: minutes per sampled viewer', undefined)
    .option('--seed <n>', 'family only: seed of the sample', undefined)
    .action((name: string, opts: ShowOpts) => {
      const profile = lookupProfile(name, 'NAME');
      const sample: SampleOptions = {
        viewers: positiveInt('--viewers', opts.viewers, 200),
        durationMs: positiveInt('--minutes', opts.minutes, 10) * 60_000,
        seed: positiveInt('--seed', opts.seed, 1),
      };
      const s = summarizeProfile(profile, sample);
      io.out(opts.json ? `${JSON.stringify(summaryJson(s), null, 2)}\n` : summaryText(s));
    });

  profiles
    .command('import')
    .description('check a trace file and print its summary; every bad line is reported as file:line (exit 2)')
    .argument('<file>', 'trace file')
    .requiredOption('--format <format>', `one of ${TRACE_FORMATS.join(', ')}`)
    .option('--name <name>', 'profile name (default: the file name)')
    .option('--rtt-ms <ms>', 'round trip for formats without one (mahimahi default 0, pensieve 80)')
    .option('--loss <p>', 'random loss probability for formats without one (default 0)')
    .option('--json', 'print as JSON')
    .action(async (file: string, opts: ImportOpts) => {
      if (!(TRACE_FORMATS as readonly string[]).includes(opts.format)) {
        throw new InputError([{ path: '--format', value: opts.format, expected: `one of ${TRACE_FORMATS.join(', ')}` }]);
      }
      const rttMs = nonNegative('--rtt-ms', opts.rttMs);
      const loss = nonNegative('--loss', opts.loss, 1);
      if (opts.format === 'csv' && (rttMs !== undefined || loss !== undefined)) {
        throw new InputError([{ path: opts.rttMs !== undefined ? '--rtt-ms' : '--loss', value: opts.rttMs ?? opts.loss, expected: 'no value: a CSV trace carries rtt_ms and loss per row' }]);
      }
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        throw new InputError([{ file, path: '', expected: 'a readable trace file', value: (e as NodeJS.ErrnoException).code ?? String(e) }], { cause: e });
      }
      const profile = importTrace(opts.format as TraceFormat, text, {
        file,
        ...(opts.name !== undefined ? { name: opts.name } : {}),
        ...(rttMs !== undefined ? { rttMs } : {}),
        ...(loss !== undefined ? { loss } : {}),
      });
      const s = summarizeProfile(profile);
      io.out(opts.json ? `${JSON.stringify(summaryJson(s), null, 2)}\n` : summaryText(s));
    });
}
