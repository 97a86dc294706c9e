// `livelab stress SCENARIO [--viewers N] [--duration D] [--target URL] [--json] [--browsers K]
//  [--webrtc-share f] [--fault restart@30s,drop@0.1,flood,malformed] [--netem]`: the real stack on real
// sockets (runner/stress). Prints a summary table (or the JSON result) and writes stress.json.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError, type InputProblem } from '../../engine/kernel/index.ts';
import type { CliIo } from '../io.ts';
import { CLIENT_VIEWERS, LISTENERS, runStress } from '../stress/coordinator.ts';
import { parseDuration, parseFaults, type StressOptions } from '../stress/options.ts';
import { killChildrenOnSignals } from '../stress/server-process.ts';
import { formatSummary } from '../stress/summary.ts';
import { readScenarioFile } from './scenario.ts';

interface StressFlags {
  viewers?: string;
  duration: string;
  ramp?: string;
  target?: string;
  hostToken?: string;
  json?: boolean;
  browsers: string;
  webrtcShare: string;
  fault?: string;
  netem?: boolean;
  shaping: boolean;
  clients?: string;
  commentRate?: string;
  shopSpeed: string;
  buyBoost: string;
  fanoutTick: string;
  danmakuEvery: string;
  clientNice: string;
  probeViewers: string;
  restart: string;
  listeners: string;
  churn: boolean;
  out: string;
}

