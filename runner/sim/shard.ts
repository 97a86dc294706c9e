// A shard of viewers: their statecharts on the fast path, their players (engine/media) and links
// (engine/net), on virtual time. Per epoch it delivers the stack's messages (each after the viewer's
// own downlink delay), runs its agents and players up to the epoch end, and returns what the viewers
// sent, stamped with their arrival time at the stack (after the uplink delay). Viewers never touch
// each other or the services directly (DESIGN.md "Epochs").
import { RngStreams, StatechartRuntime, compileMachine, type EpochShard, type ShardMessage, type XEvent } from '../../engine/kernel/index.ts';
import { MediaEventBuffer, MEDIA_EVENT_TYPES, PlayerStore, createPlayer, endSession, qoeOf, resolvePlayerConfig, step, type Player } from '../../engine/media/index.ts';
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
}

export interface ShardStats {
  macrosteps: number;
  mediaSteps: number;
  delivered: number;
  lostMessages: number;
}

export class ViewerShard implements EpochShard<ViewerUp, ViewerDown> {
  readonly rt: StatechartRuntime;
  readonly records: ViewerRecord[] = [];
  readonly stats: ShardStats = { macrosteps: 0, mediaSteps: 0, delivered: 0, lostMessages: 0 };
  private readonly streams: RngStreams;
  private readonly sampler: PersonaSampler;
  private readonly net: NetworkWorld;
  private readonly player: PlayerStore;
  private readonly media = new MediaEventBuffer(64);
  private readonly bounce: Float32Array;
  private readonly regular: number;
  // by handle
  private viewerOf: number[] = [];
  private players: (Player | null)[] = [];
  private links: (Link | null)[] = [];
  private profileOf: number[] = [];
  private seqOf: number[] = [];
  private arriveOf: number[] = [];
  // by viewer id (this shard's viewers only)
  private readonly handleOf = new Map<number, number>();
  private readonly active = new Set<number>();
  /** 1 while a handle is in `active` (the hot checks read this, not the Set) */
  private isActive = new Uint8Array(1024);
  private pending: ShardMessage<ViewerUp>[] = [];
  /** the room's purchase announcements, read by the viewers when they weigh an offer (not sent to each) */
  private readonly social = new SocialLedger();
  private readonly showEndMs: number;
  /** report observation: latency to live per minute (reads the players only) */
  readonly latency: LatencySampler;

  constructor(opts: ShardOptions) {
    const s = opts.scenario;
    this.streams = new RngStreams(s.seed, s.rng);
    this.sampler = new PersonaSampler(s.seed, { ...buildPersonaConfig(s), identity: false });
    this.net = new NetworkWorld(s, this.streams);
    this.player = new PlayerStore(resolvePlayerConfig({ rule: s.network.abr.rule as never, ladderKbps: s.network.abr.ladderKbps }));
    this.showEndMs = s.show.durationMinutes * 60_000;
    this.latency = new LatencySampler(60_000, Math.ceil(this.showEndMs / 60_000));
    this.rt = new StatechartRuntime(compileMachine(viewerMachine), {
      onEmit: (h, e, now) => this.emitted(h, e as ViewerUp, now),
      onDone: (h, now) => this.finished(h, now),
    });
    const arrivals = buildArrivals(s);
    this.bounce = arrivals.bounceMinutes;
    this.regular = arrivals.regular;
    const owns = opts.owns ?? ((id: number) => id % opts.shards === opts.shard);
    for (let id = 0; id < arrivals.times.length; id++) {
      if (owns(id) && arrivals.times[id]! < this.showEndMs) this.rt.schedule(arrivals.times[id]!, K_ARRIVE, id);
    }
    this.rt.schedule(this.showEndMs, K_END);
  }

  advance(from: number, to: number, inbox: readonly ShardMessage<ViewerDown>[]): ShardMessage<ViewerUp>[] {
    for (const m of inbox) {
      if (m.agent >= 0) {
        const h = this.handleOf.get(m.agent);
        if (h !== undefined) this.deliver(h, m.t, m.msg);
      } else if (m.msg.type === 'social.purchase') this.social.announce(m.t, m.msg.sku, m.msg.count);
      else for (const h of this.active) this.deliver(h, m.t, m.msg);
    }
    this.rt.runUntil(to, (rt) => this.external(rt.extKind, rt.extTarget, rt.extArg, rt.extPayload));
    this.latency.sample(to, () => [...this.active].map((h) => [h, this.players[h]!] as [number, Player]));
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
    const at = messageArrivalTime(this.links[h]!, t, DOWN_BYTES, DOWN);
    if (at === Infinity) {
      this.stats.lostMessages++;
      return;
    }
    this.rt.schedule(at, K_DOWN, h, this.rt.generation(h), msg);
  }

