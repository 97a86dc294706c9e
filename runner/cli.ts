// The `livelab` command line: the only place that reads files, writes files, prints and exits
// (STYLE.md §15). Subcommands live in runner/commands/, one module each.
import { Command, CommanderError } from 'commander';
import { InputError } from '../engine/kernel/errors.ts';
import { commands } from './commands/index.ts';
import { processIo, type CliIo } from './io.ts';
import { LIVELAB_VERSION } from './version.ts';

export function buildProgram(io: CliIo): Command {
  const program = new Command('livelab')
    .description('LiveLab: a reproducible simulation and testbed for live commerce')
    .version(LIVELAB_VERSION, '-V, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  for (const register of commands) register(program, io);
  return program;
}

/** Runs the CLI and returns the exit code (0 ok, 1 thresholds failed, 2 bad input, 3 internal error). */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let code = 0;
  const ioWithCode: CliIo = { ...io, setExitCode: (c) => void (code = c) };
  const program = buildProgram(ioWithCode);
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end through here with exitCode 0; usage errors are bad input
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof InputError) {
      for (const line of e.message.split('\n')) io.err(`error: ${line}`);
      return 2;
    }
    const err = e as Error & { replay?: unknown };
    io.err(`internal error: ${err?.stack ?? String(e)}`);
    if (err?.replay) io.err(`replay: ${JSON.stringify(err.replay)}`);
    return 3;
  }
}
