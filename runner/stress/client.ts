// One stress client process: thousands of viewer statecharts (the same viewerMachine as the simulation)
// on the wall clock, each on its own real WebSocket (or WebRTC data channel) to the server, each
// connection shaped in both directions by the viewer's network profile. Optionally the host agent too.
//
// Time: run time = wall ms since the coordinator's origin. One agenda (a heap) holds shaped frames and
// media events; one timer drains it and runs the statechart runtime up to the present (runUntil), so
// agents' `after` delays fire on the wall clock. Measurements use the wire stamps (engine/server/wire.ts).
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { compileMachine, RngStreams, StatechartRuntime, type XEvent } from '../../engine/kernel/index.ts';
import type { HostDown, HostUp, ViewerDown, ViewerUp } from '../../engine/protocol.ts';
import type { SignalUp } from '../../engine/protocol-schema.ts';
import { decodeDown, framesOf, loadRtc, viewerToken, type DownFrame, type PeerLike } from '../../engine/server/index.ts';
import type { ShowTimeline } from '../../engine/room/index.ts';
import { DEFAULT_VIEWER_PARAMS, hostMachine, PersonaSampler, viewerMachine, type ViewerParams } from '../../agents/index.ts';
import { loadScenario } from '../../scenarios/schema/index.ts';
import { ConnectGate } from './gate.ts';
import { TimedHeap } from './heap.ts';
import { LatencySet } from './histo.ts';
import type { ClientConfig, ClientReport, FromClient, LedgerRow, ToClient } from './ipc.ts';
import { LinkShaper } from './shaper.ts';
import { buildWorld, profileIndexOf, type StressWorld } from './world.ts';

const epochNow = (): number => performance.timeOrigin + performance.now();

/**
 * The load clients' WebSocket options. The server's frames are not checked for valid UTF-8 (the server
 * under test writes them with JSON.stringify; the agents decode only the stamps of danmaku), and frames up
 * are masked with a zero key, which ws then skips (RFC 6455 masking protects intermediaries from
 * cache poisoning by scripts in browsers; between a load client and the server on loopback there are
 * none): less CPU per frame in the client processes, which share the machine with the server.
 */
const WS_CLIENT_OPTIONS = {
  perMessageDeflate: false,
  // a starved server answers a handshake late; giving up early only adds a retry to its backlog
  handshakeTimeout: 30_000,
  skipUTF8Validation: true,
  generateMask: (mask: Buffer): void => void mask.fill(0),
} as const;

/**
 * handshakes in flight at once per client process (ConnectGate): enough to keep a quick server busy
 * (~0.6 ms of server CPU each), few enough that a starved one drains them well within the handshake timeout
 */
export const MAX_CONNECTING = 64;

const DANMAKU_PREFIX = Buffer.from('{"m":{"type":"danmaku.batch"');
const COMBO_PREFIX = Buffer.from('{"b":[{"m":{"type":"danmaku.batch"');
const IT_MARK = Buffer.from('},"it":[');
const S_MARK = Buffer.from(',"s":');

/**
 * The stamps of a danmaku frame as the server writes it ({"m":{…,"items":[…]},"it":[[t,w],…],"s":S}),
 * without decoding the comments (the agents do not read the chat); null if the frame is not in that form.
 */
export function danmakuStamps(data: Buffer): DownFrame | null {
  const i = data.lastIndexOf(IT_MARK);
  const j = data.lastIndexOf(S_MARK);
  if (i < 0 || j < i) return null;
  try {
    return stampsFrame(data, i, j, data.length - 1);
  } catch {
    return null;
  }
}

/**
 * The danmaku frame whose stamps start at IT_MARK (offset i) and whose send time runs from S_MARK (offset j)
 * to `end`, with its comments left out (throws on a malformed stamp list).
 */
function stampsFrame(data: Buffer, i: number, j: number, end: number): DownFrame {
  const it = JSON.parse(data.toString('latin1', i + IT_MARK.length - 1, j)) as [number, number][];
  return { m: { type: 'danmaku.batch', items: [] }, it, s: Number(data.toString('latin1', j + S_MARK.length, end)) };
}

/**
 * A danmaku frame with ambient messages after it ({"b":[danmaku, social proof…]}, the server's cadence
 * frame): the danmaku's stamps as above, the others decoded; null if the frame is not in that form.
 */
export function danmakuWithAmbient(data: Buffer): DownFrame | null {
  const i = data.indexOf(IT_MARK);
  const j = i < 0 ? -1 : data.indexOf(S_MARK, i);
  const k = j < 0 ? -1 : data.indexOf(0x7d, j); // the danmaku frame's closing brace
  if (k < 0 || data[k + 1] !== 0x2c || data[data.length - 1] !== 0x7d || data[data.length - 2] !== 0x5d) return null;
  try {
    const rest = JSON.parse(`[${data.toString('utf8', k + 2, data.length - 2)}]`) as DownFrame[];
    return { m: { type: 'danmaku.batch', items: [] }, b: [stampsFrame(data, i, j, k), ...rest] };
  } catch {
    return null;
  }
}

/** up messages an app keeps while offline and sends on reconnecting (commerce state the viewer changed) */
const OUTBOX_TYPES: ReadonlySet<string> = new Set(['cart.added', 'cart.removed', 'coupon.claimed', 'return.requested']);

const enum Task {
  Up,
  Down,
  Media,
}
type Item =
  | { k: Task.Up; c: Conn; body: string; t: number; type: string }
  | { k: Task.Down; c: Conn; f: DownFrame; at: number }
  | { k: Task.Media; c: Conn; ev: XEvent };

