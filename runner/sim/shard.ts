// A shard of viewers: their statecharts on the fast path, their players (engine/media) and links
// (engine/net), on virtual time. Per epoch it delivers the stack's messages (each after the viewer's
// own downlink delay), runs its agents and players up to the epoch end, and returns what the viewers
// sent, stamped with their arrival time at the stack (after the uplink delay). Viewers never touch
// each other or the services directly (DESIGN.md "Epochs"). A shard may host several worlds of one
// audience (worlds.ts): per viewer one player and link (a slot), and one agent per world in the room.
import { RngStreams, StatechartRuntime, compileMachine, type EpochShard, type Rng, type ShardMessage, type XEvent } from '../../engine/kernel/index.ts';
import { MediaEventBuffer, MEDIA_EVENT_TYPES, Player, PlayerStore, createPlayer, endSession, endedCopy, qoeOf, resolvePlayerConfig, step } from '../../engine/media/index.ts';
import { messageArrivalTime, type Link } from '../../engine/net/index.ts';
import { DOWN, UP } from '../../network-profiles/index.ts';
import type { ViewerDown, ViewerUp } from '../../engine/protocol.ts';
import { PersonaSampler, type Persona } from '../../agents/personas/index.ts';
import { SocialLedger, viewerMachine, type ViewerContext } from '../../agents/viewer/index.ts';
import type { Scenario } from '../../scenarios/schema/index.ts';
import { buildArrivals, buildPersonaConfig } from './world/audience.ts';
import { NetworkWorld } from './world/network.ts';
import type { ViewerRecord } from './records.ts';
import { LatencySampler } from './latency-series.ts';

const K_ARRIVE = 0, K_MEDIA = 1, K_DOWN = 2, K_END = 3;
const UP_BYTES = 160; // a JSON frame of a comment or an action, with framing
const DOWN_BYTES = 320;

export interface ShardOptions {
  scenario: Scenario;
  shard: number;
  shards: number;
  /** the shard's viewers (default: id mod shards = shard) */
  owns?: (viewer: number) => boolean;
  /**
   * How many worlds share this audience (default 1): strategies that differ only in what the stack does
   * (the same worlds.ts audienceKey). Each world has its own viewer agents, messages and records; each viewer's player
   * and link are simulated once for all of them, since nothing a viewer does reaches its player.
   */
  worlds?: number;
  /**
   * Fault injection (tests): asked as each player step falls due, for each world whose agent is in the
   * room; true stops that agent there, before the step (its session ends with the step due).
   */
  leaveBeforeStep?: (viewer: number, world: number, now: number) => boolean;
}

export interface ShardStats {
  macrosteps: number;
  mediaSteps: number;
  delivered: number;
  lostMessages: number;
}

/** Viewer ids of world w travel as w·WORLD_STRIDE + id; its broadcasts as −1 − w (world 0: as they are). */
export const WORLD_STRIDE = 2 ** 28;

/** One world's side of a shard: what its viewers said, how they ended, what they saw of the room. */
class World {
  readonly records: ViewerRecord[] = [];
  readonly stats: ShardStats = { macrosteps: 0, mediaSteps: 0, delivered: 0, lostMessages: 0 };
  /** the agents in the room */
  readonly active = new Set<number>();
  /** the room's purchase announcements, read by the viewers when they weigh an offer (not sent to each) */
  readonly social = new SocialLedger();
  /** report observation: latency to live per minute (reads the players only) */
  readonly latency: LatencySampler;
  constructor(showEndMs: number) {
    this.latency = new LatencySampler(60_000, Math.ceil(showEndMs / 60_000));
  }
}

/** A player step run early (a world's viewer left while the step was due): its events and next time. */
interface EarlyStep {
  kind: number[];
  arg: number[];
  arg2: number[];
  nextMs: number;
}