  private external(kind: number, target: number, arg: number, payload: unknown): void {
    switch (kind) {
      case K_ARRIVE:
        return this.arrive(target);
      case K_MEDIA:
        if (this.rt.generation(target) === arg && this.isActive[target] === 1) this.mediaStep(target);
        return;
      case K_DOWN:
        if (this.rt.generation(target) === arg && this.isActive[target] === 1) {
          this.stats.delivered++;
          this.rt.send(target, payload as XEvent);
        }
        return;
      case K_END:
        for (const h of [...this.active]) this.rt.send(h, { type: 'show.ended' });
        return;
    }
  }

  private arrive(id: number): void {
    const now = this.rt.now;
    let persona: Persona = this.sampler.persona(id);
    const { profile, link } = this.net.linkFor(id);
    const family = this.net.profileNames[profile]!;
    persona = { ...persona, network: (['4g', 'weak-4g', '3g', 'wifi'].includes(family) ? family : persona.network) as Persona['network'] };
    if (id >= this.regular) persona = { ...persona, stayMinutes: this.bounce[id]!, segment: 'ad-bounce' };
    // per-handle state first: the initial macrostep already emits (room.join)
    const h = this.rt.peekHandle();
    this.handleOf.set(id, h);
    this.active.add(h);
    if (h >= this.isActive.length) {
      const grown = new Uint8Array(Math.max(h + 1, this.isActive.length * 2));
      grown.set(this.isActive);
      this.isActive = grown;
    }
    this.isActive[h] = 1;
    this.viewerOf[h] = id;
    this.links[h] = link;
    this.profileOf[h] = profile;
    this.arriveOf[h] = now;
    this.seqOf[h] = 0;
    const p = createPlayer(this.player, link, this.streams.stream(id, 'media'), { viewer: id, joinMs: now });
    this.players[h] = p;
    this.latency.start(h);
    const spawned = this.rt.spawn({ persona, rng: this.streams, clock: { now: () => this.rt.now }, social: this.social });
    if (spawned !== h) throw new Error(`ViewerShard: expected handle ${h}, got ${spawned}`);
    if (p.nextMs < Infinity && this.isActive[h] === 1) this.rt.schedule(p.nextMs, K_MEDIA, h, this.rt.generation(h));
  }

  private mediaStep(h: number): void {
    const p = this.players[h]!;
    step(p, this.media);
    this.stats.mediaSteps++;
    for (let i = 0; i < this.media.n && this.isActive[h] === 1; i++) this.rt.send(h, mediaEvent(this.media.kind[i]!, this.media.arg[i]!, this.media.arg2[i]!));
    this.media.clear();
    if (this.isActive[h] === 1 && p.nextMs < Infinity) this.rt.schedule(p.nextMs, K_MEDIA, h, this.rt.generation(h));
  }

  private emitted(h: number, msg: ViewerUp, now: number): void {
    const at = messageArrivalTime(this.links[h]!, now, UP_BYTES, UP);
    if (at === Infinity) {
      this.stats.lostMessages++;
      return;
    }
    this.pending.push({ t: at, agent: this.viewerOf[h]!, seq: this.seqOf[h]!++, msg });
  }

  private finished(h: number, now: number): void {
    const ctx = this.rt.context<ViewerContext>(h);
    const p = this.players[h]!;
    endSession(p, now, this.media);
    this.media.clear();
    this.latency.leave(h, p, now);
    const q = qoeOf(p);
    const id = this.viewerOf[h]!;
    this.records.push({
      id, profile: this.profileOf[h]!, segment: ctx.persona.segment, bouncer: id >= this.regular,
      arriveMs: this.arriveOf[h]!, watchedMs: now - this.arriveOf[h]!, left: ctx.reason !== 'end', reason: ctx.reason,
      startupMs: orMinus1(q.startupMs), rebufferRatio: orMinus1(q.rebufferRatio), stallMs: q.rebufferMs, playMs: p.playMs, meanBitrateKbps: orMinus1(q.meanBitrateKbps),
      latencyMeanMs: orMinus1(q.latencyMeanMs), nqoe: orMinus1(q.nqoe), orders: ctx.orders, spent: ctx.spent, comments: ctx.comments,
    });
    this.active.delete(h);
    this.isActive[h] = 0;
    this.handleOf.delete(id);
    this.players[h] = null;
    this.links[h] = null;
    this.seqOf[h] = 0;
    this.rt.release(h);
  }

  /** viewers still in the room (should be none after the show ended) */
  get inRoom(): number {
    return this.active.size;
  }
}

const orMinus1 = (x: number) => (x === x ? x : -1);

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