interface LedgerEntry {
  viewer: number;
  first: number;
  sends: number;
  ids: Set<string>;
  rejected: string | null;
  confirmedAt: number;
}

class Conn {
  ws: WebSocket | null = null;
  open = false;
  /** closed on purpose: do not reconnect */
  closing = false;
  agent = -1;
  done = false;
  everOpened = false;
  connectStart = 0;
  closedAt = 0;
  attempts = 0;
  /** upper bound of the next reconnect delay (full jitter): the first after a drop is within 2 s */
  backoff = 2000;
  inFlight = 0;
  joinMsg: ViewerUp | null = null;
  leaveMsg: ViewerUp | null = null;
  /** checkouts sent and not answered yet, by idempotency key */
  readonly pending = new Map<string, ViewerUp>();
  peer: PeerLike | null = null;
  peerOpen = false;
  hostOutbox: string[] = [];
  /** commerce actions made while offline, sent in order after the join on reconnecting */
  outbox: string[] = [];
  doneAt = 0;
  /** waiting in the connect gate, or its handshake in flight (started by the gate) */
  queued = false;
  attempting = false;
  /** the backoff timer of the next reconnect */
  retryTimer: ReturnType<typeof setTimeout> | null = null;
  attemptAt = 0;

  constructor(
    readonly viewer: number,
    readonly role: 'viewer' | 'host' | 'flood' | 'malformed',
    readonly token: string,
    readonly shaper: LinkShaper | null,
    readonly useRtc: boolean,
  ) {}
}

export class StressClient {
  private readonly cfg: ClientConfig;
  private readonly world: StressWorld;
  private readonly streams: RngStreams;
  private readonly sampler: PersonaSampler;
  private readonly params: ViewerParams;
  private readonly rt: StatechartRuntime;
  private readonly hostRt: StatechartRuntime | null;
  private readonly agentConn: (Conn | undefined)[] = [];
  private spawning: Conn | null = null;
  private readonly conns = new Set<Conn>();
  private readonly heap = new TimedHeap<Item>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = Infinity;
  private readonly lat = new LatencySet();
  readonly counters: Record<string, number> = {};
  private readonly ledger = new Map<string, LedgerEntry>();
  /** checkout keys still unanswered at the end on a connection that was down (it could not reconnect) */
  private readonly offlineAtEnd = new Set<string>();
  private nextViewer: number;
  private started = 0;
  private stopping = false;
  private stopped = false;
  private readonly released: number[] = [];
  private readonly loop = monitorEventLoopDelay({ resolution: 5 });
  private hostConn: Conn | null = null;
  private hostAgent = -1;
  private hostStats = { prompts: 0, answered: 0, cues: 0 };
  private readonly faults: Record<string, unknown> = {};
  private rtcLeft: number;
  private readonly wsUrl: string;
  /** one URL per listening port of the server; a viewer keeps its port across reconnects */
  private readonly wsUrls: string[];
  private readonly pumpBound = () => this.pump();
  /** handshakes in flight at once (the rest wait here: orders first, then reconnects, then new viewers) */
  private readonly gate: ConnectGate<Conn>;

  constructor(cfg: ClientConfig) {
    this.cfg = cfg;
    const scenario = loadScenario(readFileSync(cfg.scenarioFile, 'utf8'), cfg.scenarioFile);
    this.world = buildWorld(scenario);
    this.streams = new RngStreams(cfg.seed);
    this.sampler = new PersonaSampler(cfg.seed, this.world.personas);
    this.params = this.viewerParams();
    this.rt = new StatechartRuntime(compileMachine(viewerMachine), {
      capacity: Math.max(1024, cfg.viewers * 2),
      onEmit: (agent, ev) => this.onEmit(agent, ev),
      onDone: (agent) => this.onDone(agent),
    });
    this.hostRt = cfg.hostToken === null ? null : new StatechartRuntime(compileMachine(hostMachine), { onEmit: (_a, ev) => this.onHostEmit(ev as HostUp) });
    this.nextViewer = cfg.firstViewer;
    this.rtcLeft = cfg.rtcViewers;
    this.wsUrl = `${cfg.url.replace(/^http/, 'ws')}/ws?token=`;
    const u = new URL(cfg.url);
    this.wsUrls = (cfg.wsPorts ?? []).map((p) => `ws://${u.hostname.includes(':') ? `[${u.hostname}]` : u.hostname}:${p}/ws?token=`);
    this.gate = new ConnectGate<Conn>(cfg.maxConnecting ?? MAX_CONNECTING, 3, (c) => this.attempt(c));
    this.loop.enable();
  }

  /** wall-clock origin of the run (ms since the Unix epoch), set by `go` */
  private originEpoch = epochNow();

  private runNow(): number {
    return epochNow() - this.originEpoch;
  }

  /** whether now is in a steady window (after the ramp, away from faults) */
  private steadyNow(): boolean {
    const t = this.runNow();
    for (const [a, b] of this.cfg.steady ?? []) if (t >= a && t < b) return true;
    return false;
  }

  private count(name: string, by = 1): void {
    this.counters[name] = (this.counters[name] ?? 0) + by;
  }