export class ViewerShard implements EpochShard<ViewerUp, ViewerDown> {
  readonly rt: StatechartRuntime;
  private readonly worlds: World[] = [];
  private readonly streams: RngStreams;
  private readonly sampler: PersonaSampler;
  private readonly net: NetworkWorld;
  private readonly player: PlayerStore;
  private readonly media = new MediaEventBuffer(64);
  /** for the steps a leaving viewer's session end runs (their events go nowhere) */
  private readonly spare = new MediaEventBuffer(64);
  private readonly bounce: Float32Array;
  private readonly regular: number;
  private readonly nWorlds: number;
  // by slot: one per viewer in the room in any world (slots are reused)
  private viewerOf: number[] = [];
  private players: (Player | null)[] = [];
  private links: (Link | null)[] = [];
  private profileOf: number[] = [];
  private arriveOf: number[] = [];
  /** worlds whose agent for the slot is still in the room */
  private left: number[] = [];
  /** bumped when a slot is freed, so a stale player step never reaches its next occupant */
  private slotGen: number[] = [];
  /** agent handle of each world, −1 once it has left: [slot · worlds + world] */
  private agentOf: number[] = [];
  private freeSlots: number[] = [];
  private readonly early = new Map<number, EarlyStep[]>();
  private scratch: Player | null = null;
  // by agent handle
  private slotOf: number[] = [];
  private seqOf: number[] = [];
  /** the draws of the viewer's own messages (jitter, loss), apart from its player's (the link's) */
  private msgRng: (Rng | null)[] = [];
  /** 1 while an agent is in the room (the hot checks read this, not the Sets) */
  private isActive = new Uint8Array(1024);
  /** the world of each agent handle (the runtime's macrostep tally) */
  private worldOf = new Uint8Array(1024);
  // by viewer id (this shard's viewers only)
  private readonly slotOfViewer = new Map<number, number>();
  private pending: ShardMessage<ViewerUp>[] = [];
  private readonly showEndMs: number;
  private readonly leaveBeforeStep: ((viewer: number, world: number, now: number) => boolean) | null;

  constructor(opts: ShardOptions) {
    const s = opts.scenario;
    this.nWorlds = Math.max(1, Math.floor(opts.worlds ?? 1));
    if (this.nWorlds > 255) throw new RangeError(`ViewerShard: at most 255 worlds, got ${this.nWorlds}`);
    if (s.audience.size >= WORLD_STRIDE) throw new RangeError(`ViewerShard: audience ${s.audience.size} ≥ ${WORLD_STRIDE}`);
    this.streams = new RngStreams(s.seed, s.rng);
    this.sampler = new PersonaSampler(s.seed, { ...buildPersonaConfig(s), identity: false });
    this.net = new NetworkWorld(s, this.streams);
    this.player = new PlayerStore(resolvePlayerConfig({ rule: s.network.abr.rule as never, ladderKbps: s.network.abr.ladderKbps }));
    this.showEndMs = s.show.durationMinutes * 60_000;
    this.leaveBeforeStep = opts.leaveBeforeStep ?? null;
    for (let w = 0; w < this.nWorlds; w++) this.worlds.push(new World(this.showEndMs));
    this.rt = new StatechartRuntime(compileMachine(viewerMachine), {
      onEmit: (h, e, now) => this.emitted(h, e as ViewerUp, now),
      onDone: (h, now) => this.finished(h, now),
    });
    if (this.nWorlds > 1) {
      this.rt.tallyOf = this.worldOf;
      for (let w = 0; w < this.nWorlds; w++) this.rt.macrostepsBy.push(0);
    }
    const arrivals = buildArrivals(s);
    this.bounce = arrivals.bounceMinutes;
    this.regular = arrivals.regular;
    const owns = opts.owns ?? ((id: number) => id % opts.shards === opts.shard);
    for (let id = 0; id < arrivals.times.length; id++) {
      if (owns(id) && arrivals.times[id]! < this.showEndMs) this.rt.schedule(arrivals.times[id]!, K_ARRIVE, id);
    }
    this.rt.schedule(this.showEndMs, K_END);
  }

  /** world 0's records, stats and latency (the only world of a plain run) */
  get records(): ViewerRecord[] {
    return this.worlds[0]!.records;
  }
  get stats(): ShardStats {
    return this.worlds[0]!.stats;
  }
  get latency(): LatencySampler {
    return this.worlds[0]!.latency;
  }
  world(w: number): { records: ViewerRecord[]; stats: ShardStats; latency: LatencySampler; macrosteps: number } {
    const x = this.worlds[w]!;
    return { records: x.records, stats: x.stats, latency: x.latency, macrosteps: this.nWorlds > 1 ? this.rt.macrostepsBy[w]! : this.rt.macrosteps };
  }

  advance(from: number, to: number, inbox: readonly ShardMessage<ViewerDown>[]): ShardMessage<ViewerUp>[] {
    const W = this.nWorlds;
    for (const m of inbox) {
      if (m.agent >= 0) {
        const w = W > 1 ? Math.floor(m.agent / WORLD_STRIDE) : 0;
        const v = this.slotOfViewer.get(m.agent - w * WORLD_STRIDE);
        const h = v === undefined ? -1 : this.agentOf[v * W + w]!;
        if (h >= 0) this.deliver(h, m.t, m.msg);
      } else {
        const x = this.worlds[-1 - m.agent]!;
        if (m.msg.type === 'social.purchase') x.social.announce(m.t, m.msg.sku, m.msg.count);
        else for (const h of x.active) this.deliver(h, m.t, m.msg);
      }
    }
    this.rt.runUntil(to, (rt) => this.external(rt.extKind, rt.extTarget, rt.extArg, rt.extPayload));
    for (const x of this.worlds) x.latency.sample(to, () => [...x.active].map((h) => [h, this.players[this.slotOf[h]!]!] as [number, Player]));
    // what reached the stack by the end of this epoch; the rest waits for a later one
    this.pending.sort((a, b) => a.t - b.t || a.agent - b.agent || a.seq - b.seq);
    let k = 0;
    while (k < this.pending.length && this.pending[k]!.t < to) k++;
    const out = this.pending.slice(0, k);
    this.pending = this.pending.slice(k);
    void from;
    return out;
  }

