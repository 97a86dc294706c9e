// The stress coordinator: starts the server (a child process with a journal) or targets one, forks the
// client processes, runs the host, injects faults, scrapes the server's /metrics every second, then
// merges the clients' histograms and order ledgers with the server's journal into one result.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, setPriority, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { duplicateKeys, hostToken as mintHostToken, Journal, JOURNAL_FILE, newSecret, parsePrometheus, type JournalOrder } from '../../engine/server/index.ts';
import { loadScenario } from '../../scenarios/schema/index.ts';
import { runBrowsers, type BrowserReport } from './browsers.ts';
import { LatencySet, type LatencySummary } from './histo.ts';
import type { ClientConfig, ClientProgress, ClientReport, FromClient, ToClient } from './ipc.ts';
import { netemStatus, type NetemStatus } from './netem.ts';
import type { Fault, StressOptions } from './options.ts';
import { workerEntry } from '../worker-bundle.ts';
import { freePorts, profileArgs, ServerProcess, track } from './server-process.ts';

const CLIENT_MAIN = new URL('./client-main.ts', import.meta.url);
/** the TypeScript loader, resolved from here (a bare `--import tsx` would resolve from the cwd) */
const TSX = import.meta.resolve('tsx');

/**
 * How a client process starts: from the cached one-file bundle of client-main.ts when there is one
 * (runner/worker-bundle.ts, as worker threads do), else the source through tsx. Pure speed: through
 * tsx every cross-module call of the client's hot path went through a re-export getter, and its load
 * through tsx's hooks thread; the same media code ran 1.7× slower under tsx than bundled.
 */
async function clientStart(): Promise<{ file: string; loader: string[] }> {
  const e = await workerEntry(CLIENT_MAIN);
  return e.url.href.endsWith('/worker-boot.mjs') ? { file: fileURLToPath(CLIENT_MAIN), loader: ['--import', TSX] } : { file: fileURLToPath(e.url), loader: [] };
}
/**
 * viewers per client process by default: a client's receive stamps are taken on its event loop, so a
 * client must not be the bottleneck; at 5,000 a starved client's loop lagged by seconds (loop p99 2.6 s at
 * load 11 on two cores) and its lag was measured as fan-out latency
 */
export const CLIENT_VIEWERS = 2500;
/**
 * listening ports of a server the run starts: Node accepts one connection per listening socket per
 * event-loop iteration (20 ms iterations: 1 port admitted 87 connections in 2 s, 16 ports all 1,000)
 */
export const LISTENERS = 32;
const epochNow = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

export interface ServerSample {
  tMs: number;
  cpuPct: number;
  rssBytes: number;
  connections: number;
  roomViewers: number;
  memPerConnectionBytes: number;
  loopP99Ms: number;
}

export interface OrderAudit {
  sent: number;
  confirmed: number;
  rejected: number;
  rejectedByReason: Record<string, number>;
  unanswered: number;
  /**
   * of the unanswered: the viewer's connection was down when the run ended, so its checkout (kept by the
   * client, retried on reconnecting) never got back to the server; the rest were unanswered on an open
   * connection. Both count as lost.
   */
  unansweredOffline: number;
  duplicated: number;
  lost: number;
  journaled: number;
  /** checkouts the clients sent more than once (retries after a timeout, a drop or a restart) */
  retried: number;
  lostKeys: string[];
  duplicateKeys: string[];
  source: 'journal' | 'server' | 'none';
}

export interface TargetRow {
  name: string;
  target: string;
  measured: number | null;
  ok: boolean | null;
}

