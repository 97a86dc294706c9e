// The live room server: the stack (engine/stack) on the wall clock behind HTTP, WebSocket and WebRTC.
//
//   GET  /health            liveness and counts
//   GET  /metrics           Prometheus text (connections, frames, rejections, orders, CPU, memory, loop lag)
//   GET  /state             the room, commerce and marketing summaries (JSON)
//   GET  /show              the show timeline and catalog, for the host and the browser page
//   POST /join              a fresh viewer id and its signed token (the server picks the id)
//   GET  /orders            the journal's orders (host token): for audits of lost or duplicated orders
//   POST /control           a ControlMsg (host token): show end, payment outage, coupon for all, restock
//   GET  /, /viewer.js      the browser viewer page (web/)
//   WS   /ws?token=…        viewers and the host; WebRTC signalling rides on it ({ m: rtc.signal })
//
// Every incoming frame is validated (engine/protocol-schema.ts); malformed, oversized, unauthorised and
// rate-limited frames are dropped and counted, never thrown. A viewer's token names the one viewer it may
// act for; only a host token may send host messages. Danmaku to a slow consumer (send buffer above a
// bound) are skipped; pushes, orders and everything but danmaku are always sent (a consumer so slow its
// buffer passes a hard bound is disconnected and, on reconnecting, retries its checkouts by key).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { danmakuShownTo, type DanmakuBatch, type ShowTimeline } from '../room/index.ts';
import type { ControlMsg, DownMessage, HostUp, ViewerUp } from '../protocol.ts';
import { MAX_FRAME_BYTES, parseUpFrame, REJECT_REASONS, type SignalUp, type UpFrame } from '../protocol-schema.ts';
import { StackHost, type StackConfig, type StackOutbound } from '../stack/index.ts';
import { classifyComment, warmSegmenter } from '../marketing/index.ts';
import { hostToken, newSecret, verifyToken, viewerToken, type Role, type TokenClaims } from './auth.ts';
import { duplicateKeys, Journal, type JournalOrder } from './journal.ts';
import { Metrics, type Cell } from './metrics.ts';
import { loadRtc, peerBuffered, type PeerLike } from './rtc.ts';
import { ServerDiag } from './diag.ts';
import { WebAssets } from './web.ts';
import { CLOSE, type DownFrame, type Stamp, type TransportDown } from './wire.ts';

export interface ServerLimits {
  /** frames above this are rejected (and counted); the connection stays */
  maxFrameBytes: number;
  /** frames above this close the connection (1009): nobody legitimate sends them */
  hardMaxPayload: number;
  /** per-connection danmaku token bucket: rate per second and burst */
  danmakuPerSec: number;
  danmakuBurst: number;
  /** per-connection frame token bucket (all frames): rate per second and burst */
  framesPerSec: number;
  framesBurst: number;
  /** danmaku to a connection with more than this queued are skipped (sampled) */
  slowBufferBytes: number;
  /** a connection with more than this queued is closed (it reconnects and retries by key) */
  killBufferBytes: number;
  /** WebRTC peer pairs open at once (each holds ~40 fds and native threads) */
  maxPeers: number;
  maxConnections: number;
  /**
   * danmaku cadence per viewer: a viewer is sent danmaku at most once per this many ms (rounded to a whole
   * number G of fan-out ticks), from the batch of one tick in G (its phase), sampled under G times the
   * tick's per-viewer cap: the shown rate per viewer stays the room's cap, the comments stay fresh (one
   * tick old at most), and the frames written per second fall G-fold. 0: every tick.
   */
  danmakuEveryMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxFrameBytes: MAX_FRAME_BYTES,
  hardMaxPayload: 64 * 1024,
  // a person types a comment every few seconds at most; 2/s with a burst of 5 lets a quick typist through
  danmakuPerSec: 2,
  danmakuBurst: 5,
  framesPerSec: 50,
  framesBurst: 100,
  slowBufferBytes: 64 * 1024,
  killBufferBytes: 16 * 1024 * 1024,
  maxPeers: 5,
  maxConnections: 30_000,
  danmakuEveryMs: 0,
};

export interface ServerOptions {
  /** 0 (default): an ephemeral port */
  port?: number;
  /**
   * extra listening ports (0: any free one), same service: Node accepts one connection per listening
   * socket per event-loop iteration, so a busy server admits connections K times faster on K ports
   */
  listenPorts?: readonly number[];
  host?: string;
  stack: StackConfig;
  /** the host's script, served at /show */
  timeline?: ShowTimeline;
  /** HMAC secret of the join tokens; default: a random one (tokens then die with the process) */
  secret?: string;
  /** directory of the order journal; null/absent: no journal (orders do not survive a restart) */
  stateDir?: string | null;
  fsync?: boolean;
  limits?: Partial<ServerLimits>;
  /** the web/ directory (index.html, viewer.ts); null: no browser page */
  webDir?: string | null;
  log?: (line: string) => void;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** every listening port: `port` first, then the extra ones (listenPorts) */
  readonly ports: readonly number[];
  readonly secret: string;
  readonly hostToken: string;
  readonly runStartEpoch: number;
  /** orders replayed from the journal at start */
  readonly replayed: { inputs: number; orders: number };
  readonly stack: StackHost;
  readonly metrics: Metrics;
  viewerToken(viewer: number): string;
  close(): Promise<void>;
}

interface Conn {
  readonly id: number;
  readonly ws: WebSocket;
  readonly role: Role;
  readonly viewer: number;
  joined: boolean;
  left: boolean;
  joinedAt: number;
  peer: PeerLike | null;
  peerOpen: boolean;
  dmTokens: number;
  dmAt: number;
  frTokens: number;
  frAt: number;
  lastErrorAt: number;
  closed: boolean;
  /** the last danmaku batch (fan-out sequence) this connection was sent */
  dmSeen: number;
  /** the last broadcast this connection was sent */
  bcSeen: number;
  /** the last ambient message (social proof, sent at the danmaku cadence) this connection was sent */
  amSeen: number;
  /** danmaku cadence phase: this connection is sent the batches whose sequence ≡ −phase (mod G) */
  phase: number;
}