  /** The viewer parameters of this run: comment rate scaled to the target, shopping sped up if asked. */
  private viewerParams(): ViewerParams {
    const base = DEFAULT_VIEWER_PARAMS;
    let chat = base.chat;
    const cps = this.cfg.commentsPerSecond;
    if (cps !== null && this.cfg.viewers > 0) {
      // per-viewer rate ∝ chattiness: solve for the base rate that makes this process's viewers send cps
      let sum = 0;
      const n = Math.min(this.cfg.viewers, 2000);
      for (let i = 0; i < n; i++) sum += this.sampler.persona(this.cfg.firstViewer + i).chattiness;
      const meanChat = sum / n;
      chat = { ...base.chat, commentsPerMinute: (cps * 60) / (meanChat * this.cfg.viewers), buzzFactor: 1 };
    }
    const k = this.cfg.shopSpeed;
    const s = base.shopping;
    const shopping =
      k === 1
        ? s
        : {
            ...s,
            considerMeanMs: s.considerMeanMs / k,
            pitchBuzzMs: s.pitchBuzzMs / k,
            impulseDwellMs: s.impulseDwellMs / k,
            deliberateDwellMs: s.deliberateDwellMs / k,
            impulseCheckoutMs: s.impulseCheckoutMs / k,
            deliberateCheckoutMs: s.deliberateCheckoutMs / k,
            cooldownMs: s.cooldownMs / k,
          };
    // the boost lowers both hurdles of the choice model: opening an offer (vs none) and buying it
    const b = this.cfg.buyBoost;
    const choice = b === 0 ? base.choice : { ...base.choice, none: base.choice.none - b, buyThreshold: base.choice.buyThreshold - b };
    return { ...base, chat, shopping, choice };
  }

  // ---------------------------------------------------------------- lifecycle

  start(originEpoch: number): void {
    this.originEpoch = originEpoch;
    this.started = this.runNow();
    const n = this.cfg.viewers;
    const ramp = Math.max(1, this.cfg.rampMs);
    // open viewers evenly over the ramp, a few per 10 ms tick
    let opened = 0;
    const t0 = epochNow();
    const opener = setInterval(() => {
      if (this.stopping) return clearInterval(opener);
      const due = Math.min(n, Math.ceil(((epochNow() - t0) / ramp) * n));
      for (; opened < due; opened++) void this.newViewer();
      if (opened >= n) clearInterval(opener);
    }, 10);
    if (this.hostRt !== null) void this.startHost();
    this.arm(0);
  }

  private async tokenFor(viewer: number): Promise<{ viewer: number; token: string }> {
    if (this.cfg.secret !== null) return { viewer, token: viewerToken(this.cfg.secret, viewer, Date.now()) };
    const r = await fetch(`${this.cfg.url}/join`, { method: 'POST' });
    return (await r.json()) as { viewer: number; token: string };
  }

  private async newViewer(): Promise<void> {
    const { viewer, token } = await this.tokenFor(this.nextViewer++);
    const p = this.world.profiles[profileIndexOf(this.world, this.streams, viewer)]!;
    const shaper = this.cfg.shaping ? new LinkShaper(p.profile, this.streams, viewer) : null;
    const rtc = this.rtcLeft > 0;
    if (rtc) this.rtcLeft--;
    const c = new Conn(viewer, 'viewer', token, shaper, rtc);
    this.conns.add(c);
    this.connect(c);
  }

  // ---------------------------------------------------------------- connections

  /** priority in the connect gate: a viewer with an order or cart actions to settle, the host, then reconnects, then new viewers */
  private static level(c: Conn): number {
    if (c.pending.size > 0 || c.outbox.length > 0 || c.role === 'host' || c.hostOutbox.length > 0) return 0;
    return c.everOpened ? 1 : 2;
  }

  /** Queues a connection attempt in the gate (connect time counts from here: waiting included). */
  private connect(c: Conn): void {
    if (c.queued || c.attempting || c.closing || this.stopped) return;
    if (!c.everOpened && c.attempts === 0) c.connectStart = epochNow();
    c.queued = true;
    this.gate.request(c, StressClient.level(c));
  }