export interface StressResult {
  version: 1;
  scenario: string;
  url: string;
  viewers: number;
  durationMs: number;
  rampMs: number;
  clients: number;
  /** viewers in the probe process (0: none; options.ts probeViewers) */
  probeViewers: number;
  shaping: boolean;
  fanoutTickMs: number;
  /** the server's danmaku cadence per viewer (ms; 0: every tick) */
  danmakuEveryMs: number;
  /** nice value the client processes ran at */
  clientNice: number;
  faults: Fault[];
  commentsPerSecond: { target: number | null; measured: number };
  latency: Record<string, LatencySummary>;
  counters: Record<string, number>;
  orders: OrderAudit;
  server: {
    owned: boolean;
    starts: number;
    downtimeMs: number[];
    cpuAvgPct: number | null;
    cpuPeakPct: number | null;
    rssPeakBytes: number | null;
    memPerConnectionBytes: number | null;
    peakConnections: number;
    hold: { fromMs: number; toMs: number; minConnections: number | null; avgConnections: number | null };
    /** /metrics scrapes (one a second) the server did not answer within 5 s */
    scrapesFailed: number;
    loopP99MaxMs: number | null;
    restartMode: 'warm' | 'cold';
    /** counters (…_total) summed over every server process of the run */
    metrics: Record<string, number>;
    /** everything the last server process reported */
    lastProcessMetrics: Record<string, number>;
    samples: ServerSample[];
  };
  marketing: unknown;
  room: unknown;
  host: ClientReport['host'];
  clientProcesses: { index: number; cpuSeconds: number; rssBytes: number; loopP99Ms: number; probe?: boolean }[];
  faultResults: Record<string, unknown>;
  browsers: BrowserReport[];
  netem: NetemStatus;
  targets: TargetRow[];
  /**
   * what the viewers were shown: comments the server took, danmaku items delivered, per viewer per second
   * (over the run, ramp included), and the sampling ratio: delivered / (comments × (mean viewers − 1)),
   * the share of all possible (comment, other viewer) deliveries that were made. Fan-out latencies are
   * of the delivered ones.
   */
  danmaku: { comments: number; delivered: number; meanViewers: number; perViewerPerSecond: number; samplingRatio: number } | null;
  /**
   * CPU per viewer-second in the hold (after the ramp, restarts included): the client processes' CPU
   * (process.cpuUsage: user + system) and the server's (its /metrics, mean of the per-second samples),
   * in µs per second of one open viewer connection; the cores they need at a given size follow
   */
  cost: { holdS: number; viewerSeconds: number; clientUsPerViewerSecond: number | null; serverUsPerViewerSecond: number | null } | null;
  /** the machine during the run: other work on it competes with the server and the clients */
  machine: {
    cpus: number;
    loadavgStart: number[];
    loadavgEnd: number[];
    /** CPU used by the whole machine during the run, in cores (2.0 = both cores busy all the time) */
    busyCores: number;
    /** of which this run's processes (server, clients, coordinator) */
    runCores: number;
    /** of which everything else on the machine */
    otherCores: number;
    /**
     * event-loop delay p99 / max of the coordinator (a process that is idle nearly all the time): how late
     * this machine runs a ready process, the floor under every latency measured here
     */
    schedP99Ms: number;
    schedMaxMs: number;
  };
  wallMs: number;
}

interface ClientHandle {
  index: number;
  child: ChildProcess;
  progress: ClientProgress | null;
  final: ClientReport | null;
  ready: Promise<void>;
  done: Promise<ClientReport>;
}

function forkClient(start: { file: string; loader: string[] }, index: number, config: ClientConfig, nice: number, log: (l: string) => void): ClientHandle {
  const child = track(fork(start.file, [], {
    execArgv: [...start.loader, '--max-old-space-size=4096', ...profileArgs()],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'json',
  }));
  if (nice !== 0 && child.pid !== undefined) {
    try {
      setPriority(child.pid, nice);
    } catch (e) {
      log(`client ${index}: could not set nice ${nice}: ${(e as Error).message}`);
    }
  }
  let resolveReady!: () => void;
  let resolveDone!: (r: ClientReport) => void;
  let rejectDone!: (e: Error) => void;
  const h: ClientHandle = {
    index,
    child,
    progress: null,
    final: null,
    ready: new Promise<void>((res) => (resolveReady = res)),
    done: new Promise<ClientReport>((res, rej) => {
      resolveDone = res;
      rejectDone = rej;
    }),
  };
  child.on('message', (raw) => {
    const m = raw as FromClient;
    if (m.type === 'ready') resolveReady();
    else if (m.type === 'progress') h.progress = m.progress;
    else if (m.type === 'log') log(`client ${index}: ${m.line}`);
    else if (m.type === 'final') {
      h.final = m.report;
      resolveDone(m.report);
    }
  });
  child.on('exit', (code, sig) => {
    if (h.final === null) rejectDone(new Error(`client process ${index} exited (${sig ?? code}) before reporting`));
  });
  child.send({ type: 'start', config } satisfies ToClient);
  return h;
}

async function fetchText(url: string, timeoutMs = 3000, headers: Record<string, string> = {}): Promise<string | null> {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers });
    return r.ok ? await r.text() : null;
  } catch {
    return null;
  }
}

async function waitHealthy(url: string, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if ((await fetchText(`${url}/health`, 1000)) !== null) return true;
    await sleep(100);
  }
  return false;
}

