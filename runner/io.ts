// What a command may touch: stdout/stderr writers and the exit code. Tests pass their own.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** set the process exit code (the last call wins; errors use 2, threshold failures 1) */
  setExitCode(code: number): void;
}

export function processIo(): CliIo {
  return {
    out: (t) => void process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => void process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    setExitCode: (c) => void (process.exitCode = c),
  };
}