  private deliver(h: number, t: number, msg: ViewerDown): void {
    const at = messageArrivalTime(this.links[this.slotOf[h]!]!, t, DOWN_BYTES, DOWN, this.msgRng[h]!);
    if (at === Infinity) {
      this.worlds[this.worldOf[h]!]!.stats.lostMessages++;
      return;
    }
    this.rt.schedule(at, K_DOWN, h, this.rt.generation(h), msg);
  }

  private external(kind: number, target: number, arg: number, payload: unknown): void {
    switch (kind) {
      case K_ARRIVE:
        return this.arrive(target);
      case K_MEDIA:
        if (this.slotGen[target] === arg && this.left[target]! > 0) this.mediaStep(target);
        return;
      case K_DOWN:
        if (this.rt.generation(target) === arg && this.isActive[target] === 1) {
          this.worlds[this.worldOf[target]!]!.stats.delivered++;
          this.rt.send(target, payload as XEvent);
        }
        return;
      case K_END:
        for (const x of this.worlds) for (const h of [...x.active]) this.rt.send(h, { type: 'show.ended' });
        return;
    }
  }

  private arrive(id: number): void {
    const now = this.rt.now;
    const W = this.nWorlds;
    let persona: Persona = this.sampler.persona(id);
    const { profile, link } = this.net.linkFor(id);
    const family = this.net.profileNames[profile]!;
    persona = { ...persona, network: (['4g', 'weak-4g', '3g', 'wifi'].includes(family) ? family : persona.network) as Persona['network'] };
    if (id >= this.regular) persona = { ...persona, stayMinutes: this.bounce[id]!, segment: 'ad-bounce' };
    const v = this.freeSlots.length > 0 ? this.freeSlots.pop()! : this.players.length;
    this.slotOfViewer.set(id, v);
    this.viewerOf[v] = id;
    this.links[v] = link;
    this.profileOf[v] = profile;
    this.arriveOf[v] = now;
    this.left[v] = W;
    this.slotGen[v] ??= 0;
    const p = createPlayer(this.player, link, this.streams.stream(id, 'media'), { viewer: id, joinMs: now });
    this.players[v] = p;
    for (let w = 0; w < W; w++) {
      // per-agent state first: the initial macrostep already emits (room.join)
      const h = this.rt.peekHandle();
      if (h >= this.isActive.length) this.growHandles(h);
      const x = this.worlds[w]!;
      x.active.add(h);
      this.isActive[h] = 1;
      this.worldOf[h] = w;
      this.slotOf[h] = v;
      this.agentOf[v * W + w] = h;
      this.msgRng[h] = this.streams.stream(id, 'net.msg');
      this.seqOf[h] = 0;
      x.latency.start(h);
      const spawned = this.rt.spawn({ persona, rng: this.streams, clock: { now: () => this.rt.now }, social: x.social });
      if (spawned !== h) throw new Error(`ViewerShard: expected handle ${h}, got ${spawned}`);
    }
    if (p.nextMs < Infinity && this.left[v]! > 0 && this.players[v] === p) this.rt.schedule(p.nextMs, K_MEDIA, v, this.slotGen[v]!);
  }

  private growHandles(h: number): void {
    const n = Math.max(h + 1, this.isActive.length * 2);
    this.isActive = grown(this.isActive, n);
    this.worldOf = grown(this.worldOf, n);
    if (this.rt.tallyOf !== null) this.rt.tallyOf = this.worldOf;
  }

  private mediaStep(v: number): void {
    const p = this.players[v]!;
    const W = this.nWorlds;
    if (this.leaveBeforeStep !== null) {
      for (let w = 0; w < W; w++) {
        const h = this.agentOf[v * W + w]!;
        if (h >= 0 && this.isActive[h] === 1 && this.leaveBeforeStep(this.viewerOf[v]!, w, this.rt.now)) this.rt.stop(h);
      }
      if (this.players[v] !== p) return;
    }
    // a step run early for a world whose viewer left while it was due (finished): the same events, now
    const queued = this.early.get(v);
    const pre = queued !== undefined ? queued.shift()! : null;
    if (queued !== undefined && queued.length === 0) this.early.delete(v);
    if (pre === null) step(p, this.media);
    const next = pre === null ? p.nextMs : pre.nextMs;
    const n = pre === null ? this.media.n : pre.kind.length;
    for (let w = 0; w < W; w++) {
      const h = this.agentOf[v * W + w]!;
      if (h < 0 || this.isActive[h] !== 1) continue;
      this.worlds[w]!.stats.mediaSteps++;
      for (let i = 0; i < n && this.isActive[h] === 1; i++) {
        const e = pre === null ? mediaEvent(this.media.kind[i]!, this.media.arg[i]!, this.media.arg2[i]!) : mediaEvent(pre.kind[i]!, pre.arg[i]!, pre.arg2[i]!);
        this.rt.send(h, e);
      }
    }
    this.media.clear();
    if (this.left[v]! > 0 && this.players[v] === p && next < Infinity) this.rt.schedule(next, K_MEDIA, v, this.slotGen[v]!);
  }