function auditOrders(reports: readonly ClientReport[], journal: readonly JournalOrder[] | null): OrderAudit {
  const keys = new Map<string, { ids: Set<string>; rejected: string | null; sends: number; offline: boolean }>();
  for (const r of reports) {
    for (const [key, , , sends, ids, rejected, offline] of r.ledger) {
      let e = keys.get(key);
      if (e === undefined) keys.set(key, (e = { ids: new Set(), rejected: null, sends: 0, offline: false }));
      if (offline === true) e.offline = true;
      for (const id of ids) e.ids.add(id);
      if (rejected !== null && e.rejected === null) e.rejected = rejected;
      e.sends += sends;
    }
  }
  const audit: OrderAudit = {
    sent: keys.size,
    confirmed: 0,
    rejected: 0,
    rejectedByReason: {},
    unanswered: 0,
    unansweredOffline: 0,
    duplicated: 0,
    lost: 0,
    journaled: journal?.length ?? 0,
    retried: 0,
    lostKeys: [],
    duplicateKeys: [],
    source: journal === null ? 'none' : 'journal',
  };
  const jByKey = new Map<string, Set<string>>();
  for (const o of journal ?? []) {
    let s = jByKey.get(o.key);
    if (s === undefined) jByKey.set(o.key, (s = new Set()));
    s.add(o.id);
  }
  const dup = new Set(journal === null ? [] : duplicateKeys(journal));
  const lost = (k: string) => {
    audit.lost++;
    if (audit.lostKeys.length < 20) audit.lostKeys.push(k);
  };
  for (const [k, e] of keys) {
    if (e.sends > 1) audit.retried++;
    if (e.ids.size > 1) dup.add(k);
    if (e.ids.size > 0) {
      audit.confirmed++;
      // confirmed to the client but absent from the server's journal: the server forgot an order it confirmed
      if (journal !== null && !jByKey.has(k)) lost(k);
    } else if (e.rejected !== null) {
      audit.rejected++;
      audit.rejectedByReason[e.rejected] = (audit.rejectedByReason[e.rejected] ?? 0) + 1;
      if (jByKey.has(k)) lost(k);
    } else {
      audit.unanswered++;
      if (e.offline) audit.unansweredOffline++;
      lost(k);
    }
  }
  // placed by the server for one of our keys, never confirmed to the client
  if (journal !== null) for (const k of jByKey.keys()) if (!keys.has(k)) lost(k);
  audit.duplicated = dup.size;
  audit.duplicateKeys = [...dup].slice(0, 20);
  return audit;
}