  /** The gate's slot for one handshake: freed when it opens or fails. */
  private attempt(c: Conn): void {
    c.queued = false;
    if (c.closing || this.stopped) {
      this.conns.delete(c);
      return this.gate.done();
    }
    c.attempting = true;
    c.attempts++;
    c.attemptAt = epochNow();
    const base = c.role === 'viewer' && this.wsUrls.length > 0 ? this.wsUrls[Math.abs(c.viewer) % this.wsUrls.length]! : this.wsUrl;
    const ws = new WebSocket(base + c.token, WS_CLIENT_OPTIONS);
    c.ws = ws;
    ws.on('open', () => this.onOpen(c, ws));
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) return;
      const arrival = epochNow();
      // most frames are danmaku the agent does not read: only their stamps are decoded
      if (data.length > DANMAKU_PREFIX.length && data.compare(DANMAKU_PREFIX, 0, DANMAKU_PREFIX.length, 0, DANMAKU_PREFIX.length) === 0) {
        const f = danmakuStamps(data);
        if (f !== null) return this.onDown(c, f, data.length, arrival);
      } else if (data.length > COMBO_PREFIX.length && data.compare(COMBO_PREFIX, 0, COMBO_PREFIX.length, 0, COMBO_PREFIX.length) === 0) {
        const f = danmakuWithAmbient(data);
        if (f !== null) {
          this.count('framesIn.coalesced');
          return this.onDown(c, f, data.length, arrival);
        }
      }
      this.onText(c, data.toString('utf8'), arrival);
    });
    ws.on('error', (e: Error & { code?: string }) => {
      const key = `error.ws.${e.code ?? e.message.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 40)}`;
      this.count(key);
    });
    ws.on('close', () => this.onClose(c, ws));
  }

  private settleAttempt(c: Conn): void {
    if (!c.attempting) return;
    c.attempting = false;
    this.gate.done();
  }

  private onOpen(c: Conn, ws: WebSocket): void {
    if (c.ws !== ws) return;
    this.settleAttempt(c);
    const now = epochNow();
    c.open = true;
    c.backoff = 2000;
    this.count('framesIn', 0);
    if (!c.everOpened) {
      c.everOpened = true;
      this.lat.record(c.role === 'host' ? 'connect.host' : 'connect', now - c.connectStart);
      if (c.attempts > 1) this.count('connect.retries', c.attempts - 1);
      if (c.role === 'viewer') this.spawnAgent(c);
      else if (c.role === 'host') this.spawnHost(c);
    } else {
      this.count('reconnects');
      this.lat.record('reconnect', now - c.closedAt);
      // a reconnect: join again, then every checkout not answered yet, with its key (the server's journal
      // answers with the order it already placed, or places it now)
      // a viewer who left with cart actions or an order still in flight rejoins just long enough to settle them
      const settle = c.done && (c.outbox.length > 0 || c.pending.size > 0);
      if (c.joinMsg !== null && (!c.done || settle)) this.writeNow(c, JSON.stringify(c.joinMsg), now, 'room.join');
      for (const body of c.outbox.splice(0)) this.writeNow(c, body, now, 'outbox');
      for (const m of c.pending.values()) {
        this.noteCheckout(m, now);
        this.writeNow(c, JSON.stringify(m), now, m.type);
      }
      if (settle && c.leaveMsg !== null) this.writeNow(c, JSON.stringify(c.leaveMsg), now, 'room.leave');
      if (c.role === 'host') this.flushHostOutbox(c);
    }
    if (c.useRtc || (c.role === 'host' && this.cfg.hostRtc)) this.startRtc(c);
  }

  private onClose(c: Conn, ws: WebSocket): void {
    if (c.ws !== ws) return;
    this.settleAttempt(c);
    const wasOpen = c.open;
    c.open = false;
    c.ws = null;
    this.closePeer(c);
    if (c.closing || this.stopped) {
      this.conns.delete(c);
      return;
    }
    if (wasOpen) c.closedAt = epochNow();
    else if (c.everOpened) this.count('reconnect.failures');
    else this.count('connect.failures');
    // exponential backoff with full jitter (uniform below 2 s, 4 s, then 8 s): thousands of clients that lost the
    // server together spread their reconnects instead of arriving as one SYN flood
    const wait = 100 + Math.random() * c.backoff;
    c.backoff = Math.min(8000, c.backoff * 2);
    c.retryTimer = setTimeout(() => {
      c.retryTimer = null;
      this.connect(c);
    }, wait);
  }

  private closeConn(c: Conn): void {
    c.closing = true;
    if (c.retryTimer !== null) {
      clearTimeout(c.retryTimer);
      c.retryTimer = null;
    }
    this.closePeer(c);
    if (c.ws !== null) c.ws.close(1000, 'bye');
    else this.conns.delete(c);
  }

  // ---------------------------------------------------------------- WebRTC

  private startRtc(c: Conn): void {
    const kit = loadRtc();
    if (kit === null) {
      this.count('rtc.unavailable');
      return;
    }
    this.closePeer(c);
    const p = kit.createPeer(true);
    c.peer = p;
    p.on('signal', (data) => this.writeSignal(c, { type: 'rtc.signal', data }));
    p.on('connect', () => {
      if (c.peer !== p) return;
      c.peerOpen = true;
      if (c.role === 'host') this.hostRtcOpened = true;
      this.count(c.role === 'host' ? 'rtc.opened.host' : 'rtc.opened');
    });
    p.on('data', (d) => {
      if (c.peer === p) this.onText(c, typeof d === 'string' ? d : Buffer.from(d).toString('utf8'), epochNow());
    });
    p.on('close', () => {
      if (c.peer === p) this.closePeer(c);
    });
    p.on('error', () => {
      this.count('rtc.failed');
      if (c.peer === p) this.closePeer(c);
    });
  }

  private closePeer(c: Conn): void {
    const p = c.peer;
    if (p === null) return;
    c.peer = null;
    c.peerOpen = false;
    try {
      p.destroy();
    } catch {
      /* gone */
    }
  }

  private writeSignal(c: Conn, m: SignalUp): void {
    if (c.open && c.ws !== null) c.ws.send(JSON.stringify({ m }));
  }

  // ---------------------------------------------------------------- agents

  private spawnAgent(c: Conn): void {
    const now = this.runNow();
    this.rt.runUntil(now);
    const persona = this.sampler.persona(c.viewer);
    this.spawning = c;
    const agent = this.rt.spawn({ persona, rng: this.streams, clock: this.rtClock, params: this.params });
    this.spawning = null;
    c.agent = agent;
    this.agentConn[agent] = c;
    this.count('viewers.spawned');
    // the player: the first segment over the viewer's downlink (1 s at ~70 % of the link rate, ≤ 4 Mbit/s)
    const kbps = c.shaper ? Math.max(300, Math.min(4000, 0.7 * c.shaper.downKbps(now))) : 2500;
    const startup = c.shaper ? c.shaper.startupMs(now, (kbps * 1000) / 8) : 300;
    if (startup !== Infinity) this.push(now + startup, { k: Task.Media, c, ev: { type: 'playback.started', startupMs: startup, kbps } });
  }

  private readonly rtClock = { now: () => this.rt.now };

  private onEmit(agent: number, ev: XEvent): void {
    const c = this.agentConn[agent] ?? this.spawning;
    if (c === undefined || c === null) return;
    const m = ev as ViewerUp;
    const t = epochNow();
    let body: string;
    switch (m.type) {
      case 'room.join':
        c.joinMsg = m;
        body = JSON.stringify(m);
        break;
      case 'room.leave':
        c.leaveMsg = m;
        body = JSON.stringify(m);
        break;
      case 'danmaku.sent':
        this.count('comments');
        // ground truth stays with the agent: the services must not read it, so it never goes on the wire
        body = JSON.stringify({ type: m.type, viewer: m.viewer, text: m.text, lang: m.lang });
        break;
      case 'checkout.submitted':
        c.pending.set(m.idempotencyKey, m);
        this.noteCheckout(m, t);
        body = JSON.stringify(m);
        break;
      default:
        body = JSON.stringify(m);
    }
    this.count(`up.${m.type}`);
    this.sendUp(c, body, t, m.type);
  }

  private noteCheckout(m: ViewerUp, t: number): void {
    if (m.type !== 'checkout.submitted') return;
    let e = this.ledger.get(m.idempotencyKey);
    if (e === undefined) this.ledger.set(m.idempotencyKey, (e = { viewer: m.viewer, first: t, sends: 0, ids: new Set(), rejected: null, confirmedAt: 0 }));
    e.sends++;
    this.count('checkouts.sent');
  }

  private onDone(agent: number): void {
    const c = this.agentConn[agent];
    this.released.push(agent);
    if (c === undefined) return;
    this.agentConn[agent] = undefined;
    c.done = true;
    c.doneAt = epochNow();
    this.count('viewers.left');
    this.maybeClose(c);
    if (this.cfg.churn && !this.stopping) void this.newViewer();
  }

  /** a viewer who left closes its connection once its last frames are out and its orders answered */
  private maybeClose(c: Conn): void {
    if (!c.done || c.closing) return;
    // (a viewer never walks away from an unanswered order: the connection stays until it is answered)
    if (c.inFlight === 0 && c.pending.size === 0 && c.outbox.length === 0) this.closeConn(c);
  }

  // ---------------------------------------------------------------- host

  private async startHost(): Promise<void> {
    let timeline: ShowTimeline | null = null;
    for (let i = 0; i < 50 && timeline === null; i++) {
      try {
        const r = await fetch(`${this.cfg.url}/show`);
        timeline = ((await r.json()) as { timeline: ShowTimeline | null }).timeline;
      } catch {
        await new Promise((res) => setTimeout(res, 200));
      }
    }
    if (timeline === null) timeline = this.world.timeline;
    this.hostTimeline = timeline;
    const c = new Conn(-1, 'host', this.cfg.hostToken!, null, this.cfg.hostRtc);
    this.hostConn = c;
    this.connect(c);
  }

  private hostTimeline: ShowTimeline | null = null;
  private hostRtcOpened = false;

  private spawnHost(_c: Conn): void {
    const rt = this.hostRt!;
    rt.runUntil(this.runNow());
    this.hostAgent = rt.spawn({ timeline: this.hostTimeline!, rng: this.streams, clock: { now: () => rt.now }, startAt: 0 });
  }

  private onHostEmit(m: HostUp): void {
    const c = this.hostConn;
    if (c === null) return;
    if (m.type === 'host.answer') this.hostStats.answered++;
    else this.hostStats.cues++;
    const body = JSON.stringify(m);
    const t = epochNow();
    if (c.open) this.writeNow(c, body, t, m.type);
    else c.hostOutbox.push(`{"m":${body},"t":${t}}`);
  }

  private flushHostOutbox(c: Conn): void {
    for (const f of c.hostOutbox.splice(0)) this.rawWrite(c, f);
  }

  // ---------------------------------------------------------------- frames

  private sendUp(c: Conn, body: string, t: number, type: string): void {
    if (c.shaper === null) return this.writeNow(c, body, t, type);
    const at = c.shaper.up.arrival(this.runNow(), body.length + 40);
    if (at === Infinity) return this.count('shaper.lost');
    c.inFlight++;
    this.push(at, { k: Task.Up, c, body, t, type });
  }

  private writeNow(c: Conn, body: string, t: number, type: string): void {
    if (!c.open) {
      // offline: checkouts wait in `pending` and the join is kept, both go again on reconnecting; cart and
      // coupon actions wait in the outbox as an app would keep them; chat, likes and views are lost
      if (type === 'checkout.submitted' || type === 'room.join') {
        // an order waiting for the connection: the viewer goes to the head of the connect queue
        if (type === 'checkout.submitted' && c.queued) this.gate.promote((x) => x === c, 0);
        return;
      }
      if (OUTBOX_TYPES.has(type)) {
        c.outbox.push(body);
        this.count('up.outboxed');
      } else this.count('up.offline');
      return;
    }
    this.rawWrite(c, `{"m":${body},"t":${t},"w":${epochNow()}}`);
  }

  private rawWrite(c: Conn, frame: string): void {
    if (c.peerOpen && c.peer !== null) {
      try {
        c.peer.send(frame);
        this.count('framesOut');
        return;
      } catch {
        c.peerOpen = false;
      }
    }
    if (c.ws === null || !c.open) return;
    c.ws.send(frame);
    this.count('framesOut');
  }

  private onText(c: Conn, text: string, arrival: number): void {
    const f = decodeDown(text);
    if (f === null) return this.count('error.badFrame');
    if (f.b === undefined) {
      const m = f.m;
      switch (m.type) {
        case 'welcome':
        case 'pong':
          return;
        case 'error':
          return this.count(`error.server.${m.reason}`);
        case 'rtc.signal':
          c.peer?.signal(m.data);
          return;
        case 'rtc.refused':
          this.count('rtc.refused');
          return this.closePeer(c);
        default:
          break;
      }
    } else this.count('framesIn.coalesced');
    this.onDown(c, f, text.length, arrival);
  }

  private onDown(c: Conn, f: DownFrame, bytes: number, arrival: number): void {
    this.count('framesIn');
    if (c.shaper === null) return this.deliverAll(c, f, arrival);
    const at = c.shaper.down.arrival(this.runNow(), bytes);
    if (at === Infinity) return this.count('shaper.lost');
    this.push(at, { k: Task.Down, c, f, at: arrival });
  }

  /** a frame, or each frame of a coalesced one, in order (they arrived together) */
  private deliverAll(c: Conn, f: DownFrame, arrival: number): void {
    if (f.b === undefined) return this.deliver(c, f, arrival);
    for (const sub of f.b) this.deliver(c, sub, arrival);
  }

  private deliver(c: Conn, f: DownFrame, arrival: number): void {
    const now = epochNow();
    const m = f.m as ViewerDown | HostDown;
    const cause = f.c;
    const steady = m.type === 'danmaku.batch' || m.type === 'host.prompt' || m.type === 'product.card' || m.type === 'coupon.offered' ? this.steadyNow() : false;
    switch (m.type) {
      case 'danmaku.batch': {
        const it = f.it;
        const n = it?.length ?? m.items.length;
        this.count('danmaku.items', n);
        for (let i = 0; i < n; i++) {
          const st = it?.[i];
          if (st === undefined || !(st[0] > 0)) continue;
          this.lat.record('fanout.e2e', now - st[0]);
          this.lat.record('fanout.wire', arrival - st[1]);
          if (f.s !== undefined) this.lat.record('fanout.server', f.s - st[1]);
          // the two ends' shaping (the sender's uplink before its write, this viewer's downlink after its
          // socket delivered): the viewers' own networks' share of the end-to-end time
          this.lat.record('fanout.shaping', now - st[0] - (arrival - st[1]));
          if (steady) {
            this.lat.record('fanout.e2e.steady', now - st[0]);
            this.lat.record('fanout.wire.steady', arrival - st[1]);
            if (f.s !== undefined) {
              this.lat.record('fanout.server.steady', f.s - st[1]);
              this.lat.record('fanout.recv.steady', arrival - f.s);
            }
          }
        }
        return; // the viewer machine does not read the chat
      }
      case 'host.prompt':
        this.hostStats.prompts++;
        if (cause !== undefined && cause[0] > 0) {
          this.lat.record('prompt.e2e', now - cause[0]);
          this.lat.record('prompt.wire', arrival - cause[1]);
          if (steady) {
            this.lat.record('prompt.e2e.steady', now - cause[0]);
            this.lat.record('prompt.wire.steady', arrival - cause[1]);
          }
        }
        if (this.hostRt !== null && this.hostAgent >= 0) {
          this.hostRt.runUntil(this.runNow());
          this.hostRt.send(this.hostAgent, m);
        }
        return;
      case 'product.card':
      case 'coupon.offered':
        if (cause !== undefined && cause[0] > 0 && (m.type === 'coupon.offered' || m.reason === 'targeted')) {
          this.lat.record('targeting.e2e', now - cause[0]);
          this.lat.record('targeting.wire', arrival - cause[1]);
          if (steady) {
            this.lat.record('targeting.e2e.steady', now - cause[0]);
            this.lat.record('targeting.wire.steady', arrival - cause[1]);
          }
          this.count('targeted');
        }
        break;
      case 'product.pitched':
      case 'flashsale.started':
        if (cause !== undefined && cause[0] > 0) this.lat.record('pitch.e2e', now - cause[0]);
        break;
      case 'order.confirmed':
      case 'order.rejected': {
        const e = this.ledger.get(m.idempotencyKey);
        c.pending.delete(m.idempotencyKey);
        if (e !== undefined) {
          if (m.type === 'order.confirmed') {
            if (e.ids.size === 0) this.lat.record('order.rtt', now - e.first);
            e.ids.add(m.orderId);
            e.confirmedAt = now;
          } else if (e.ids.size === 0) e.rejected = m.reason;
        }
        this.count(m.type);
        this.maybeClose(c);
        break;
      }
      default:
        break;
    }
    if (c.agent >= 0 && !c.done) {
      this.rt.runUntil(this.runNow());
      this.rt.send(c.agent, m as XEvent);
    }
  }

  // ---------------------------------------------------------------- agenda

  private push(at: number, item: Item): void {
    this.heap.push(at, item);
    if (at < this.timerAt) this.arm(at - this.runNow());
  }

  private arm(delay: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    const d = Math.max(1, Math.min(50, Math.ceil(delay)));
    this.timerAt = this.runNow() + d;
    this.timer = setTimeout(this.pumpBound, d);
  }

  private pump(): void {
    this.timer = null;
    this.timerAt = Infinity;
    const now = this.runNow();
    for (const a of this.released.splice(0)) this.rt.release(a);
    this.rt.runUntil(now);
    this.hostRt?.runUntil(now);
    const heap = this.heap;
    while (heap.peekTime() <= now) {
      const it = heap.pop();
      switch (it.k) {
        case Task.Up:
          it.c.inFlight--;
          this.writeNow(it.c, it.body, it.t, it.type);
          this.maybeClose(it.c);
          break;
        case Task.Down:
          this.deliverAll(it.c, it.f, it.at);
          break;
        case Task.Media:
          if (it.c.agent >= 0 && !it.c.done) this.rt.send(it.c.agent, it.ev);
          break;
      }
    }
    if (this.stopped) return;
    const next = Math.min(heap.peekTime(), this.rt.nextTime(), this.hostRt?.nextTime() ?? Infinity);
    this.arm(next - this.runNow());
  }

  // ---------------------------------------------------------------- faults

  /** Drops a fraction of the open viewer connections abruptly (no close frame): they reconnect. */
  drop(fraction: number): number {
    const open = [...this.conns].filter((c) => c.role === 'viewer' && c.open && !c.done);
    const n = Math.round(open.length * fraction);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(Math.random() * (open.length - i));
      [open[i], open[j]] = [open[j]!, open[i]!];
      this.closePeer(open[i]!);
      open[i]!.ws?.terminate();
    }
    this.faults.dropped = ((this.faults.dropped as number) ?? 0) + n;
    return n;
  }

  /** One extra viewer posting danmaku far above any person's rate: the server must rate-limit it. */
  flood(ms: number, perSecond: number): void {
    const viewer = this.cfg.firstViewer + 9_000_000;
    void this.tokenFor(viewer).then(({ viewer: v, token }) => {
      const c = new Conn(v, 'flood', token, null, false);
      this.conns.add(c);
      let sent = 0;
      const ws = new WebSocket(this.wsUrl + token, { perMessageDeflate: false });
      c.ws = ws;
      ws.on('error', () => this.count('flood.errors'));
      ws.on('open', () => {
        ws.send(JSON.stringify({ m: { type: 'room.join', viewer: v, network: 'wifi', follower: false } }));
        const per = Math.max(1, Math.round(perSecond / 100));
        const end = epochNow() + ms;
        const iv = setInterval(() => {
          if (epochNow() >= end || ws.readyState !== ws.OPEN) {
            clearInterval(iv);
            this.faults.flood = { sent, ms, perSecond };
            ws.close();
            return;
          }
          for (let i = 0; i < per; i++) ws.send(JSON.stringify({ m: { type: 'danmaku.sent', viewer: v, text: `刷屏 flood ${sent++}`, lang: 'zh' } }));
        }, 10);
      });
    });
  }

  /** A connection sending malformed frames of every kind; afterwards it must still get an answer to a ping. */
  malformed(ms: number): void {
    const viewer = this.cfg.firstViewer + 9_000_001;
    void this.tokenFor(viewer).then(({ viewer: v, token }) => {
      const kinds: [string, () => string | Buffer][] = [
        ['json', () => '{"m": {"type": "danmaku.sent",'],
        ['schema', () => JSON.stringify({ m: { type: 'cart.added', viewer: v, sku: 'x', qty: -5 } })],
        ['unknown-type', () => JSON.stringify({ m: { type: 'order.steal', viewer: v } })],
        ['oversized', () => JSON.stringify({ m: { type: 'danmaku.sent', viewer: v, text: 'x'.repeat(5000), lang: 'zh' } })],
        ['binary', () => Buffer.from([0xde, 0xad, 0xbe, 0xef])],
        ['impersonation', () => JSON.stringify({ m: { type: 'checkout.submitted', viewer: v + 1, idempotencyKey: 'stolen' } })],
        ['host-only', () => JSON.stringify({ m: { type: 'host.pitch', sku: this.world.catalog.skus[0]!.id } })],
        ['not-json-text', () => '\u0000\u0001garbage'],
      ];
      const sent: Record<string, number> = {};
      const ws = new WebSocket(this.wsUrl + token, { perMessageDeflate: false });
      let errors = 0;
      let pongs = 0;
      ws.on('message', (d: Buffer) => {
        const f = decodeDown(d.toString('utf8'));
        for (const x of f === null ? [] : framesOf(f)) {
          if (x.m.type === 'error') errors++;
          if (x.m.type === 'pong') pongs++;
        }
      });
      ws.on('error', () => this.count('malformed.ws.errors'));
      ws.on('close', (code) => {
        this.faults.malformed ??= { sent, errorsBack: errors, aliveAfter: pongs > 0, closedEarly: code };
      });
      ws.on('open', () => {
        const end = epochNow() + ms;
        let i = 0;
        const iv = setInterval(() => {
          if (ws.readyState !== ws.OPEN) return clearInterval(iv);
          if (epochNow() >= end) {
            clearInterval(iv);
            ws.send(JSON.stringify({ m: { type: 'ping' } }));
            setTimeout(() => {
              this.faults.malformed = { sent, errorsBack: errors, aliveAfter: pongs > 0 };
              ws.close();
            }, 1000);
            return;
          }
          for (let k = 0; k < 2; k++, i++) {
            const [name, make] = kinds[i % kinds.length]!;
            const data = make();
            ws.send(data, { binary: typeof data !== 'string' });
            sent[name] = (sent[name] ?? 0) + 1;
          }
        }, 20);
      });
    });
  }

  // ---------------------------------------------------------------- end

  /** Ends the show for every viewer (they leave), waits for unanswered checkouts, then closes everything. */
  async stop(graceMs: number): Promise<void> {
    this.stopping = true;
    this.rt.runUntil(this.runNow());
    for (const c of this.conns) {
      if (c.role === 'viewer' && c.agent >= 0 && !c.done) this.rt.send(c.agent, { type: 'show.ended' });
    }
    const end = epochNow() + graceMs;
    let lastResend = epochNow();
    // a viewer still owed an answer whose connection is down reconnects now, ahead of everyone else
    const expedite = (): void => {
      const owed = (c: Conn): boolean => c.pending.size > 0 || c.outbox.length > 0;
      for (const c of this.conns) {
        if (!c.open && !c.closing && owed(c) && c.retryTimer !== null) {
          clearTimeout(c.retryTimer);
          c.retryTimer = null;
          c.backoff = 2000;
          this.connect(c);
        }
      }
      this.gate.promote(owed, 0);
    };
    expedite();
    while (epochNow() < end) {
      const waiting = [...this.conns].filter((c) => c.pending.size > 0 || c.inFlight > 0);
      if (waiting.length === 0) break;
      // the statecharts have stopped: retry unanswered checkouts here, same key, every 3 s
      if (epochNow() - lastResend > 3000) {
        lastResend = epochNow();
        expedite();
        for (const c of waiting) for (const m of c.pending.values()) if (c.open) {
          this.noteCheckout(m, epochNow());
          this.writeNow(c, JSON.stringify(m), epochNow(), m.type);
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    this.stopped = true;
    for (const c of this.conns) if (!c.open) for (const k of c.pending.keys()) this.offlineAtEnd.add(k);
    if (this.timer !== null) clearTimeout(this.timer);
    for (const c of [...this.conns]) this.closeConn(c);
    if (this.hostConn !== null) this.closeConn(this.hostConn);
    await new Promise((r) => setTimeout(r, 300));
  }

  progress() {
    const c = process.cpuUsage();
    if (process.env.LIVELAB_STRESS_DEBUG) {
      const st: Record<string, number> = {};
      let oldest = 0;
      const now = epochNow();
      for (const x of this.conns) {
        if (!x.attempting) continue;
        const ws = x.ws as unknown as { readyState: number; _req?: { socket?: { connecting: boolean; destroyed: boolean; bytesWritten: number; bytesRead: number } } | null } | null;
        const sock = ws?._req?.socket;
        const k = `rs${ws?.readyState}/${sock === undefined ? 'nosock' : sock.connecting ? 'syn' : sock.bytesRead > 0 ? 'read' : sock.bytesWritten > 0 ? 'sent' : 'conn'}`;
        st[k] = (st[k] ?? 0) + 1;
        oldest = Math.max(oldest, now - (x.attemptAt ?? now));
      }
      process.send?.({ type: 'log', line: `client ${this.cfg.index}: gate inflight=${this.gate.inFlight} waiting=${this.gate.waiting} oldest=${Math.round(oldest)}ms ${JSON.stringify(st)}` });
    }
    return {
      index: this.cfg.index,
      open: [...this.conns].filter((x) => x.open).length,
      agents: this.conns.size,
      connecting: this.gate.inFlight + this.gate.waiting,
      framesIn: this.counters.framesIn ?? 0,
      framesOut: this.counters.framesOut ?? 0,
      comments: this.counters.comments ?? 0,
      reconnects: this.counters.reconnects ?? 0,
      cpuSeconds: (c.user + c.system) / 1e6,
      loopP99Ms: this.loop.percentile(99) / 1e6,
    };
  }

  report(): ClientReport {
    const ledger: LedgerRow[] = [];
    for (const [k, e] of this.ledger) ledger.push([k, e.viewer, e.first, e.sends, [...e.ids], e.rejected, this.offlineAtEnd.has(k)]);
    const c = process.cpuUsage();
    this.counters['loop.p99Ms'] = this.loop.percentile(99) / 1e6;
    this.counters['loop.maxMs'] = this.loop.max / 1e6;
    return {
      index: this.cfg.index,
      histos: this.lat.encode(),
      counters: this.counters,
      ledger,
      host: this.hostRt === null ? null : { ...this.hostStats, rtc: this.hostRtcOpened },
      faults: this.faults,
      cpuSeconds: (c.user + c.system) / 1e6,
      rssBytes: process.memoryUsage().rss,
    };
  }
}

/** The client process's IPC loop (runner/stress/client-main.ts calls it). */
export function runClientProcess(send: (m: FromClient) => void, on: (fn: (m: ToClient) => void) => void): void {
  let client: StressClient | null = null;
  let progress: ReturnType<typeof setInterval> | null = null;
  on((m) => {
    try {
      switch (m.type) {
        case 'start':
          client = new StressClient(m.config);
          send({ type: 'ready', index: m.config.index });
          break;
        case 'go':
          client?.start(m.originEpoch);
          progress = setInterval(() => client && send({ type: 'progress', progress: client.progress() }), 1000);
          break;
        case 'drop':
          send({ type: 'log', line: `dropped ${client?.drop(m.fraction) ?? 0} connections` });
          break;
        case 'flood':
          client?.flood(m.ms, m.perSecond);
          break;
        case 'malformed':
          client?.malformed(m.ms);
          break;
        case 'stop':
          if (progress !== null) clearInterval(progress);
          void client?.stop(m.graceMs).then(() => {
            send({ type: 'final', report: client!.report() });
            // leave on our own (a CPU profile, if asked for, is written on a normal exit)
            setTimeout(() => process.exit(0), 500);
          });
          break;
      }
    } catch (e) {
      send({ type: 'log', line: `client error: ${(e as Error).stack ?? String(e)}` });
    }
  });
}
