// `livelab validate FILE`, `livelab describe FILE`, `livelab schema`: scenario files for people and
// editors. Reading the file is the only I/O; everything else is scenarios/schema.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError } from '../../engine/kernel/index.ts';
import { describeScenario, loadScenario, scenarioJsonSchema, scenarioReference, type Scenario } from '../../scenarios/schema/index.ts';
import type { CliIo } from '../io.ts';
import { resultJsonSchema } from '../../engine/result.ts';

/** Reads and loads a scenario file; an unreadable file is bad input (exit 2) like a bad scenario. */
export async function readScenarioFile(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new InputError([{ file, path: '', expected: 'a readable scenario file (YAML or JSON)', value: code }], { cause: e });
  }
  return loadScenario(text, file);
}

const plural = (n: number, one: string): string => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

export function registerScenarioCommands(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check a scenario file; print every problem as file:line:col path: expected …, got … (exit 2)')
    .argument('<file>', 'scenario file (.yaml, .yml or .json)')
    .action(async (file: string) => {
      const s = await readScenarioFile(file);
      io.out(`ok: ${s.name} (${plural(s.audience.size, 'viewer')}, ${plural(s.show.durationMinutes, 'minute')}, ${plural(Object.keys(s.variants).length, 'variant')})`);
    });

  program
    .command('describe')
    .description('summarise a scenario file in one plain-language paragraph')
    .argument('<file>', 'scenario file (.yaml, .yml or .json)')
    .action(async (file: string) => {
      io.out(describeScenario(await readScenarioFile(file)));
    });

  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editors), or the reference docs with --format markdown; with --result, the JSON Schema of result.json')
    .option('--format <format>', 'json or markdown', 'json')
    .option('--result', 'the schema of result.json instead (JSON only)')
    .action((opts: { format: string; result?: boolean }) => {
      if (opts.result && opts.format !== 'json') throw new InputError([{ path: '--format', expected: "'json' with --result", value: opts.format }]);
      if (opts.result) io.out(`${JSON.stringify(resultJsonSchema(), null, 2)}\n`);
      else if (opts.format === 'json') io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      else if (opts.format === 'markdown') io.out(scenarioReference());
      else throw new InputError([{ path: '--format', expected: "'json' or 'markdown'", value: opts.format }]);
    });
}