export async function runStress(o: StressOptions): Promise<StressResult> {
  const log = o.log ?? (() => {});
  const wallStart = Date.now();
  const loadStart = loadavg();
  const sched = monitorEventLoopDelay({ resolution: 10 });
  sched.enable();
  const cpuStart = machineCpu();
  const selfStart = process.cpuUsage();
  const scenario = loadScenario(readFileSync(o.scenarioFile, 'utf8'), o.scenarioFile);
  const viewers = o.viewers;
  const durationMs = o.durationMs;
  const rampMs = o.rampMs ?? Math.min(60_000, Math.round(durationMs / 4));
  const probeN = Math.max(0, Math.min(Math.floor(o.probeViewers ?? 0), Math.floor(viewers / 10)));
  const clientsN = Math.max(1, Math.min(viewers - probeN, o.clients ?? Math.ceil((viewers - probeN) / CLIENT_VIEWERS)));
  /** the probe process's client index (−1: none) */
  const probeIndex = probeN > 0 ? clientsN : -1;
  const fanoutTickMs = o.fanoutTickMs ?? 100;
  const danmakuEveryMs = o.danmakuEveryMs ?? 1000;
  const maxPeers = o.maxPeers ?? 5;
  const faults = o.faults ?? [];
  const steady = steadyWindows(rampMs, durationMs, faults);
  const owned = !o.target;
  const stateDir = o.stateDir ?? mkdtempSync(join(tmpdir(), 'livelab-stress-'));
  const secret = owned ? newSecret() : (o.secret ?? null);
  const netem = netemStatus(o.netem === true);

  // ---- the server ----
  let server: ServerProcess | null = null;
  let url: string;
  let hostToken: string | null;
  const downtimeMs: number[] = [];
  const clients: ClientHandle[] = [];
  const samples: ServerSample[] = [];
  let scraping = true;
  let scrapesFailed = 0;
  let lastMetrics = new Map<string, number>();
  /** counters of server processes that were killed (a restart starts the counters afresh) */
  let priorMetrics = new Map<string, number>();
  const restartMode = o.restartMode ?? 'warm';
  const listenersN = Math.max(1, Math.round(o.listeners ?? LISTENERS));
  /** the server's listening ports (viewers spread over them); [] = the URL's port only */
  let wsPorts: number[] = [];
  let spareReady: Promise<void> = Promise.resolve();
  const faultResults: Record<string, unknown> = {};
  let browsers: BrowserReport[] = [];

  try {
    if (owned) {
      const [port, ...listenPorts] = await freePorts(listenersN);
      server = new ServerProcess({ port: port!, listenPorts, scenarioFile: o.scenarioFile, stateDir, secret: secret!, fanoutTickMs, danmakuEveryMs, maxPeers, log });
      const info = await server.start();
      // the warm spare loads while the clients start; the first restart waits for it
      if (restartMode === 'warm' && faults.some((f) => f.kind === 'restart')) spareReady = server.prepareSpare().catch((e: Error) => log(`spare: ${e.message}`));
      url = info.url;
      hostToken = info.hostToken;
      wsPorts = info.ports ?? [info.port];
      log(`server ${url} (pid ${info.pid}, journal ${join(stateDir, JOURNAL_FILE)})`);
    } else {
      url = o.target!.replace(/\/$/, '');
      hostToken = o.hostToken ?? (secret ? mintHostToken(secret, Date.now()) : null);
      if (!(await waitHealthy(url, 5000))) throw new Error(`no server answers at ${url}/health`);
      const health = await fetchText(`${url}/health`, 5000);
      const listed = health === null ? undefined : (JSON.parse(health) as { ports?: unknown }).ports;
      if (Array.isArray(listed) && listed.length > 0 && listed.every((p) => Number.isInteger(p))) wsPorts = listed as number[];
      if (hostToken === null) log('no host token (--host-token or LIVELAB_SECRET): running without the host agent, no prompt latency');
    }

    // ---- clients ----
    const rtcTotal = Math.max(0, Math.min(Math.round((o.webrtcShare ?? 0) * viewers), maxPeers - 1));
    const cps = o.commentsPerSecond ?? null;
    const start = await clientStart();
    // the bulk clients (niced load generators), then the probe process if any (nice 0, with the host agent)
    const bulk = viewers - probeN;
    for (let i = 0; i < clientsN + (probeN > 0 ? 1 : 0); i++) {
      const probe = i === probeIndex;
      const n = probe ? probeN : Math.floor(bulk / clientsN) + (i < bulk % clientsN ? 1 : 0);
      const hostHere = probeN > 0 ? probe : i === 0;
      const config: ClientConfig = {
        index: i,
        url,
        secret,
        hostToken: hostHere ? hostToken : null,
        hostRtc: hostHere && hostToken !== null && rtcTotal > 0,
        scenarioFile: o.scenarioFile,
        seed: scenario.seed,
        firstViewer: 1 + i * 10_000_000,
        viewers: n,
        rampMs,
        durationMs,
        shaping: o.shaping !== false,
        rtcViewers: i === 0 ? Math.max(0, rtcTotal - (hostToken !== null ? 1 : 0)) : 0,
        commentsPerSecond: cps === null ? null : (cps * n) / viewers,
        shopSpeed: o.shopSpeed ?? 1,
        buyBoost: o.buyBoost ?? 0,
        churn: o.churn !== false,
        steady,
        wsPorts,
      };
      clients.push(forkClient(start, i, config, probe ? 0 : (o.clientNice ?? 0), log));
    }
    // run time 0 is when every client has built its world and compiled the machines
    await Promise.race([Promise.all(clients.map((c) => c.ready)), Promise.all(clients.map((c) => c.done))]);
    const originEpoch = epochNow();
    for (const c of clients) c.child.send({ type: 'go', originEpoch } satisfies ToClient);

    // ---- metrics scraping ----
    let prevCpu: { t: number; cpu: number } | null = null;
    const scrape = async () => {
      while (scraping) {
        const t0 = epochNow();
        // a starved server answers late: a scrape that fails is counted (the server did not answer in 5 s)
        const text = await fetchText(`${url}/metrics`, 5000);
        if (text !== null) {
          const m = parsePrometheus(text);
          lastMetrics = m;
          const cpu = m.get('process_cpu_seconds_total') ?? 0;
          const t = epochNow();
          const pct = prevCpu !== null && cpu >= prevCpu.cpu ? ((cpu - prevCpu.cpu) / ((t - prevCpu.t) / 1000)) * 100 : NaN;
          prevCpu = { t, cpu };
          if (pct === pct) {
            samples.push({
              tMs: Math.round(t - originEpoch),
              cpuPct: Math.round(pct * 10) / 10,
              rssBytes: m.get('process_resident_memory_bytes') ?? 0,
              connections: m.get('livelab_connections{role="viewer"}') ?? 0,
              roomViewers: m.get('livelab_room_concurrent') ?? 0,
              memPerConnectionBytes: Math.round(m.get('livelab_memory_per_connection_bytes') ?? 0),
              loopP99Ms: Math.round((m.get('livelab_eventloop_delay_p99_seconds') ?? 0) * 1e4) / 10,
            });
          }
        } else {
          prevCpu = null;
          scrapesFailed++;
        }
        await sleep(1000 - (epochNow() - t0));
      }
    };
    const scraper = scrape();

    // ---- browsers ----
    const browserRun =
      (o.browsers ?? 0) > 0
        ? runBrowsers({ url, count: o.browsers!, secret, scenarioFile: o.scenarioFile, seed: scenario.seed, firstViewer: 900_000_000, durationMs: Math.max(5000, durationMs - 3000), log })
        : Promise.resolve([] as BrowserReport[]);

    // ---- progress and faults ----
    const progressLog = setInterval(() => {
      const p = clients.map((c) => c.progress).filter((x): x is ClientProgress => x !== null);
      const open = p.reduce((s, x) => s + x.open, 0);
      const last = samples[samples.length - 1];
      const connecting = p.reduce((s, x) => s + (x.connecting ?? 0), 0);
      log(
        `t=${Math.round((epochNow() - originEpoch) / 1000)}s open=${open} connecting=${connecting} comments=${p.reduce((s, x) => s + x.comments, 0)} reconnects=${p.reduce((s, x) => s + x.reconnects, 0)}` +
          (last ? ` server cpu=${last.cpuPct}% rss=${Math.round(last.rssBytes / 2 ** 20)}MB conns=${last.connections} loop p99=${last.loopP99Ms}ms` : ''),
      );
    }, 5000);
    const commentsAt = (): number => clients.reduce((s, c) => s + (c.progress?.comments ?? 0), 0);
    let holdComments: { t: number; n: number } | null = null;
    const clientCpuAt = (): number => clients.reduce((s, c) => s + (c.progress?.cpuSeconds ?? 0), 0);
    let holdCpu: { t: number; cpu: number } | null = null;
    const holdStart = setTimeout(() => {
      holdComments = { t: epochNow(), n: commentsAt() };
      holdCpu = { t: epochNow(), cpu: clientCpuAt() };
    }, rampMs + 2000);
    // viewer-seconds of the hold (open connections as the clients count them, once a second)
    let viewerSeconds = 0;
    let lastOpenAt = epochNow();
    const openMeter = setInterval(() => {
      const t = epochNow();
      if (holdCpu !== null) viewerSeconds += (clients.reduce((s, c) => s + (c.progress?.open ?? 0), 0) * (t - lastOpenAt)) / 1000;
      lastOpenAt = t;
    }, 1000);

    for (const f of faults) {
      await sleep(originEpoch + f.atMs - epochNow());
      if (f.kind === 'restart') {
        if (server === null) {
          log('fault restart: not possible against --target (the run does not own the server)');
          faultResults.restart = { skipped: 'target' };
          continue;
        }
        await spareReady;
        const t0 = epochNow();
        priorMetrics = addMetrics(priorMetrics, lastMetrics);
        lastMetrics = new Map();
        const { info, warm } = await server.restart();
        const ok = await waitHealthy(url, 30_000);
        const down = epochNow() - t0;
        downtimeMs.push(Math.round(down));
        const rest = (faultResults.restart as unknown[] | undefined) ?? [];
        rest.push({ atMs: f.atMs, downtimeMs: Math.round(down), warmSpare: warm, healthy: ok, replayed: info.replayed });
        faultResults.restart = rest;
        log(`fault: server killed (SIGKILL) at ${Math.round((t0 - originEpoch) / 1000)}s, back after ${Math.round(down)} ms (${warm ? 'warm spare' : 'cold start'}), replayed ${info.replayed.inputs} commerce inputs and ${info.replayed.orders} orders`);
        if (restartMode === 'warm' && faults.some((g) => g.kind === 'restart' && g.atMs > f.atMs)) spareReady = server.prepareSpare().catch((e: Error) => log(`spare: ${e.message}`));
      } else if (f.kind === 'drop') {
        for (const c of clients) c.child.send({ type: 'drop', fraction: f.fraction } satisfies ToClient);
        faultResults.drop = { atMs: f.atMs, fraction: f.fraction };
      } else if (f.kind === 'flood') {
        clients[0]!.child.send({ type: 'flood', ms: f.ms, perSecond: f.perSecond } satisfies ToClient);
      } else {
        clients[0]!.child.send({ type: 'malformed', ms: f.ms } satisfies ToClient);
      }
    }

    await sleep(originEpoch + durationMs - epochNow());
    const holdEnd = epochNow();
    clearInterval(openMeter);
    const hc = holdCpu as { t: number; cpu: number } | null;
    const clientCpuHold = hc === null ? null : { cpu: clientCpuAt() - hc.cpu, s: (holdEnd - hc.t) / 1000 };
    const measuredCps = holdComments !== null ? (commentsAt() - (holdComments as { t: number; n: number }).n) / ((holdEnd - (holdComments as { t: number; n: number }).t) / 1000) : 0;
    clearTimeout(holdStart);
    clearInterval(progressLog);
    const finalMetricsText = await fetchText(`${url}/metrics`, 10_000);
    if (finalMetricsText !== null) lastMetrics = parsePrometheus(finalMetricsText);
    const stateText = await fetchText(`${url}/state`, 15_000);
    const graceMs = o.graceMs ?? 15_000;
    for (const c of clients) c.child.send({ type: 'stop', graceMs } satisfies ToClient);
    const reports = await Promise.all(clients.map((c) => Promise.race([c.done, sleep(graceMs + 30_000).then(() => Promise.reject(new Error(`client ${c.index} did not report`)))])));
    browsers = await browserRun;
    scraping = false;
    await scraper;

    // ---- orders ----
    let journalOrders: JournalOrder[] | null = null;
    let source: OrderAudit['source'] = 'none';
    if (owned) {
      journalOrders = Journal.read(join(stateDir, JOURNAL_FILE)).orders;
      source = 'journal';
    } else if (hostToken !== null) {
      const t = await fetchText(`${url}/orders`, 10_000, { authorization: `Bearer ${hostToken}` });
      if (t !== null) {
        journalOrders = (JSON.parse(t) as { orders: JournalOrder[] }).orders;
        source = 'server';
      }
    }
    const ownKeys = new Set(reports.flatMap((r) => r.ledger.map((l) => l[0])));
    // against a shared target, only the orders of this run's viewers (and browsers) are ours to audit
    // the browsers' orders are audited with the agents'
    const browserLedger: ClientReport = {
      index: -1, histos: {}, counters: {}, host: null, faults: {}, cpuSeconds: 0, rssBytes: 0,
      ledger: browsers.flatMap((b) => (b.seen?.orders ?? []).map((x) => [x.key, b.viewer, 0, 1, x.orderId ? [x.orderId] : [], x.rejected] as ClientReport['ledger'][number])),
    };
    for (const row of browserLedger.ledger) ownKeys.add(row[0]);
    const relevant = journalOrders === null ? null : owned ? journalOrders : journalOrders.filter((x) => ownKeys.has(x.key));
    const orders = { ...auditOrders([...reports, browserLedger], relevant), source };

    // ---- merge ----
    const lat = new LatencySet();
    const counters: Record<string, number> = {};
    for (const r of reports) {
      lat.mergeEncoded(r.histos);
      if (r.index === probeIndex) lat.mergeEncoded(Object.fromEntries(Object.entries(r.histos).map(([k, v]) => [`probe.${k}`, v])));
      for (const [k, v] of Object.entries(r.counters)) if (!k.startsWith('loop.')) counters[k] = (counters[k] ?? 0) + v;
      Object.assign(faultResults, r.faults);
    }
    const host = reports.find((r) => r.host !== null)?.host ?? null;
    const state = stateText === null ? null : (JSON.parse(stateText) as { marketing?: unknown; room?: unknown });

    const hold = samples.filter((s) => s.tMs >= rampMs + 2000 && s.tMs <= durationMs - 1000);
    const cpuHold = hold.filter((s) => s.cpuPct === s.cpuPct);
    const peakConn = samples.reduce((m, s) => Math.max(m, s.connections), 0);
    const atPeak = samples.filter((s) => s.connections >= peakConn * 0.95 && s.memPerConnectionBytes > 0);
    const result: StressResult = {
      version: 1,
      scenario: o.scenarioFile,
      url,
      viewers,
      durationMs,
      rampMs,
      clients: clientsN,
      probeViewers: probeN,
      shaping: o.shaping !== false,
      fanoutTickMs,
      danmakuEveryMs,
      clientNice: o.clientNice ?? 0,
      faults,
      commentsPerSecond: { target: cps, measured: Math.round(measuredCps * 10) / 10 },
      latency: lat.summaries(),
      counters,
      orders,
      server: {
        owned,
        starts: server?.starts ?? 0,
        downtimeMs,
        cpuAvgPct: cpuHold.length ? Math.round((cpuHold.reduce((s, x) => s + x.cpuPct, 0) / cpuHold.length) * 10) / 10 : null,
        cpuPeakPct: samples.length ? Math.max(...samples.map((s) => s.cpuPct)) : null,
        rssPeakBytes: samples.length ? Math.max(...samples.map((s) => s.rssBytes)) : null,
        memPerConnectionBytes: atPeak.length ? Math.round(atPeak.reduce((s, x) => s + x.memPerConnectionBytes, 0) / atPeak.length) : null,
        peakConnections: peakConn,
        hold: {
          fromMs: rampMs + 2000,
          toMs: durationMs,
          minConnections: hold.length ? Math.min(...hold.map((s) => s.connections)) : null,
          avgConnections: hold.length ? Math.round(hold.reduce((s, x) => s + x.connections, 0) / hold.length) : null,
        },
        loopP99MaxMs: samples.length ? Math.max(...samples.map((s) => s.loopP99Ms)) : null,
        scrapesFailed,
        restartMode,
        metrics: Object.fromEntries([...addMetrics(priorMetrics, lastMetrics)].filter(([k]) => k.startsWith('livelab_') && /_total\b/.test(k))),
        lastProcessMetrics: Object.fromEntries([...lastMetrics].filter(([k]) => k.startsWith('livelab_'))),
        samples,
      },
      marketing: state?.marketing ?? null,
      room: state?.room ?? null,
      host,
      clientProcesses: reports.map((r) => ({ index: r.index, cpuSeconds: Math.round(r.cpuSeconds * 10) / 10, rssBytes: r.rssBytes, loopP99Ms: Math.round((r.counters['loop.p99Ms'] ?? 0) * 10) / 10, ...(r.index === probeIndex ? { probe: true } : {}) })),
      faultResults,
      browsers,
      netem,
      danmaku: null,
      cost: null,
      targets: [],
      machine: { cpus: 0, loadavgStart: [], loadavgEnd: [], busyCores: 0, runCores: 0, otherCores: 0, schedP99Ms: 0, schedMaxMs: 0 },
      wallMs: Date.now() - wallStart,
    };
    const cpuEnd = machineCpu();
    const wallS = (Date.now() - wallStart) / 1000;
    const self = process.cpuUsage(selfStart);
    const serverCpu = addMetrics(priorMetrics, lastMetrics).get('process_cpu_seconds_total') ?? 0;
    const runCpu = serverCpu + reports.reduce((a, r) => a + r.cpuSeconds, 0) + (self.user + self.system) / 1e6;
    const busy = cpuEnd.busy - cpuStart.busy;
    result.machine = {
      cpus: cpus().length,
      loadavgStart: loadStart.map((x) => Math.round(x * 100) / 100),
      loadavgEnd: loadavg().map((x) => Math.round(x * 100) / 100),
      busyCores: Math.round((busy / wallS) * 100) / 100,
      runCores: Math.round((runCpu / wallS) * 100) / 100,
      otherCores: Math.max(0, Math.round(((busy - runCpu) / wallS) * 100) / 100),
      schedP99Ms: Math.round(sched.percentile(99) / 1e5) / 10,
      schedMaxMs: Math.round(sched.max / 1e5) / 10,
    };
    sched.disable();
    result.danmaku = danmakuShare(result);
    if (clientCpuHold !== null && viewerSeconds > 0) {
      const serverCpuS = result.server.cpuAvgPct === null ? null : (result.server.cpuAvgPct / 100) * clientCpuHold.s;
      result.cost = {
        holdS: Math.round(clientCpuHold.s),
        viewerSeconds: Math.round(viewerSeconds),
        clientUsPerViewerSecond: Math.round((clientCpuHold.cpu / viewerSeconds) * 1e6 * 10) / 10,
        serverUsPerViewerSecond: serverCpuS === null ? null : Math.round((serverCpuS / viewerSeconds) * 1e6 * 10) / 10,
      };
    }
    result.targets = targetsOf(result);
    return result;
  } finally {
    scraping = false;
    const alive = clients.filter((c) => c.child.exitCode === null && c.child.signalCode === null);
    await Promise.race([Promise.all(alive.map((c) => new Promise((r) => c.child.once('exit', r)))), sleep(alive.length && clients.every((c) => c.final) ? 3000 : 0)]);
    for (const c of clients) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await server?.stop();
    if (!o.stateDir) rmSync(stateDir, { recursive: true, force: true });
  }
}