  private emitted(h: number, msg: ViewerUp, now: number): void {
    const v = this.slotOf[h]!;
    const at = messageArrivalTime(this.links[v]!, now, UP_BYTES, UP, this.msgRng[h]!);
    const w = this.worldOf[h]!;
    if (at === Infinity) {
      this.worlds[w]!.stats.lostMessages++;
      return;
    }
    this.pending.push({ t: at, agent: w * WORLD_STRIDE + this.viewerOf[v]!, seq: this.seqOf[h]!++, msg });
  }

  private finished(h: number, now: number): void {
    const ctx = this.rt.context<ViewerContext>(h);
    const W = this.nWorlds;
    const w = this.worldOf[h]!;
    const x = this.worlds[w]!;
    const v = this.slotOf[h]!;
    const p = this.players[v]!;
    const last = --this.left[v]! === 0;
    let ended: Player;
    if (last) {
      endSession(p, now, this.spare);
      ended = p;
    } else {
      // the player plays on in another world: the steps due now run for good (their events reach the
      // other worlds at their own time, mediaStep), and a copy ends here
      let guard = 0;
      while (p.nextMs <= now) {
        step(p, this.spare);
        const e: EarlyStep = { kind: Array.from(this.spare.kind.subarray(0, this.spare.n)), arg: Array.from(this.spare.arg.subarray(0, this.spare.n)), arg2: Array.from(this.spare.arg2.subarray(0, this.spare.n)), nextMs: p.nextMs };
        this.spare.clear();
        const q = this.early.get(v);
        if (q === undefined) this.early.set(v, [e]);
        else q.push(e);
        if (++guard > 1000) throw new Error(`ViewerShard: player ${p.viewer} made no progress at t=${now}`);
      }
      this.scratch ??= new Player(this.player, this.links[v]!, this.streams.stream(-1, 'media'));
      ended = endedCopy(p, now, this.scratch, this.spare);
    }
    this.spare.clear();
    x.latency.leave(h, ended, now);
    const q = qoeOf(ended);
    const id = this.viewerOf[v]!;
    x.records.push({
      id, profile: this.profileOf[v]!, segment: ctx.persona.segment, bouncer: id >= this.regular,
      arriveMs: this.arriveOf[v]!, watchedMs: now - this.arriveOf[v]!, left: ctx.reason !== 'end', reason: ctx.reason,
      startupMs: orMinus1(q.startupMs), rebufferRatio: orMinus1(q.rebufferRatio), stallMs: q.rebufferMs, playMs: ended.playMs, meanBitrateKbps: orMinus1(q.meanBitrateKbps),
      latencyMeanMs: orMinus1(q.latencyMeanMs), nqoe: orMinus1(q.nqoe), orders: ctx.orders, spent: ctx.spent, comments: ctx.comments,
    });
    x.active.delete(h);
    this.isActive[h] = 0;
    this.agentOf[v * W + w] = -1;
    this.msgRng[h] = null;
    this.seqOf[h] = 0;
    this.rt.release(h);
    if (last) {
      this.slotOfViewer.delete(id);
      this.players[v] = null;
      this.links[v] = null;
      this.early.delete(v);
      this.slotGen[v]!++;
      this.freeSlots.push(v);
    }
  }

  /** viewers still in the room in any world (should be none after the show ended) */
  get inRoom(): number {
    let n = 0;
    for (const x of this.worlds) n += x.active.size;
    return n;
  }
}

const orMinus1 = (x: number) => (x === x ? x : -1);

function grown(a: Uint8Array, n: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(n);
  b.set(a);
  return b;
}

function mediaEvent(kind: number, arg: number, arg2: number): XEvent {
  const type = MEDIA_EVENT_TYPES[kind]!;
  switch (type) {
    case 'playback.started':
      return { type, startupMs: arg, kbps: arg2 };
    case 'stall.started':
      return { type };
    case 'stall.ended':
      return { type, stallMs: arg, latencyMs: arg2 };
    case 'quality.changed':
      return { type, kbps: arg };
    case 'latency.high':
      return { type, latencyMs: arg };
  }
}
