// `livelab serve [--port N] [--scenario FILE]`: the live room server on the wall clock (engine/server) for
// the scenario's catalog, timeline and strategy. Prints its URL and a host token, then serves until
// SIGINT/SIGTERM. With --state-dir it journals orders and replays them on start (restart-safe orders).
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { InputError } from '../../engine/kernel/index.ts';
import { loadRtc, startServer, type RunningServer } from '../../engine/server/index.ts';
import type { CliIo } from '../io.ts';
import { warmSegmenter } from '../../engine/marketing/index.ts';
import { buildWorld, type StressWorld } from '../stress/world.ts';
import { readScenarioFile } from './scenario.ts';

export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../scenarios/default.yaml', import.meta.url));
export const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

export interface ServeFlags {
  port: string;
  host: string;
  scenario?: string;
  stateDir?: string;
  secret?: string;
  fanoutTick: string;
  danmakuEvery: string;
  fsync?: boolean;
  web: boolean;
  json?: boolean;
  maxPeers?: string;
  standby?: boolean;
  listeners?: string;
  listenPorts?: string;
}

function int(flag: string, v: string, min: number, max: number): number {
  const n = Number(v);
  if (!(Number.isInteger(n) && n >= min && n <= max)) throw new InputError([{ path: flag, expected: `an integer in [${min}, ${max}]`, value: v }]);
  return n;
}

/** The extra listening ports: `--listen-ports a,b,…` (0: any free port), else `--listeners N` − 1 free ones. */
export function extraPorts(flags: Pick<ServeFlags, 'listeners' | 'listenPorts'>): number[] {
  if (flags.listenPorts !== undefined && flags.listenPorts !== '') {
    return flags.listenPorts.split(',').map((x, i) => int(`--listen-ports.${i}`, x.trim(), 0, 65535));
  }
  const n = flags.listeners === undefined ? 1 : int('--listeners', flags.listeners, 1, 64);
  return new Array<number>(n - 1).fill(0);
}

/** Everything before listening: the scenario, its world, the segmenter's dictionary. */
export async function prepareServe(flags: ServeFlags): Promise<StressWorld> {
  const scenario = await readScenarioFile(flags.scenario ?? DEFAULT_SCENARIO);
  const tick = int('--fanout-tick', flags.fanoutTick, 1, 1000);
  extraPorts(flags); // checked now, not after a spare's hand-over
  if (1000 % tick !== 0) throw new InputError([{ path: '--fanout-tick', expected: 'a number of ms that divides 1000', value: flags.fanoutTick }]);
  warmSegmenter();
  if (flags.maxPeers !== '0') loadRtc();
  return buildWorld(scenario, { fanoutTickMs: tick });
}

export async function serveFromFlags(flags: ServeFlags, log: (line: string) => void, prepared?: StressWorld): Promise<RunningServer> {
  const world = prepared ?? (await prepareServe(flags));
  const secret = flags.secret ?? process.env.LIVELAB_SECRET;
  return startServer({
    port: int('--port', flags.port, 0, 65535),
    listenPorts: extraPorts(flags),
    host: flags.host,
    stack: world.stack,
    timeline: world.timeline,
    ...(secret ? { secret } : {}),
    stateDir: flags.stateDir ?? null,
    fsync: flags.fsync === true,
    webDir: flags.web ? WEB_DIR : null,
    limits: {
      ...(flags.maxPeers !== undefined ? { maxPeers: int('--max-peers', flags.maxPeers, 0, 100) } : {}),
      danmakuEveryMs: int('--danmaku-every', flags.danmakuEvery, 0, 10_000),
    },
    log,
  });
}

export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('run the live room server (HTTP, WebSocket, WebRTC) for a scenario on the wall clock; prints its URL')
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <addr>', 'address to listen on', '127.0.0.1')
    .option('--scenario <file>', 'scenario file (default: scenarios/default.yaml)')
    .option('--state-dir <dir>', 'journal orders here and replay them on start (orders survive a restart)')
    .option('--secret <s>', 'HMAC secret of the join tokens (default: $LIVELAB_SECRET, else random per run)')
    .option('--fanout-tick <ms>', 'danmaku fan-out tick in ms (divides 1000)', '200')
    .option('--danmaku-every <ms>', 'send each viewer danmaku at most once per this many ms (a whole number of ticks, the freshest tick of each period, same shown rate; 0: every tick)', '0')
    .option('--listeners <n>', 'listen on N ports (the extra ones free ports, listed by /health): Node accepts one connection per listening socket per event-loop iteration, so a busy server admits connections N times faster', '1')
    .option('--listen-ports <list>', 'the extra listening ports, comma-separated (overrides --listeners; a restart comes back on the same ports)')
    .option('--max-peers <n>', 'WebRTC peer pairs open at once (default 5)')
    .option('--fsync', 'fsync the journal after every record (survives a machine crash, slower)')
    .option('--no-web', 'do not serve the browser viewer page')
    .option('--json', 'print one JSON line {url, port, hostToken, pid} when listening (for scripts)')
    .option('--standby', 'load everything, print {"standby":true}, then wait for a line on stdin before opening the journal and listening (a warm spare that takes over from a crashed server)')
    .action(async (flags: ServeFlags) => {
      let prepared: StressWorld | undefined;
      if (flags.standby) {
        prepared = await prepareServe(flags);
        io.out(JSON.stringify({ standby: true, pid: process.pid }));
        await new Promise<void>((resolve) => {
          process.stdin.setEncoding('utf8');
          process.stdin.once('data', () => resolve());
          process.stdin.once('end', () => resolve());
        });
        process.stdin.pause();
      }
      const srv = await serveFromFlags(flags, (l) => io.err(l), prepared);
      if (flags.json) io.out(JSON.stringify({ url: srv.url, port: srv.port, ports: srv.ports, hostToken: srv.hostToken, pid: process.pid, runStartEpoch: srv.runStartEpoch, replayed: srv.replayed }));
      else {
        io.out(`livelab serve: ${srv.url}`);
        io.out(`  viewer page  ${srv.url}/   (a fresh viewer id per visit: POST ${srv.url}/join)`);
        io.out(`  metrics      ${srv.url}/metrics   state ${srv.url}/state   health ${srv.url}/health`);
        io.out(`  websocket    ${srv.url.replace(/^http/, 'ws')}/ws?token=…${srv.ports.length > 1 ? `   (also on ports ${srv.ports.slice(1).join(', ')})` : ''}`);
        io.out(`  host token   ${srv.hostToken}`);
        if (srv.replayed.inputs > 0) io.out(`  journal      replayed ${srv.replayed.inputs} commerce inputs, ${srv.replayed.orders} orders`);
      }
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void srv.close().then(resolve);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