function addMetrics(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}

/** busy and total CPU seconds of the whole machine so far (Linux /proc/stat; zeros elsewhere) */
function machineCpu(): { busy: number; total: number } {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: (total - idle) / 100, total: total / 100 };
  } catch {
    return { busy: 0, total: 0 };
  }
}

/** The targets against what was measured. */
export function targetsOf(r: StressResult): TargetRow[] {
  const row = (name: string, target: string, measured: number | null | undefined, limit: number): TargetRow => ({
    name,
    target,
    measured: measured ?? null,
    ok: measured === null || measured === undefined ? null : measured < limit,
  });
  return [
    row('danmaku fan-out p99, hold without faults, end to end (shaped)', '< 250 ms', r.latency['fanout.e2e.steady']?.p99, 250),
    row('danmaku fan-out p99, hold without faults, on the wire', '< 250 ms', r.latency['fanout.wire.steady']?.p99, 250),
    row('comment → host prompt p99, hold without faults, on the wire', '< 200 ms', r.latency['prompt.wire.steady']?.p99, 200),
    ...(r.probeViewers > 0
      ? [
          row('danmaku fan-out p99, hold without faults, on the wire, received by the probe viewers', '< 250 ms', r.latency['probe.fanout.wire.steady']?.p99, 250),
          row('danmaku fan-out p99, hold without faults, end to end (shaped), received by the probe viewers', '< 250 ms', r.latency['probe.fanout.e2e.steady']?.p99, 250),
        ]
      : []),
    row('behaviour → targeted push p99, hold without faults, on the wire', '< 1000 ms', r.latency['targeting.wire.steady']?.p99, 1000),
    row('danmaku fan-out p99, end to end (shaped)', '< 250 ms', r.latency['fanout.e2e']?.p99, 250),
    row('danmaku fan-out p99, on the wire', '< 250 ms', r.latency['fanout.wire']?.p99, 250),
    row('comment → host prompt p99', '< 200 ms', r.latency['prompt.e2e']?.p99, 200),
    row('comment → host prompt p99, on the wire', '< 200 ms', r.latency['prompt.wire']?.p99, 200),
    row('behaviour → targeted push p99', '< 1000 ms', r.latency['targeting.e2e']?.p99, 1000),
    row('behaviour → targeted push p99, on the wire', '< 1000 ms', r.latency['targeting.wire']?.p99, 1000),
    { name: 'orders lost', target: '0', measured: r.orders.lost, ok: r.orders.lost === 0 },
    { name: 'orders duplicated', target: '0', measured: r.orders.duplicated, ok: r.orders.duplicated === 0 },
  ];
}

