// `livelab run [scenario]`: simulate one show and write DIR/result.json (+ report.html).
import path from 'node:path';
import type { Command } from 'commander';
import { SingleBar } from 'cli-progress';
import type { RunResult } from '../../engine/result.ts';
import { autoWorkers, simulate } from '../sim/simulate.ts';
import { resolveScenario, type CommonFlags } from '../scenario-input.ts';
import { writeAtomic } from '../output.ts';
import type { CliIo } from '../io.ts';
import { InputError } from '../../engine/kernel/index.ts';

interface RunFlags extends CommonFlags {
  workers?: string;
  out?: string;
  json?: boolean;
  report?: boolean;
  progress?: boolean;
}

/** a report renderer, when the reports module is present (loaded lazily: it pulls in the Vega runtime) */
export type ReportWriter = (result: RunResult, dir: string) => Promise<string[]>;

export async function loadReportWriter(): Promise<ReportWriter | null> {
  try {
    const spec = '../report-output.ts'; // resolved at run time: the reports module is optional
    const mod = (await import(spec)) as { writeRunReport?: ReportWriter };
    return mod.writeRunReport ?? null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw e;
  }
}

export function registerRun(program: Command, io: CliIo): void {
  program
    .command('run')
    .description('simulate a show and write DIR/result.json and DIR/report.html (default scenario: scenarios/default.yaml)')
    .argument('[scenario]', 'scenario file (.yaml or .json)')
    .option('--seed <n>', 'run seed (overrides the scenario)')
    .option('--viewers <n>', 'audience size (overrides audience.size)')
    .option('--duration <d>', 'show length: minutes, 90m, 2h, 1h30m (overrides show.durationMinutes)')
    .option('--variant <name>', 'run one of the scenario variants')
    .option('--workers <n>', "threads for the viewers, or 'auto': one per idle core for audiences of 20,000 or more (results are identical for any count)", 'auto')
    .option('--out <dir>', 'output folder (default out/<scenario>-<seed>/)')
    .option('--json', 'print result.json to stdout')
    .option('--no-report', 'skip report.html')
    .option('--no-progress', 'no progress bar on stderr')
    .action(async (file: string | undefined, flags: RunFlags) => {
      const { scenario, variant, file: scenarioFile } = await resolveScenario(file, flags);
      const workers = flags.workers === undefined || flags.workers === 'auto' ? autoWorkers(scenario.audience.size) : Number(flags.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new InputError([{ path: '--workers', expected: "'auto' or an integer from 1 to 64", value: flags.workers }]);
      const dir = flags.out ?? path.join('out', `${scenario.name}${variant ? `-${variant}` : ''}-${scenario.seed}`);
      const bar = flags.progress !== false && process.stderr.isTTY ? new SingleBar({ format: 'simulating {bar} {percentage}% | {vtime} of {vend} | {viewers} viewers | ETA {eta}s', stream: process.stderr, hideCursor: true }) : null;
      bar?.start(1000, 0, { vtime: '0:00', vend: clock(scenario.show.durationMinutes * 60_000), viewers: scenario.audience.size.toLocaleString('en') });
      let lastDraw = 0;
      const result = await simulate(scenario, {
        workers,
        ...(variant ? { variant } : {}),
        scenarioFile,
        wallNow: () => performance.now(),
        onProgress: (t, end) => {
          const now = performance.now();
          if (bar && now - lastDraw > 100) {
            lastDraw = now;
            bar.update(Math.round((t / end) * 1000), { vtime: clock(t) });
          }
        },
      }).finally(() => bar?.stop());
      const json = `${JSON.stringify(result, null, 2)}\n`;
      writeAtomic(path.join(dir, 'result.json'), json);
      const written = [path.join(dir, 'result.json')];
      if (flags.report !== false) {
        const writer = await loadReportWriter();
        if (writer) written.push(...(await writer(result, dir)));
      }
      if (flags.json) io.out(json);
      io.err(summaryLine(result, written));
      if (result.thresholds?.some((t) => !t.pass)) {
        for (const t of result.thresholds.filter((x) => !x.pass)) io.err(`threshold failed: ${t.expression} (actual ${t.actual})`);
        io.setExitCode(1);
      }
    });
}

function clock(ms: number): string {
  const m = Math.floor(ms / 60_000), s = Math.floor((ms % 60_000) / 1000);
  return `${m}:${String(s).padStart(2, '0')}`;
}

function summaryLine(r: RunResult, files: string[]): string {
  return [
    `${r.scenario.name}${r.scenario.variant ? ` [${r.scenario.variant}]` : ''} seed ${r.seed}: ${r.viewers.arrived.toLocaleString('en')} viewers (peak ${r.viewers.peakConcurrent.toLocaleString('en')}), ` +
      `GMV ¥${r.commerce.gmv.toLocaleString('en')}, ${r.commerce.orders} orders, conversion ${(r.commerce.conversionRate * 100).toFixed(2)} %, ` +
      `startup p95 ${r.qoe.startupMs.p95} ms, ${r.marketing.prompts} prompts, digest ${r.digest}`,
    `${r.engine.events.toLocaleString('en')} events in ${(r.engine.wallMs / 1000).toFixed(1)} s on ${r.engine.workers} worker(s); wrote ${files.join(', ')}`,
  ].join('\n');
}
