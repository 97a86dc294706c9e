// The server under test as a child process (`livelab serve --json`), on a fixed port so that a restart
// (SIGKILL, then start again with the same journal and secret) comes back where the clients reconnect.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/livelab.mjs', import.meta.url));

// Every child process a stress run starts (servers, spares, clients) is registered here, so that nothing
// outlives the run: on a normal exit, and on SIGINT/SIGTERM once `killChildrenOnSignals` is installed.
const children = new Set<ChildProcess>();

export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function killAllChildren(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

process.on('exit', killAllChildren);

let signalsInstalled = false;
/** For the CLI: Ctrl-C (or a SIGTERM) kills the run's children before the process ends. */
export function killChildrenOnSignals(): void {
  if (signalsInstalled) return;
  signalsInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      killAllChildren();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
}

export interface ServeInfo {
  url: string;
  port: number;
  /** every listening port, `port` first */
  ports?: number[];
  hostToken: string;
  pid: number;
  runStartEpoch: number;
  replayed: { inputs: number; orders: number };
}

/** `n` distinct free TCP ports on the loopback interface (bound together, then released). */
export async function freePorts(n: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: n }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const s = createServer();
      s.once('error', reject);
      s.listen(0, '127.0.0.1', () => resolve(s));
    })),
  );
  const ports = servers.map((s) => {
    const a = s.address();
    return typeof a === 'object' && a !== null ? a.port : 0;
  });
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  return ports;
}

/** A free TCP port on the loopback interface (bound and released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcessOptions {
  port: number;
  /** extra listening ports (fixed, so that a restarted server listens where the clients reconnect) */
  listenPorts?: number[];
  scenarioFile: string;
  stateDir: string;
  secret: string;
  fanoutTickMs: number;
  /** the danmaku cadence per viewer (ms, default 0: every tick) */
  danmakuEveryMs?: number;
  maxPeers: number;
  log: (line: string) => void;
}

interface Launch {
  child: ChildProcess;
  /** resolves with {standby: true} for a spare, or with the server's info once it listens */
  lines: AsyncGenerator<string>;
}

export class ServerProcess {
  child: ChildProcess | null = null;
  info: ServeInfo | null = null;
  starts = 0;
  private spare: Launch | null = null;

  constructor(private readonly o: ServerProcessOptions) {}

  private launch(standby: boolean): Launch {
    const args = [
      BIN, 'serve', '--json',
      '--port', String(this.o.port),
      ...((this.o.listenPorts ?? []).length > 0 ? ['--listen-ports', this.o.listenPorts!.join(',')] : []),
      '--scenario', this.o.scenarioFile,
      '--state-dir', this.o.stateDir,
      '--fanout-tick', String(this.o.fanoutTickMs),
      '--danmaku-every', String(this.o.danmakuEveryMs ?? 0),
      '--max-peers', String(this.o.maxPeers),
      ...(standby ? ['--standby'] : []),
    ];
    const child = track(
      spawn(process.execPath, ['--max-old-space-size=4096', ...profileArgs(), ...args], {
        env: { ...process.env, LIVELAB_SECRET: this.o.secret },
        stdio: [standby ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      }),
    );
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => {
      for (const line of d.split('\n')) if (line.trim()) this.o.log(`server: ${line}`);
    });
    child.once('exit', (code, sig) => {
      if (this.child === child) this.o.log(`server exited (${sig ?? code})`);
    });
    return { child, lines: readLines(child) };
  }

  private async awaitInfo(l: Launch, timeoutMs: number): Promise<ServeInfo> {
    const line = await withTimeout(l.lines.next(), timeoutMs, 'livelab serve did not start listening');
    if (line.done) throw new Error(`livelab serve exited before listening (${l.child.signalCode ?? l.child.exitCode})`);
    const info = JSON.parse(line.value) as ServeInfo;
    this.child = l.child;
    this.info = info;
    this.starts++;
    return info;
  }

  /** a cold start: a new process loads everything, replays the journal, listens */
  start(timeoutMs = 120_000): Promise<ServeInfo> {
    return this.awaitInfo(this.launch(false), timeoutMs);
  }

  /** starts a warm spare: loaded and waiting; `restart` hands over to it */
  async prepareSpare(timeoutMs = 120_000): Promise<void> {
    const l = this.launch(true);
    const line = await withTimeout(l.lines.next(), timeoutMs, 'the spare server did not get ready');
    if (line.done || !(JSON.parse(line.value) as { standby?: boolean }).standby) throw new Error('the spare server did not get ready');
    this.spare = l;
  }

  /** Kills the server (SIGKILL) and starts again: the warm spare if there is one, else a cold process. */
  async restart(): Promise<{ info: ServeInfo; warm: boolean }> {
    await this.kill();
    const spare = this.spare;
    this.spare = null;
    if (spare !== null && spare.child.exitCode === null) {
      spare.child.stdin!.write('go\n');
      return { info: await this.awaitInfo(spare, 60_000), warm: true };
    }
    return { info: await this.start(), warm: false };
  }

  /** SIGKILL: the crash a journal must survive. Resolves when the process is gone. */
  kill(): Promise<void> {
    return killChild(this.child, 'SIGKILL');
  }

  /** SIGTERM (a clean stop), then SIGKILL after 5 s; the spare goes too. */
  async stop(): Promise<void> {
    const spare = this.spare;
    this.spare = null;
    if (spare !== null) await killChild(spare.child, 'SIGKILL');
    const c = this.child;
    if (c === null || c.exitCode !== null || c.signalCode !== null) return;
    const t = setTimeout(() => c.kill('SIGKILL'), 5000);
    await killChild(c, 'SIGTERM');
    clearTimeout(t);
  }
}

/** LIVELAB_STRESS_PROF=DIR: CPU profiles of the server and client processes (node --cpu-prof) land in DIR */
export function profileArgs(): string[] {
  const dir = process.env.LIVELAB_STRESS_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

function killChild(c: ChildProcess | null, sig: NodeJS.Signals): Promise<void> {
  if (c === null || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    c.once('exit', () => resolve());
    c.kill(sig);
  });
}

async function* readLines(child: ChildProcess): AsyncGenerator<string> {
  let buf = '';
  child.stdout!.setEncoding('utf8');
  for await (const chunk of child.stdout! as AsyncIterable<string>) {
    buf += chunk;
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line.trim()) yield line;
    }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: ReturnType<typeof setTimeout>;
  return Promise.race([p, new Promise<never>((_, rej) => (t = setTimeout(() => rej(new Error(`${what} within ${ms} ms`)), ms)))]).finally(() => clearTimeout(t));
}