/** The danmaku sampling figures of a result (see StressResult.danmaku). */
export function danmakuShare(r: StressResult): StressResult['danmaku'] {
  const sent = r.counters['up.danmaku.sent'] ?? 0;
  const rejected = Object.entries(r.server.metrics).filter(([k]) => k.startsWith('livelab_frames_rejected_total') && k.includes('"danmaku-rate"')).reduce((a, [, v]) => a + v, 0);
  const comments = Math.max(0, sent - rejected);
  const delivered = r.counters['danmaku.items'] ?? 0;
  const conn = r.server.samples.filter((s) => s.connections > 0);
  if (comments === 0 || conn.length === 0) return null;
  const meanViewers = conn.reduce((a, s) => a + s.connections, 0) / conn.length;
  const seconds = conn.length;
  return {
    comments,
    delivered,
    meanViewers: Math.round(meanViewers),
    perViewerPerSecond: Math.round((delivered / meanViewers / seconds) * 100) / 100,
    samplingRatio: meanViewers > 1 ? Number((delivered / (comments * (meanViewers - 1))).toPrecision(3)) : 0,
  };
}

/** time after a fault left out of the steady windows: reconnects, retries, the journal replay */
export const FAULT_RECOVERY_MS = 20_000;

/**
 * The steady windows of a run: from 5 s after the ramp to the end, without [fault − 1 s, fault's end +
 * recovery] for every fault. Latencies received in them are the hold's, apart from the faults.
 */
export function steadyWindows(rampMs: number, durationMs: number, faults: readonly Fault[]): [number, number][] {
  let out: [number, number][] = [[rampMs + 5000, durationMs]];
  for (const f of faults) {
    const cutFrom = f.atMs - 1000;
    const cutTo = f.atMs + ('ms' in f ? f.ms : 0) + FAULT_RECOVERY_MS;
    out = out.flatMap(([a, b]): [number, number][] => {
      const parts: [number, number][] = [];
      if (a < Math.min(b, cutFrom)) parts.push([a, Math.min(b, cutFrom)]);
      if (Math.max(a, cutTo) < b) parts.push([Math.max(a, cutTo), b]);
      return parts;
    });
  }
  return out;
}