export function registerStressCommand(program: Command, io: CliIo): void {
  program
    .command('stress')
    .description('load the real server with viewer agents on real sockets (shaped by their network profiles) and measure latencies, orders and resources')
    .argument('<scenario>', 'scenario file (e.g. runner/stress/stress.yaml)')
    .option('--viewers <n>', 'viewers held connected at once (default: the scenario audience size)')
    .option('--duration <d>', 'how long to hold them (30s, 5m …)', '60s')
    .option('--ramp <d>', 'connect the viewers evenly over this long (default: a quarter of the run, at most 60 s)')
    .option('--target <url>', 'load a running server instead of starting one (tokens from $LIVELAB_SECRET, else POST /join)')
    .option('--host-token <t>', 'the target\'s host token (for the host agent; default: from $LIVELAB_SECRET)')
    .option('--json', 'print the result as JSON instead of the table')
    .option('--browsers <k>', 'also run K real Chromium viewers (puppeteer, CDP throttling from their profile)', '0')
    .option('--webrtc-share <f>', 'share of viewers on a WebRTC data channel (at most the server\'s peer limit − 1)', '0')
    .option('--fault <list>', 'faults: restart@30s, drop@0.1[@T], flood[@T[@RATE]], malformed[@T], comma-separated')
    .option('--netem', 'kernel shaping with tc/netem in network namespaces (root; probed, falls back to user space)')
    .option('--no-shaping', 'do not shape connections by network profile')
    .option('--clients <n>', 'client processes (default: one per 2,500 viewers)')
    .option('--comment-rate <r>', 'aggregate comments per second to drive (default: the persona model\'s own rate)')
    .option('--shop-speed <k>', 'shopping decisions k times faster than calibrated (more orders in a short run)', '1')
    .option('--buy-boost <b>', 'lower the buy threshold by b logit units (more orders in a short run)', '0')
    .option('--fanout-tick <ms>', 'the server\'s danmaku fan-out tick (divides 1000)', '100')
    .option('--danmaku-every <ms>', 'the server sends each viewer danmaku at most once per this many ms (0: every fan-out tick)', '1000')
    .option('--client-nice <n>', 'nice value of the client processes (0–19): the load generator yields the CPU to the server it loads', '10')
    .option('--probe-viewers <n>', 'viewers in one more client process at nice 0 (with the host agent): what a viewer\'s own device receives, apart from the loaded generators (at most a tenth of the viewers; 0: none)', '200')
    .option('--restart <mode>', 'restart fault: warm (spare process takes over) or cold (new process)', 'warm')
    .option('--listeners <n>', 'listening ports of the server the run starts (viewers spread over them; Node accepts one connection per port per event-loop iteration)', String(LISTENERS))
    .option('--no-churn', 'viewers who leave are not replaced')
    .option('--out <file>', 'where to write the JSON result', 'stress.json')
    .action(async (scenarioFile: string, f: StressFlags) => {
      const scenario = await readScenarioFile(scenarioFile);
      const problems: InputProblem[] = [];
      const num = (flag: string, v: string | undefined, ok: (n: number) => boolean, expected: string): number | undefined => {
        if (v === undefined) return undefined;
        const n = Number(v);
        if (!ok(n)) problems.push({ path: flag, expected, value: v });
        return n;
      };
      const durationMs = parseDuration(f.duration);
      if (durationMs === null || durationMs < 5000) problems.push({ path: '--duration', expected: 'a duration of at least 5 s (e.g. 30s, 5m)', value: f.duration });
      const rampMs = f.ramp === undefined ? undefined : parseDuration(f.ramp);
      if (rampMs === null) problems.push({ path: '--ramp', expected: 'a duration (e.g. 20s)', value: f.ramp });
      const viewers = num('--viewers', f.viewers, (n) => Number.isInteger(n) && n >= 1 && n <= 200_000, 'an integer in [1, 200000]') ?? scenario.audience.size;
      const browsers = num('--browsers', f.browsers, (n) => Number.isInteger(n) && n >= 0 && n <= 20, 'an integer in [0, 20]')!;
      const webrtcShare = num('--webrtc-share', f.webrtcShare, (n) => n >= 0 && n <= 1, 'a share in [0, 1]')!;
      const clients = num('--clients', f.clients, (n) => Number.isInteger(n) && n >= 1 && n <= 16, 'an integer in [1, 16]');
      const commentRate = num('--comment-rate', f.commentRate, (n) => n > 0 && n <= 100_000, 'comments per second in (0, 100000]');
      const shopSpeed = num('--shop-speed', f.shopSpeed, (n) => n >= 1 && n <= 1000, 'a factor in [1, 1000]')!;
      const buyBoost = num('--buy-boost', f.buyBoost, (n) => n >= 0 && n <= 10, 'a number in [0, 10]')!;
      const tick = num('--fanout-tick', f.fanoutTick, (n) => Number.isInteger(n) && n > 0 && 1000 % n === 0, 'a number of ms that divides 1000')!;
      const every = num('--danmaku-every', f.danmakuEvery, (n) => Number.isInteger(n) && n >= 0 && n <= 10_000, 'an integer number of ms in [0, 10000]')!;
      const clientNice = num('--client-nice', f.clientNice, (n) => Number.isInteger(n) && n >= 0 && n <= 19, 'an integer in [0, 19]')!;
      const probeViewers = num('--probe-viewers', f.probeViewers, (n) => Number.isInteger(n) && n >= 0 && n <= 20_000, 'an integer in [0, 20000]')!;
      const listeners = num('--listeners', f.listeners, (n) => Number.isInteger(n) && n >= 1 && n <= 64, 'an integer in [1, 64]')!;
      if (f.restart !== 'warm' && f.restart !== 'cold') problems.push({ path: '--restart', expected: "'warm' or 'cold'", value: f.restart });
      if (viewers > 15_000 * (clients ?? Math.ceil(viewers / CLIENT_VIEWERS))) problems.push({ path: '--clients', expected: 'at most 15,000 viewers per client process', value: clients });
      if (problems.length > 0) throw new InputError(problems);
      const opts: StressOptions = {
        scenarioFile,
        viewers,
        durationMs: durationMs!,
        ...(rampMs !== undefined && rampMs !== null ? { rampMs } : {}),
        target: f.target ?? null,
        secret: f.target ? (process.env.LIVELAB_SECRET ?? null) : null,
        hostToken: f.hostToken ?? null,
        ...(clients !== undefined ? { clients } : {}),
        browsers,
        webrtcShare,
        faults: f.fault ? parseFaults(f.fault, durationMs!) : [],
        netem: f.netem === true,
        shaping: f.shaping,
        commentsPerSecond: commentRate ?? null,
        shopSpeed,
        buyBoost,
        churn: f.churn,
        fanoutTickMs: tick,
        danmakuEveryMs: every,
        clientNice,
        probeViewers,
        restartMode: f.restart as 'warm' | 'cold',
        listeners,
        out: f.out,
        log: (l) => io.err(l),
      };
      killChildrenOnSignals();
      const result = await runStress(opts);
      writeFileSync(f.out, `${JSON.stringify(result, null, 2)}\n`);
      io.out(f.json ? JSON.stringify(result, null, 2) : `${formatSummary(result)}\nwrote ${f.out}`);
      if (result.orders.lost > 0 || result.orders.duplicated > 0) io.setExitCode(1);
    });
}