const epochNow = (): number => performance.timeOrigin + performance.now();
const NO_STAMP: Stamp = [0, 0];
const COMMENT_RING = 4096;

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const L: ServerLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const log = opts.log ?? (() => {});
  const secret = opts.secret ?? newSecret();
  const metrics = new Metrics();

  // ---- journal and stack ----
  let journal: Journal | null = null;
  let runStartEpoch = epochNow();
  const journalOrders: JournalOrder[] = [];
  let nextJoinId = 2_000_000_000;
  const stackHooks = {
    commerceInput: (m: Parameters<Journal['input']>[1], t: number) => journal?.input(t, m),
    orderPlaced: (o: { idempotencyKey: string; id: string; viewer: number; totalFen: number }, t: number) => {
      const rec: JournalOrder = { t, key: o.idempotencyKey, id: o.id, viewer: o.viewer, total: o.totalFen / 100 };
      journalOrders.push(rec);
      journal?.order(rec);
    },
  };
  const stack = new StackHost({ ...opts.stack, tickOnMessage: true }, stackHooks);
  if (stack.marketing !== null) {
    // load the segmenter's dictionary now, not on the first comment (it blocks the loop for ~0.5 s)
    warmSegmenter();
    classifyComment('这个口红适合黄皮吗 does it suit me');
  }
  const replayed = { inputs: 0, orders: 0 };
  if (opts.stateDir) {
    const { journal: j, replay } = Journal.open(opts.stateDir, { seed: opts.stack.seed, nowEpoch: runStartEpoch, ...(opts.fsync ? { fsync: true } : {}) });
    journal = j;
    if (replay !== null) {
      runStartEpoch = replay.runStartEpoch;
      for (const { t, m } of replay.inputs) stack.replayCommerce(m, t);
      journalOrders.push(...replay.orders);
      // an order placed by a journaled input whose own record did not make it before a crash
      const known = new Set(replay.orders.map((o) => o.id));
      for (const o of stack.commerce.orders.list) {
        if (!known.has(o.id)) stackHooks.orderPlaced(o, stack.now);
      }
      if (replay.nextViewerId !== undefined) nextJoinId = replay.nextViewerId;
      replayed.inputs = replay.inputs.length;
      replayed.orders = stack.commerce.orders.list.length;
      log(`journal: replayed ${replay.inputs.length} commerce inputs, ${replayed.orders} orders${replay.tornLines ? `, dropped ${replay.tornLines} torn line(s)` : ''}`);
    }
  }
  const runNow = (): number => epochNow() - runStartEpoch;
  // the native WebRTC module takes a few hundred ms to load: now, not on the first peer mid-run
  if (L.maxPeers > 0) loadRtc();

  // ---- metrics ----
  const cConnAccepted = metrics.counter('livelab_connections_accepted_total', 'WebSocket connections accepted, by role');
  const cConnRefused = metrics.counter('livelab_connections_refused_total', 'WebSocket upgrades refused, by reason');
  const cFramesIn = metrics.counter('livelab_frames_in_total', 'frames received, by transport');
  const framesIn = { ws: cFramesIn.cell({ transport: 'ws' }), rtc: cFramesIn.cell({ transport: 'rtc' }) };
  const cRejected = metrics.counter('livelab_frames_rejected_total', 'frames rejected, by reason (oversized, binary, json, schema, auth, rate, danmaku-rate)');
  const cFramesOut = metrics.counter('livelab_frames_out_total', 'frames sent, by kind (danmaku, broadcast, direct, host, transport)');
  const cBytesOut = metrics.counter('livelab_bytes_out_total', 'payload bytes sent');
  const cDanmakuSkipped = metrics.counter('livelab_danmaku_skipped_total', 'danmaku frames not sent to a slow consumer (send buffer above the bound)');
  const cSlowClosed = metrics.counter('livelab_slow_consumers_closed_total', 'connections closed because their send buffer passed the hard bound');
  const cUndeliverable = metrics.counter('livelab_undeliverable_total', 'direct messages for a viewer with no open connection, by type');
  const cClosed = metrics.counter('livelab_connections_closed_total', 'connections closed, by reason');
  const cPushes = metrics.counter('livelab_pushes_total', 'messages produced by the stack, by type');
  const cRtc = metrics.counter('livelab_rtc_total', 'WebRTC peer events (opened, refused, failed, closed)');
  const cInternal = metrics.counter('livelab_internal_errors_total', 'frames or timers a service threw on (bugs; the server keeps serving)');
  const cHttp = metrics.counter('livelab_http_requests_total', 'HTTP requests, by path');
  for (const r of REJECT_REASONS) cRejected.inc({ reason: r }, 0);
  const pushCells = new Map<string, Cell>();
  const pushCell = (type: string): Cell => {
    let c = pushCells.get(type);
    if (c === undefined) pushCells.set(type, (c = cPushes.cell({ type })));
    return c;
  };

  const conns = new Set<Conn>();
  const viewers = new Map<number, Conn>();
  const hosts = new Set<Conn>();
  let peers = 0;
  let baselineRss = process.memoryUsage().rss;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  metrics.gauge('livelab_connections', 'open WebSocket connections, by role', () => [
    [{ role: 'viewer' }, viewers.size],
    [{ role: 'host' }, hosts.size],
    [{ role: 'all' }, conns.size],
  ]);
  metrics.gauge('livelab_rtc_peers', 'WebRTC peer pairs open', () => peers);
  metrics.gauge('livelab_room_concurrent', 'viewers present in the room (engine/room)', () => stack.room.presence.joinedAt.size);
  metrics.gauge('livelab_orders', 'orders placed (journaled) since the run started, restarts included', () => journalOrders.length);
  metrics.gauge('livelab_order_replays_total', 'checkouts answered with the order their key already had (this process)', () => stack.commerce.counters.checkoutReplays);
  metrics.gauge('livelab_journal_records_total', 'journal records written by this process', () => journal?.records ?? 0);
  metrics.gauge('livelab_journal_replayed_inputs', 'commerce inputs replayed from the journal at start', () => replayed.inputs);
  metrics.gauge('livelab_prompts_total', 'host prompts made by the marketing engine (this process)', () => stack.marketing?.prompter?.emitted ?? 0);
  metrics.gauge('process_cpu_seconds_total', 'user + system CPU time of the server process', () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1e6;
  });
  metrics.gauge('process_cpu_user_seconds_total', 'user CPU time', () => process.cpuUsage().user / 1e6);
  metrics.gauge('process_resident_memory_bytes', 'resident set size', () => process.memoryUsage.rss());
  metrics.gauge('nodejs_heap_used_bytes', 'V8 heap used', () => process.memoryUsage().heapUsed);
  metrics.gauge('livelab_memory_per_connection_bytes', 'resident memory above the idle baseline, per open connection', () =>
    conns.size === 0 ? 0 : Math.max(0, process.memoryUsage.rss() - baselineRss) / conns.size,
  );
  metrics.gauge('livelab_eventloop_delay_p99_seconds', 'event-loop delay p99 since the previous scrape', () => {
    const v = loop.percentile(99) / 1e9;
    loop.reset();
    return v;
  });
  metrics.gauge('livelab_run_seconds', 'run time (since the journal run start)', () => runNow() / 1000);

  // ---- outbound ----
  const wsOpen = (c: Conn): boolean => !c.closed && c.ws.readyState === 1;

  type Kind = 'danmaku' | 'broadcast' | 'ambient' | 'direct' | 'host' | 'transport';
  const KINDS: Kind[] = ['danmaku', 'broadcast', 'ambient', 'direct', 'host', 'transport'];
  const outCells = {
    ws: Object.fromEntries(KINDS.map((k) => [k, cFramesOut.cell({ kind: k, transport: 'ws' })])) as Record<Kind, Cell>,
    rtc: Object.fromEntries(KINDS.map((k) => [k, cFramesOut.cell({ kind: k, transport: 'rtc' })])) as Record<Kind, Cell>,
  };
  const bytesOut = cBytesOut.cell();
  const danmakuSkipped = cDanmakuSkipped.cell();

  const connBuffered = (c: Conn): number => (c.peerOpen && c.peer !== null ? peerBuffered(c.peer) : c.ws.bufferedAmount);

  /** `bytes`: the frame already UTF-8 encoded (shared by several connections), sent as a text frame */
  function sendTo(c: Conn, s: string, kind: Kind, droppable: boolean, bytes: Buffer | null = null): boolean {
    if (c.closed) return false;
    if (c.peerOpen && c.peer !== null) {
      if (droppable && peerBuffered(c.peer) > L.slowBufferBytes) {
        danmakuSkipped.inc();
        return false;
      }
      try {
        c.peer.send(s);
        outCells.rtc[kind].inc();
        bytesOut.inc(s.length);
        return true;
      } catch {
        c.peerOpen = false;
      }
    }
    if (!wsOpen(c)) return false;
    const buffered = c.ws.bufferedAmount;
    if (droppable && buffered > L.slowBufferBytes) {
      danmakuSkipped.inc();
      return false;
    }
    if (buffered > L.killBufferBytes) {
      cSlowClosed.inc();
      c.ws.terminate();
      return false;
    }
    if (bytes !== null) c.ws.send(bytes, { binary: false });
    else c.ws.send(s);
    outCells.ws[kind].inc();
    bytesOut.inc(bytes?.length ?? s.length);
    return true;
  }

  const frameOf = (m: DownMessage | TransportDown, c?: Stamp): string => {
    const f: DownFrame = c === undefined || c === NO_STAMP ? { m, s: epochNow() } : { m, c, s: epochNow() };
    return JSON.stringify(f);
  };
  const sendTransport = (c: Conn, m: TransportDown): void => void sendTo(c, frameOf(m), 'transport', false);

  // danmaku stamps by comment id (room ids are consecutive), and a ring of recent comments for prompts
  const danmakuStamps = new Map<number, Stamp>();
  const ringAt = new Float64Array(COMMENT_RING);
  const ringStamp: Stamp[] = new Array<Stamp>(COMMENT_RING).fill(NO_STAMP);
  let ringN = 0;

  function stampOfCommentAt(at: number): Stamp {
    // the latest comment at or before `at` (prompts are due at the comment that completed their cluster)
    let best: Stamp = NO_STAMP;
    let bestAt = -Infinity;
    const n = Math.min(ringN, COMMENT_RING);
    for (let k = 0; k < n; k++) {
      const i = (ringN - 1 - k) % COMMENT_RING;
      const t = ringAt[i]!;
      if (t <= at + 0.5 && t > bestAt) {
        bestAt = t;
        best = ringStamp[i]!;
        break;
      }
    }
    return best;
  }

  // Fan-out runs in sweeps over the room, in slices of viewers with the event loop free in between, so
  // that comments, orders and the host's actions are not held up behind thousands of sends. Each
  // connection remembers the last danmaku batch (`dmSeen`) and the last broadcast (`bcSeen`) it was sent;
  // a sweep sends every viewer it reaches all it has not had yet in ONE frame ({"b": [...]} when there is
  // more than one message): broadcasts in order, then the danmaku of every batch it missed (each sampled
  // under the per-viewer cap). What arrives mid-sweep is picked up by the viewers not yet reached, and a
  // new sweep follows for the others. Under overload the frames per viewer thus fall, instead of a queue
  // growing; at most MAX_PARTS danmaku batches are kept (older ones are cut for whoever missed them,
  // counted); broadcasts (pitches, flash sales, social proof, the show's end) are never cut.
  interface Part {
    seq: number;
    batch: DanmakuBatch;
    itemJson: string[];
    stampJson: string[];
    index: Map<object, number>;
    /** the batch as sampled for a viewer on a G-tick cadence (G × the tick's cap) */
    wide: DanmakuBatch;
    /** when it was made (performance.now) */
    madeAt: number;
  }
  interface Sweep {
    targets: Conn[];
    pos: number;
    /**
     * viewers a danmaku batch made due while the sweep ran: served first, in the next slices (a
     * broadcast's sweep of the whole room took 200–500 ms at 10,000 viewers, and the chat of the viewers
     * it had passed, or had yet to reach, waited for it: the fan-out's p99)
     */
    urgent: Conn[];
    upos: number;
  }
  const parts: Part[] = [];
  let partSeq = 0;
  /** broadcasts not yet sent to every viewer; `bytes`: the frame UTF-8 encoded once, for whoever gets it alone */
  const bcasts: { seq: number; frame: string; bytes: Buffer }[] = [];
  let bcSeq = 0;
  let sweep: Sweep | null = null;
  let fanoutScheduled = false;
  /**
   * A slice of a sweep ends after this much time (checked every FANOUT_CHECK viewers), so that frames
   * coming in are read between slices: with a fixed 500 viewers a slice took 15–20 ms typically and 100–270
   * ms when the machine was busy, and comments waited that long to be read (read lag p99 200–550 ms at
   * 10,000 viewers × 500 comments/s).
   */
  const FANOUT_SLICE_MS = 4;
  const FANOUT_CHECK = 16;
  const diag = new ServerDiag();
  /** (LIVELAB_SERVER_DIAG) when each batch not yet swept was made, and when the last slice ended */
  const batchMadeAt = new Map<number, number>();
  let lastSliceEnd = performance.now();
  const tickMs = stack.room.fanout.cfg.tickMs;
  /** G: a viewer is sent danmaku from one fan-out tick in G */
  const dmEvery = Math.max(1, Math.round(L.danmakuEveryMs / tickMs));
  const MAX_PARTS = 5;
  const cFanoutCut = metrics.counter('livelab_danmaku_backlog_cut_total', 'danmaku batches dropped from the fan-out before every viewer had them (overload)');
  const cSweeps = metrics.counter('livelab_fanout_sweeps_total', 'fan-out sweeps over the room');
  const cCoalesced = metrics.counter('livelab_frames_coalesced_total', 'messages that shared a frame with others (one write for several)');
  metrics.gauge('livelab_fanout_pending', 'danmaku batches and broadcasts not yet sent to every viewer', () => parts.length + bcasts.length);
  const sweepCell = cSweeps.cell();
  const coalescedCell = cCoalesced.cell();

  /** whether a danmaku batch for this connection's phase came since the last one it was sent */
  function dmDue(c: Conn): boolean {
    if (c.dmSeen >= partSeq) return false;
    if (dmEvery === 1) return true;
    const s0 = c.dmSeen + 1;
    const first = s0 + ((((-(s0 + c.phase)) % dmEvery) + dmEvery) % dmEvery);
    return first <= partSeq;
  }
  const needs = (c: Conn): boolean => c.bcSeen < bcSeq || dmDue(c) || c.amSeen < amForced;

  // Ambient messages (social proof: "12 people just bought this"), with a danmaku cadence (G > 1): not a
  // sweep of the whole room (commerce flushes them every 5 s, one per SKU bought: in the 10,000-viewer
  // stress run they were ~80 % of the broadcast frames, 0.2 frames per viewer-second, and each flush's
  // sweep held back the danmaku sweeps behind it), but sent to each viewer with its next danmaku, in the
  // same frame ({"b":[danmaku, ambient…]}, the danmaku first), so at most one period late. A message still
  // not sent to a viewer after one period (no chat for its phase) goes out to it alone (`amForced`). At
  // most MAX_AMBIENT are kept; a viewer further behind misses the oldest (counted).
  const AMBIENT_TYPES: ReadonlySet<string> = new Set(['social.purchase']);
  const MAX_AMBIENT = 64;
  const ambs: { seq: number; frame: string; at: number }[] = [];
  let amSeq = 0;
  /** ambient messages up to this one are overdue: sent to whoever lacks them, cadence or not */
  let amForced = 0;
  let amTimer: ReturnType<typeof setTimeout> | null = null;
  const cAmbient = metrics.counter('livelab_ambient_total', 'ambient messages (social proof) sent at the danmaku cadence: queued, cut before every viewer had them');
  const ambQueued = cAmbient.cell({ event: 'queued' });
  const ambCut = cAmbient.cell({ event: 'cut' });
  /** the ambient messages after a viewer's `amSeen`: their frames joined by commas, and how many */
  const ambJoined = new Map<number, { text: string; n: number }>();
  /** a group's danmaku bytes with the ambient messages after the same `amSeen` (most members share both) */
  const comboCache = new WeakMap<Buffer, { amb: string; bytes: Buffer }>();
  function comboBytes(dmText: string, dmBytes: Buffer, amb: string): Buffer {
    const hit = comboCache.get(dmBytes);
    if (hit !== undefined && hit.amb === amb) return hit.bytes;
    const bytes = Buffer.from(`{"b":[${dmText},${amb}]}`, 'utf8');
    comboCache.set(dmBytes, { amb, bytes });
    return bytes;
  }

  function ambient(frame: string): void {
    ambs.push({ seq: ++amSeq, frame, at: performance.now() });
    ambQueued.inc();
    while (ambs.length > MAX_AMBIENT) {
      ambs.shift();
      ambCut.inc();
    }
    ambJoined.clear();
    armAmbient();
  }

  /** one period after the oldest message not yet forced: force what is a period old by then */
  function armAmbient(): void {
    if (amTimer !== null) return;
    const first = ambs.find((a) => a.seq > amForced);
    if (first === undefined) return;
    amTimer = setTimeout(
      () => {
        amTimer = null;
        const cutoff = performance.now() - L.danmakuEveryMs;
        let forced = amForced;
        for (const a of ambs) if (a.at <= cutoff) forced = a.seq;
        if (forced > amForced) {
          amForced = forced;
          kick();
        }
        // forgotten once every viewer has had them or they are overdue (and so swept): older than two periods
        while (ambs.length > 0 && ambs[0]!.seq <= amForced && ambs[0]!.at <= cutoff - L.danmakuEveryMs) {
          ambs.shift();
          ambJoined.clear();
        }
        armAmbient();
      },
      Math.max(1, Math.ceil(first.at + L.danmakuEveryMs - performance.now()) + 1),
    );
  }

  const NO_AMBIENT = { text: '', n: 0 };
  /** the ambient messages after `seen` (none: text '') */
  function ambientAfter(seen: number): { text: string; n: number } {
    if (seen >= amSeq) return NO_AMBIENT;
    let j = ambJoined.get(seen);
    if (j === undefined) {
      const after = ambs.filter((a) => a.seq > seen);
      j = { text: after.map((a) => a.frame).join(','), n: after.length };
      ambJoined.set(seen, j);
    }
    return j;
  }

  /** the viewers in the room with something to be sent */
  function present(): Conn[] {
    const out: Conn[] = [];
    for (const c of viewers.values()) if (c.joined && !c.left && needs(c)) out.push(c);
    return out;
  }

  function sendBatch(batch: DanmakuBatch): void {
    const items = batch.items;
    const first = batch.firstId ?? 0;
    if (diag.on) {
      const e = epochNow();
      for (let id = first; id < first + items.length; id++) {
        const st = danmakuStamps.get(id);
        if (st !== undefined && st[1] > 0) diag.add('batchLag', e - st[1]);
      }
      batchMadeAt.set(partSeq + 1, e);
    }
    parts.push({
      seq: ++partSeq,
      batch,
      itemJson: items.map((it) => JSON.stringify(it)),
      stampJson: items.map((_, i) => {
        const st = danmakuStamps.get(first + i) ?? NO_STAMP;
        return `[${st[0]},${st[1]}]`;
      }),
      index: new Map(items.map((it, i) => [it as object, i])),
      wide: dmEvery > 1 && batch.perViewer !== undefined ? { ...batch, perViewer: batch.perViewer * dmEvery } : batch,
      madeAt: performance.now(),
    });
    for (let id = first; id < first + items.length; id++) danmakuStamps.delete(id);
    groupFrames.clear();
    while (parts.length > MAX_PARTS) {
      parts.shift();
      cFanoutCut.inc();
    }
    if (sweep !== null) {
      // the viewers this batch is due to go first in the running sweep (whether it has passed them, or
      // would reach them only at its end, or they are not in it)
      for (const c of viewers.values()) if (c.joined && !c.left && !c.closed && dmDue(c)) sweep.urgent.push(c);
    }
    kick();
  }

  /** A message to every viewer in the room, sent in the sweeps (the loop stays free). */
  function broadcast(frame: string): void {
    bcasts.push({ seq: ++bcSeq, frame, bytes: Buffer.from(frame, 'utf8') });
    kick();
  }

  function kick(): void {
    if (sweep === null) {
      sweep = { targets: present(), pos: 0, urgent: [], upos: 0 };
      sweepCell.inc();
    }
    if (!fanoutScheduled) {
      fanoutScheduled = true;
      setImmediate(fanoutSlice);
    }
  }

  /**
   * The danmaku of every batch after `seen` in a cadence phase, sampled as the room samples for viewer
   * `as`, as a frame; null if it shows nothing. `authors`: whose comments it shows.
   */
  function buildDanmaku(phase: number, seen: number, as: number, authors: Set<number> | null): string | null {
    let a = '';
    let b = '';
    let n = 0;
    for (const p of parts) {
      if (p.seq <= seen || (p.seq + phase) % dmEvery !== 0) continue;
      const shown = danmakuShownTo(p.wide, as);
      for (let k = 0; k < shown.length; k++) {
        const i = p.index.get(shown[k]!)!;
        if (n++ > 0) {
          a += ',';
          b += ',';
        }
        a += p.itemJson[i];
        b += p.stampJson[i];
        authors?.add(shown[k]!.viewer);
      }
    }
    return n === 0 ? null : `{"m":{"type":"danmaku.batch","items":[${a}]},"it":[${b}],"s":${epochNow()}}`;
  }

  // Sampling groups: the viewers of a cadence phase are dealt into DM_GROUPS groups (by connection), and
  // the members of a group who last had the same batch are shown the same sample (the room's sampler,
  // keyed by the group instead of the viewer). Its frame is built and UTF-8 encoded once and the same
  // bytes go to every member (a profile at 4,000 viewers spent ~5 % of the server's busy time building
  // and encoding per-viewer frames). A member whose own comment is in the group's sample gets a sample of
  // its own: the room never shows a viewer its own comments. The cache is emptied when a batch comes.
  const DM_GROUPS = 16;
  const GROUP_ID_BASE = -1_000_000;
  interface GroupFrame {
    text: string;
    bytes: Buffer;
    authors: Set<number>;
  }
  const groupFrames = new Map<string, GroupFrame | null>();
  const cGroupShared = metrics.counter('livelab_danmaku_group_frames_total', 'danmaku frames sent: shared (the sampling group\'s bytes) or own (built for one viewer)');
  const groupShared = cGroupShared.cell({ kind: 'shared' });
  const groupOwn = cGroupShared.cell({ kind: 'own' });

  /** The danmaku of every batch the viewer has not had, as a frame (null if none shows it anything). */
  function danmakuFrame(c: Conn): { text: string; bytes: Buffer | null } | null {
    if (diag.on) {
      const now = performance.now();
      for (const p of parts) if (p.seq > c.dmSeen && (p.seq + c.phase) % dmEvery === 0) diag.add('frameAge', now - p.madeAt);
    }
    const group = Math.floor(c.id / dmEvery) % DM_GROUPS;
    const key = `${c.phase}:${group}:${c.dmSeen}`;
    let g = groupFrames.get(key);
    if (g === undefined) {
      const authors = new Set<number>();
      const text = buildDanmaku(c.phase, c.dmSeen, GROUP_ID_BASE - group, authors);
      g = text === null ? null : { text, bytes: Buffer.from(text, 'utf8'), authors };
      groupFrames.set(key, g);
    }
    let out: { text: string; bytes: Buffer | null } | null = g;
    if (g !== null && g.authors.has(c.viewer)) {
      const own = buildDanmaku(c.phase, c.dmSeen, c.viewer, null);
      out = own === null ? null : { text: own, bytes: null };
      groupOwn.inc();
    } else if (g !== null) groupShared.inc();
    c.dmSeen = partSeq;
    return out;
  }

  function serve(c: Conn): void {
    let bc: string[] | null = null;
    let bcOnly: Buffer | null = null;
    if (c.bcSeen < bcSeq) {
      bc = [];
      for (const x of bcasts) {
        if (x.seq <= c.bcSeen) continue;
        bc.push(x.frame);
        bcOnly = x.bytes;
      }
      c.bcSeen = bcSeq;
    }
    let dm: { text: string; bytes: Buffer | null } | null = null;
    // danmaku only when the connection can take them (a slow consumer gets sampled chat, all its pushes)
    const due = dmDue(c);
    if (due) {
      if (connBuffered(c) > L.slowBufferBytes) {
        c.dmSeen = partSeq;
        danmakuSkipped.inc();
      } else dm = danmakuFrame(c);
    }
    // ambient messages ride the cadence (or go alone once overdue)
    let amb = NO_AMBIENT;
    if ((due || bc !== null || c.amSeen < amForced) && c.amSeen < amSeq) {
      amb = ambientAfter(c.amSeen);
      // (messages already forgotten are missed: the viewer is not due them again)
      c.amSeen = amSeq;
    }
    if (bc === null) {
      if (amb.n === 0) {
        if (dm !== null) sendTo(c, dm.text, 'danmaku', true, dm.bytes);
        return;
      }
      if (dm === null) {
        if (amb.n > 1) coalescedCell.inc(amb.n - 1);
        sendTo(c, amb.n === 1 ? amb.text : `{"b":[${amb.text}]}`, 'ambient', false);
        return;
      }
      coalescedCell.inc(amb.n);
      sendTo(c, `{"b":[${dm.text},${amb.text}]}`, 'danmaku', false, dm.bytes === null ? null : comboBytes(dm.text, dm.bytes, amb.text));
      return;
    }
    if (dm !== null) bc.push(dm.text);
    if (amb.n > 0) bc.push(amb.text);
    if (bc.length === 1) sendTo(c, bc[0]!, 'broadcast', false, dm === null ? bcOnly : null);
    else if (bc.length > 1) {
      coalescedCell.inc(bc.length - 1);
      sendTo(c, `{"b":[${bc.join(',')}]}`, 'broadcast', false);
    }
  }

  /** Serves list[from…] until it ends or the slice begun at `started` has had its time; returns where it stopped. */
  function serveSlice(list: Conn[], from: number, started: number): number {
    let i = from;
    while (i < list.length) {
      const end = Math.min(list.length, i + FANOUT_CHECK);
      for (; i < end; i++) {
        const c = list[i]!;
        if (c.closed || c.left || !needs(c)) continue;
        serve(c);
      }
      if (performance.now() - started >= FANOUT_SLICE_MS) break;
    }
    return i;
  }

  function fanoutSlice(): void {
    fanoutScheduled = false;
    const sw = sweep;
    if (sw === null) return;
    const started = performance.now();
    if (diag.on) diag.add('sliceGap', started - lastSliceEnd);
    // the viewers a new batch made due first, then the sweep's own order, while the slice's time lasts
    sw.upos = serveSlice(sw.urgent, sw.upos, started);
    if (sw.upos >= sw.urgent.length && performance.now() - started < FANOUT_SLICE_MS) sw.pos = serveSlice(sw.targets, sw.pos, started);
    if (diag.on) {
      lastSliceEnd = performance.now();
      diag.add('slice', lastSliceEnd - started);
    }
    if (sw.pos >= sw.targets.length && sw.upos >= sw.urgent.length) {
      if (diag.on) {
        const b = batchMadeAt.get(partSeq);
        if (b !== undefined) diag.add('sweepDone', epochNow() - b);
        batchMadeAt.clear();
      }
      sweep = null;
      // what came in during the sweep: another sweep for the viewers reached before it
      const next = present();
      if (next.length > 0) {
        sweep = { targets: next, pos: 0, urgent: [], upos: 0 };
        sweepCell.inc();
      } else {
        parts.length = 0;
        groupFrames.clear();
        bcasts.length = 0;
      }
    }
    if (sweep !== null && !fanoutScheduled) {
      fanoutScheduled = true;
      setImmediate(fanoutSlice);
    }
  }

  /**
   * Sends what the stack produced. `origin`: the connection whose message this answers; what is addressed
   * to its viewer goes back on it (a checkout settled on a connection that never joined the room, e.g.
   * after a reconnect, is answered there, not lost for want of a joined one).
   */
  function dispatch(out: readonly StackOutbound[], cause: Stamp, promptCause: { count: number; sum: number } | null, now: number, origin?: Conn): void {
    let promptStamp: Stamp | undefined;
    for (const { to, msg } of out) {
      pushCell(msg.type).inc();
      if (msg.type === 'danmaku.batch') {
        sendBatch(msg);
        continue;
      }
      if (to === 'host') {
        if (msg.type === 'host.prompt' && promptStamp === undefined) {
          const p = stack.marketing?.prompter;
          if (p && promptCause && p.latency.count > promptCause.count) {
            const mean = (p.latency.sum - promptCause.sum) / (p.latency.count - promptCause.count);
            promptStamp = stampOfCommentAt(now - mean);
          } else promptStamp = NO_STAMP;
        }
        const s = frameOf(msg, promptStamp);
        for (const h of hosts) sendTo(h, s, 'host', false);
      } else if (to === 'all') {
        if (dmEvery > 1 && AMBIENT_TYPES.has(msg.type)) ambient(frameOf(msg, cause));
        else broadcast(frameOf(msg, cause));
      } else {
        const c = origin !== undefined && origin.viewer === to && !origin.closed ? origin : viewers.get(to);
        if (c === undefined || !sendTo(c, frameOf(msg, cause), 'direct', false)) cUndeliverable.inc({ type: msg.type });
      }
    }
    // forget stamps of comments whose batch went out without us (a tick with a zero allowance)
    const nextId = stack.room.fanout.nextId;
    for (const id of danmakuStamps.keys()) {
      if (id >= nextId) break;
      danmakuStamps.delete(id);
    }
  }

  // ---- time ----
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerAt = Infinity;
  function promptMark(): { count: number; sum: number } | null {
    const p = stack.marketing?.prompter;
    return p ? { count: p.latency.count, sum: p.latency.sum } : null;
  }
  function advanceNow(): void {
    const mark = promptMark();
    const now = runNow();
    const t0 = diag.on ? performance.now() : 0;
    try {
      dispatch(stack.advance(now), NO_STAMP, mark, now);
      if (diag.on) diag.add('advance', performance.now() - t0);
    } catch (e) {
      cInternal.inc();
      log(`internal error in advance: ${(e as Error).stack ?? String(e)}`);
    }
  }
  function schedule(): void {
    const due = stack.nextDueAt();
    if (due === undefined || due >= timerAt) return;
    if (timer !== null) clearTimeout(timer);
    timerAt = due;
    timer = setTimeout(
      () => {
        timer = null;
        timerAt = Infinity;
        advanceNow();
        schedule();
      },
      Math.max(0, Math.ceil(due - runNow()) + 1),
    );
  }
  // the marketing tick for what waits on time alone (deferred prompts, funnel seconds, alerts)
  const ticker = setInterval(() => {
    advanceNow();
    schedule();
  }, 100);

  // ---- incoming ----
  function bucket(c: Conn, which: 'dm' | 'fr', now: number): boolean {
    if (which === 'dm') {
      c.dmTokens = Math.min(L.danmakuBurst, c.dmTokens + ((now - c.dmAt) * L.danmakuPerSec) / 1000);
      c.dmAt = now;
      if (c.dmTokens < 1) return false;
      c.dmTokens -= 1;
      return true;
    }
    c.frTokens = Math.min(L.framesBurst, c.frTokens + ((now - c.frAt) * L.framesPerSec) / 1000);
    c.frAt = now;
    if (c.frTokens < 1) return false;
    c.frTokens -= 1;
    return true;
  }

  function refuse(c: Conn, reason: string, detail: string): void {
    cRejected.inc({ reason });
    const now = runNow();
    if (now - c.lastErrorAt >= 1000) {
      c.lastErrorAt = now;
      sendTransport(c, { type: 'error', reason, detail: detail.slice(0, 200) });
    }
  }

  /** A frame through the services; a service that throws on some input is a bug, counted and logged, not a crash. */
  function onFrame(c: Conn, data: RawData | string, binary: boolean, transport: 'ws' | 'rtc'): void {
    try {
      handleFrame(c, data, binary, transport);
    } catch (e) {
      cInternal.inc();
      log(`internal error on a frame from ${c.role} ${c.viewer}: ${(e as Error).stack ?? String(e)}`);
      refuse(c, 'internal', 'the server could not handle this frame');
    }
  }

  function handleFrame(c: Conn, data: RawData | string, binary: boolean, transport: 'ws' | 'rtc'): void {
    framesIn[transport].inc();
    const now = runNow();
    if (!bucket(c, 'fr', now)) {
      cRejected.inc({ reason: 'rate' });
      return;
    }
    const raw = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    const p = parseUpFrame(raw, binary, L.maxFrameBytes);
    if (!p.ok) return refuse(c, p.reason, p.detail);
    if (p.kind === 'signal') return onSignal(c, p.frame.m);
    const stamp: Stamp = p.frame.t === undefined ? NO_STAMP : [p.frame.t, p.frame.w ?? p.frame.t];
    if (p.kind === 'host') {
      if (c.role !== 'host') return refuse(c, 'auth', `${p.frame.m.type} needs the host's token`);
      const mark = promptMark();
      dispatch(stack.host(p.frame.m as HostUp, now), stamp, mark, now);
      return schedule();
    }
    onViewerMessage(c, p.frame as UpFrame & { m: ViewerUp }, stamp, now);
  }

  function onViewerMessage(c: Conn, f: UpFrame & { m: ViewerUp }, stamp: Stamp, now: number): void {
    const m = f.m;
    if (c.role !== 'viewer') return refuse(c, 'auth', 'the host cannot send viewer messages');
    if (m.viewer !== c.viewer) return refuse(c, 'auth', `this token acts for viewer ${c.viewer}, not ${m.viewer}`);
    if (m.type === 'danmaku.sent') {
      if (diag.on && f.w !== undefined) diag.add('readLag', epochNow() - f.w);
      if (!bucket(c, 'dm', now)) {
        cRejected.inc({ reason: 'danmaku-rate' });
        return;
      }
    }
    if (m.type === 'room.join') {
      const prev = viewers.get(c.viewer);
      if (prev !== undefined && prev !== c) {
        // the same viewer again (a reconnect that beat the old socket's close): the newest connection wins
        viewers.delete(c.viewer);
        prev.closed = true;
        prev.ws.close(CLOSE.replaced, 'replaced by a newer connection');
        closePeer(prev);
      }
      viewers.set(c.viewer, c);
      c.dmSeen = partSeq;
      c.bcSeen = bcSeq;
      c.amSeen = amSeq;
      c.joined = true;
      c.left = false;
      c.joinedAt = now;
    } else if (!c.joined) {
      // a viewer who left (or whose connection dropped) may still settle an order or a return: commerce
      // does not need presence; a leave repeated after a reconnect is a no-op; anything else needs a join
      if (m.type === 'room.leave') return;
      if (m.type !== 'checkout.submitted' && m.type !== 'return.requested') return refuse(c, 'not-joined', `${m.type} before room.join`);
    }
    if (m.type === 'room.leave') c.left = true;
    const fan = stack.room.fanout;
    const received = fan.counters.received;
    const mark = promptMark();
    const msg = m.type === 'danmaku.sent' && m.truth !== undefined ? { type: m.type, viewer: m.viewer, text: m.text, lang: m.lang } : m;
    const out = stack.viewer(msg as ViewerUp, now);
    if (m.type === 'danmaku.sent' && fan.counters.received > received) {
      danmakuStamps.set(fan.nextId + fan.items.length - 1, stamp);
      const i = ringN % COMMENT_RING;
      ringAt[i] = stack.now;
      ringStamp[i] = stamp;
      ringN++;
    }
    dispatch(out, stamp, mark, now, c);
    schedule();
  }

  // ---- WebRTC signalling ----
  function closePeer(c: Conn): void {
    if (c.peer === null) return;
    const p = c.peer;
    c.peer = null;
    c.peerOpen = false;
    peers--;
    cRtc.inc({ event: 'closed' });
    try {
      p.destroy();
    } catch {
      /* already gone */
    }
  }

  function onSignal(c: Conn, m: SignalUp): void {
    if (m.type === 'ping') return sendTransport(c, { type: 'pong' });
    if (m.type === 'rtc.close') return closePeer(c);
    if (c.peer === null) {
      const kit = loadRtc();
      if (kit === null || peers >= L.maxPeers) {
        cRtc.inc({ event: 'refused' });
        return sendTransport(c, { type: 'rtc.refused', reason: kit === null ? 'webrtc is unavailable on the server' : `at most ${L.maxPeers} peers at once` });
      }
      const p = kit.createPeer(false);
      c.peer = p;
      peers++;
      p.on('signal', (data) => sendTransport(c, { type: 'rtc.signal', data }));
      p.on('connect', () => {
        if (c.peer !== p) return;
        c.peerOpen = true;
        cRtc.inc({ event: 'opened' });
      });
      p.on('data', (d) => {
        if (c.peer === p) onFrame(c, typeof d === 'string' ? d : Buffer.from(d), false, 'rtc');
      });
      p.on('close', () => {
        if (c.peer === p) closePeer(c);
      });
      p.on('error', () => {
        cRtc.inc({ event: 'failed' });
        if (c.peer === p) closePeer(c);
      });
    }
    try {
      c.peer!.signal(m.data);
    } catch {
      cRtc.inc({ event: 'failed' });
      closePeer(c);
    }
  }

  // ---- connections ----
  let nextConnId = 1;
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: L.hardMaxPayload, clientTracking: false });

  function onConnection(ws: WebSocket, claims: TokenClaims): void {
    const now = runNow();
    const c: Conn = {
      id: nextConnId++,
      ws,
      role: claims.role,
      viewer: claims.role === 'host' ? -1 : claims.viewer,
      joined: false,
      left: false,
      joinedAt: now,
      peer: null,
      peerOpen: false,
      dmTokens: L.danmakuBurst,
      dmAt: now,
      frTokens: L.framesBurst,
      frAt: now,
      lastErrorAt: -Infinity,
      closed: false,
      dmSeen: 0,
      bcSeen: 0,
      amSeen: 0,
      phase: 0,
    };
    c.phase = c.id % dmEvery;
    conns.add(c);
    if (c.role === 'host') hosts.add(c);
    cConnAccepted.inc({ role: c.role });
    ws.on('message', (data, isBinary) => onFrame(c, data, isBinary, 'ws'));
    ws.on('error', (e: Error & { code?: string }) => {
      const code = e.code ?? 'error';
      if (code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') cRejected.inc({ reason: 'oversized-close' });
      else cClosed.inc({ reason: code });
    });
    ws.on('close', (code) => {
      conns.delete(c);
      hosts.delete(c);
      closePeer(c);
      cClosed.inc({ reason: String(code) });
      if (viewers.get(c.viewer) === c) {
        viewers.delete(c.viewer);
        if (c.joined && !c.left) {
          const t = runNow();
          const mark = promptMark();
          dispatch(stack.viewer({ type: 'room.leave', viewer: c.viewer, reason: 'dropped', watchedMs: Math.max(0, t - c.joinedAt) }, t), NO_STAMP, mark, t);
        }
      }
      c.closed = true;
    });
    sendTransport(c, { type: 'welcome', role: c.role, viewer: c.viewer, runStartEpoch, serverNow: now });
  }

  function refuseUpgrade(socket: Duplex, status: number, text: string, reason: string): void {
    cConnRefused.inc({ reason });
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  }

  // ---- HTTP ----
  const web = opts.webDir ? new WebAssets(opts.webDir) : null;
  const json = (res: ServerResponse, status: number, body: unknown): void => {
    const s = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(s);
  };
  const bearer = (req: IncomingMessage, url: URL): TokenClaims | null => {
    const h = req.headers.authorization;
    const token = h?.startsWith('Bearer ') ? h.slice(7) : url.searchParams.get('token');
    return token ? verifyToken(secret, token, Date.now()) : null;
  };
  const readBody = (req: IncomingMessage, max = 16_384): Promise<string | null> =>
    new Promise((resolve) => {
      let s = '';
      let over = false;
      req.setEncoding('utf8');
      req.on('data', (d: string) => {
        s += d;
        if (s.length > max) over = true;
      });
      req.on('end', () => resolve(over ? null : s));
      req.on('error', () => resolve(null));
    });

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    cHttp.inc({ path: ['/health', '/metrics', '/state', '/show', '/join', '/orders', '/control'].includes(path) ? path : 'other' });
    if (req.method === 'GET' && path === '/health') return json(res, 200, { ok: true, connections: conns.size, viewers: viewers.size, runMs: Math.round(runNow()), ports });
    if (req.method === 'GET' && path === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      const t0 = diag.on ? performance.now() : 0;
      const text = metrics.render();
      if (diag.on) diag.add('metrics', performance.now() - t0);
      return void res.end(text);
    }
    if (req.method === 'GET' && path === '/state') {
      const s = stack.summary();
      return json(res, 200, {
        runMs: runNow(),
        room: s.room,
        commerce: { ...s.commerce, perSku: undefined },
        marketing: s.marketing && { ...s.marketing, skuHeat: s.marketing.skuHeat.slice(0, 5), alertList: s.marketing.alertList.slice(-5) },
      });
    }
    if (req.method === 'GET' && path === '/show') {
      return json(res, 200, {
        runStartEpoch,
        runMs: runNow(),
        timeline: opts.timeline ?? null,
        skus: opts.stack.catalog.skus.map((k) => ({ id: k.id, name: k.name, category: k.category, subcategory: k.subcategory, price: k.price, listPrice: k.listPrice })),
      });
    }
    if (req.method === 'POST' && path === '/join') {
      const viewer = nextJoinId++;
      journal?.ids(nextJoinId);
      return json(res, 200, { viewer, token: viewerToken(secret, viewer, Date.now()) });
    }
    if (path === '/orders' || path === '/control') {
      const who = bearer(req, url);
      if (who?.role !== 'host') return json(res, 401, { error: 'a host token is required' });
      if (path === '/orders') return json(res, 200, { orders: journalOrders, duplicateKeys: duplicateKeys(journalOrders), journaled: journal !== null });
      if (req.method !== 'POST') return json(res, 405, { error: 'POST a ControlMsg' });
      const body = await readBody(req);
      let msg: ControlMsg;
      try {
        msg = JSON.parse(body ?? '') as ControlMsg;
      } catch {
        return json(res, 400, { error: 'a JSON ControlMsg' });
      }
      if (!['show.ended', 'payment.outage', 'stock.restock', 'coupon.issue'].includes((msg as { type?: string })?.type ?? '')) return json(res, 400, { error: 'unknown control type' });
      const now = runNow();
      dispatch(stack.control(msg, now), NO_STAMP, promptMark(), now);
      schedule();
      return json(res, 200, { ok: true });
    }
    if (web !== null && req.method === 'GET') {
      const a = await web.get(path);
      if (a !== null) {
        res.writeHead(a.status, { 'content-type': a.type, 'cache-control': 'no-store' });
        return void res.end(a.body);
      }
    }
    json(res, 404, { error: 'not found' });
  }

  const onHttp = (req: IncomingMessage, res: ServerResponse): void => {
    onRequest(req, res).catch((e: Error) => {
      log(`http error: ${e.stack ?? e.message}`);
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  };
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => {});
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/ws') return refuseUpgrade(socket, 404, 'Not Found', 'path');
    const claims = verifyToken(secret, url.searchParams.get('token') ?? '', Date.now());
    if (claims === null) return refuseUpgrade(socket, 401, 'Unauthorized', 'token');
    if (conns.size >= L.maxConnections) return refuseUpgrade(socket, 503, 'Service Unavailable', 'capacity');
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, claims));
  };
  // Node (libuv ≥ 1.45) accepts ONE connection per listening socket per event-loop iteration; with
  // thousands of connections to serve, an iteration takes tens of ms (hundreds when the machine is
  // starved), so one listener admits only a few dozen connections a second and a ramp or a reconnect
  // storm queues in the kernel until handshakes time out. Every extra listening port (`listenPorts`,
  // the same handlers) adds one accept per iteration; /health lists the ports for clients to spread over.
  const listenOn = (port: number): Promise<Server> =>
    new Promise<Server>((resolve, reject) => {
      const s = createServer(onHttp);
      s.on('clientError', (_e, socket) => socket.destroy());
      s.on('upgrade', onUpgrade);
      s.once('error', reject);
      s.listen({ port, host: opts.host ?? '127.0.0.1', backlog: 4096 }, () => {
        s.off('error', reject);
        resolve(s);
      });
    });
  const portOf = (s: Server): number => {
    const a = s.address();
    return typeof a === 'object' && a !== null ? a.port : 0;
  };
  const listeners: Server[] = [];
  let ports: number[] = [];
  try {
    listeners.push(await listenOn(opts.port ?? 0));
    for (const p of opts.listenPorts ?? []) listeners.push(await listenOn(p));
  } catch (e) {
    for (const s of listeners) s.close();
    clearInterval(ticker);
    diag.close();
    loop.disable();
    journal?.close();
    throw e;
  }
  ports = listeners.map(portOf);
  const port = ports[0]!;
  const host = opts.host ?? '127.0.0.1';
  baselineRss = process.memoryUsage().rss;
  schedule();

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    ports,
    secret,
    hostToken: hostToken(secret, Date.now()),
    runStartEpoch,
    replayed,
    stack,
    metrics,
    viewerToken: (viewer) => viewerToken(secret, viewer, Date.now()),
    close() {
      return (closing ??= new Promise<void>((resolve) => {
        clearInterval(ticker);
        diag.close();
        if (amTimer !== null) clearTimeout(amTimer);
        if (timer !== null) clearTimeout(timer);
        loop.disable();
        for (const c of conns) {
          closePeer(c);
          c.ws.terminate();
        }
        wss.close();
        let open = listeners.length;
        for (const s of listeners) {
          s.close(() => {
            if (--open > 0) return;
            journal?.close();
            resolve();
          });
          s.closeAllConnections();
        }
      }));
    },
  };
}
