// The stack at the epoch boundary: room, commerce, the marketing engine and the host, hosted on the
// run's virtual clock. Each epoch it applies the viewers' merged messages in (time, viewerId, seq) order,
// lets the host act on its script and prompts, advances the services to the epoch end, and returns
// what goes back to viewers (delivered no earlier than the next epoch). It also keeps the trace digest
// and the per-minute series, since it is the one place that sees the canonical order of everything.
import { BROADCAST, RngStreams, StatechartRuntime, TraceDigest, compileMachine, hashString, type EpochHub, type ShardMessage, type XEvent } from '../../engine/kernel/index.ts';
import * as room from '../../engine/room/index.ts';
import * as commerce from '../../engine/commerce/index.ts';
import * as mkt from '../../engine/marketing/index.ts';
import { catalogInfoFromSkus } from '../../engine/marketing/core/catalog-adapter.ts';
import { withOverrides, strategyByName } from '../../engine/strategies/index.ts';
import type { Addressed, ControlMsg, HostDown, HostUp, ViewerDown, ViewerUp } from '../../engine/protocol.ts';
import { hostMachine } from '../../agents/host/index.ts';
import { hoursOfDay, strategyOverrides, type Scenario } from '../../scenarios/schema/index.ts';
import { buildCatalog, skusOf } from './world/catalog.ts';
import { buildShow, type ScriptedShow } from './world/timeline.ts';
import { HubSeries, MarketingSeries } from './hub-series.ts';
import type { LatencyObservation } from './latency-series.ts';
import { Histogram } from '../../engine/metrics/index.ts';

type Out = Addressed<ViewerDown | HostDown> | { to: 'commerce'; msg: ControlMsg };

export class StackHub implements EpochHub<ViewerUp, ViewerDown> {
  readonly room: room.RoomState;
  readonly commerce: commerce.CommerceState;
  readonly marketing: mkt.MarketingState;
  readonly catalog: commerce.Catalog;
  readonly show: ScriptedShow;
  readonly digest = new TraceDigest();
  readonly series: HubSeries;
  /** observation of the marketing engine for the report (segments, heat, propensity); reads only */
  readonly marketingSeries: MarketingSeries;
  /** the viewer shards' latency observation, merged (set by simulate.ts after the run; report only) */
  viewerLatency: LatencyObservation | undefined = undefined;
  readonly host: StatechartRuntime;
  readonly prompts: { t: number; intent: string; sku?: string; text: string; viewers: number; firstCommentAt: number }[] = [];
  readonly pitches: { t: number; sku: string; scripted: string }[] = [];
  private readonly hostHandle: number;
  private readonly hostOut: { t: number; msg: HostUp }[] = [];
  /** flash sales counted down and not yet open, by opening time (ties: announcement order) */
  private readonly pendingSales: { t: number; msg: HostUp }[] = [];
  /** how often each SKU was pitched on the strategy's advice */
  private readonly pitchCount = new Map<string, number>();
  private readonly returns: ViewerUp[] = [];
  private replies: ShardMessage<ViewerDown>[] = [];
  private epochEnd = 0;
  /** when this epoch's replies reach the viewers' side (run-epochs.ts: the start of epoch k + lookahead) */
  private deliverAt = 0;
  private seq = 0;
  messages = 0;
  /** wall-clock compute of the marketing engine (the only non-deterministic figures; result.engine) */
  readonly commentComputeMs = new Histogram(10_000, 0.001);
  readonly promptComputeMs = new Histogram(10_000, 0.001);
  private readonly adviceOn: boolean;
  private readonly badPitches: { start: number; end: number; appeal: number; sku?: string }[];
  readonly showEndMs: number;

  constructor(readonly scenario: Scenario) {
    const s = scenario;
    this.showEndMs = s.show.durationMinutes * 60_000;
    this.catalog = buildCatalog(s);
    this.show = buildShow(s, this.catalog);
    const outages = s.anomalies.flatMap((a) => (a.type === 'payment-outage' ? [{ startMs: a.at * 60_000, endMs: a.at * 60_000 + a.durationSeconds * 1000 }] : []));
    this.commerce = commerce.createCommerceState({ catalog: this.catalog, paymentOutages: outages });
    this.room = room.createRoomState({ seed: s.seed });
    const { preset, overrides } = strategyOverrides(s.strategy);
    const config = withOverrides(strategyByName(preset), overrides).marketing;
    this.marketing = mkt.createMarketingEngine(config, catalogInfoFromSkus(this.catalog.skus), {
      showStartOfDayMs: hoursOfDay(s.show.startTime) * 3_600_000,
      expectedViewers: s.audience.size,
    });
    this.adviceOn = config.propensity.enabled || config.promo.enabled || config.heat.enabled;
    this.badPitches = s.anomalies.flatMap((a) => (a.type === 'bad-pitch' ? [{ start: a.at * 60_000, end: a.at * 60_000 + a.durationSeconds * 1000, appeal: a.appeal, ...(a.sku ? { sku: a.sku } : {}) }] : []));
    this.series = new HubSeries(60_000);
    this.marketingSeries = new MarketingSeries(60_000, this.marketing.catalog.categories.length, this.marketing.catalog.skus.length);
    this.host = new StatechartRuntime(compileMachine(hostMachine), { onEmit: (_h, e, now) => void this.hostOut.push({ t: now, msg: e as HostUp }) });
    this.hostHandle = this.host.spawn({ timeline: this.show.timeline, rng: new RngStreams(s.seed, s.rng), clock: { now: () => this.host.now }, startAt: 0 });
  }

  apply(epochEnd: number, merged: readonly ShardMessage<ViewerUp>[], deliverAt = epochEnd): ShardMessage<ViewerDown>[] {
    this.epochEnd = epochEnd;
    this.deliverAt = deliverAt;
    this.replies = [];
    for (const m of merged) {
      this.runHost(m.t, true);
      this.fromViewer(m);
    }
    this.runHost(epochEnd, false);
    if (epochEnd >= this.showEndMs && !this.ended) this.endShow();
    this.route(room.advance(this.room, epochEnd), epochEnd);
    this.route(commerce.advance(this.commerce, epochEnd), epochEnd);
    const before = this.prompts.length;
    const t0 = performance.now();
    const outs = mkt.tick(this.marketing, epochEnd, deliverAt);
    const dt = performance.now() - t0;
    this.route(outs, epochEnd);
    this.marketingSeries.sample(this.marketing, Math.min(epochEnd, this.showEndMs));
    for (let i = before; i < this.prompts.length; i++) this.promptComputeMs.record(dt / (this.prompts.length - before));
    return this.replies;
  }

  private ended = false;

  private endShow(): void {
    this.ended = true;
    const end: ControlMsg = { type: 'show.ended' };
    this.route(room.handle(this.room, end, this.showEndMs), this.showEndMs);
    this.route(commerce.handle(this.commerce, end, this.showEndMs), this.showEndMs);
  }

  /** return requests are booked after the show (agents decide them when the order is confirmed) */
  finish(): void {
    const t = Math.max(this.showEndMs, this.epochEnd) + 1;
    for (const r of this.returns) commerce.handle(this.commerce, r, t);
  }

  private fromViewer(m: ShardMessage<ViewerUp>): void {
    const msg = m.msg;
    this.messages++;
    this.digest.event(m.t, hashString(msg.type), m.agent, m.seq);
    this.series.up(m.t, msg);
    if (msg.type === 'return.requested') {
      this.returns.push(msg);
      return;
    }
    this.marketingSeries.beforeIngest(this.marketing, msg);
    if (msg.type === 'danmaku.sent') {
      const t0 = performance.now();
      mkt.ingest(this.marketing, msg, m.t);
      this.commentComputeMs.record(performance.now() - t0);
    } else mkt.ingest(this.marketing, msg, m.t);
    this.route(room.handle(this.room, msg, m.t), m.t);
    this.route(commerce.handle(this.commerce, msg, m.t), m.t);
  }

  /** runs the host up to t; what it says goes to the services at its own time */
  private runHost(t: number, inclusive: boolean): void {
    if (t < this.host.now) return this.openSales(t, inclusive);
    this.host.runUntil(t, undefined, inclusive);
    while (this.hostOut.length > 0) {
      const { t: at, msg } = this.hostOut.shift()!;
      this.openSales(at, true);
      const m = this.adjust(msg, at);
      if (m.type === 'host.flashsale') this.countdown(m, at);
      else this.fromHost(m, at);
    }
    this.openSales(t, inclusive);
  }

  /**
   * A flash sale is a countdown, then the sale (docs/scenario-reference.md): at its cue the host
   * announces it to the room ("opens in 45 s, 400 units at ¥13.93") and the sale opens when the
   * countdown ends, for its own duration. The countdown is the script's countdownSeconds, else the
   * strategy's (promotion timing by time of day, or the fixed one). A sale due after the show never opens.
   */
  private countdown(msg: Extract<HostUp, { type: 'host.flashsale' }>, t: number): void {
    const promo = this.marketing.config.promo;
    const ms = this.show.strategyCountdowns.has(t) ? (promo.enabled ? mkt.advise(this.marketing, t, [msg.sku]).countdownMs : promo.fixedCountdownMs) : (this.show.countdowns.get(t) ?? 0);
    if (ms <= 0) return this.fromHost(msg, t);
    const opensAt = t + ms;
    this.digest.event(t, hashString('flashsale.announced'), -1, this.seq);
    this.route([{ to: 'all', msg: { type: 'flashsale.announced', sku: msg.sku, price: msg.price, stock: msg.stock, opensAt } }], t);
    let i = this.pendingSales.length;
    while (i > 0 && this.pendingSales[i - 1]!.t > opensAt) i--;
    this.pendingSales.splice(i, 0, { t: opensAt, msg });
  }

  /** the first SKU of `order` among those pitched the fewest times (undefined for an empty order) */
  private nextInOrder(order: readonly string[]): string | undefined {
    let best: string | undefined;
    let fewest = Infinity;
    for (const id of order) {
      const n = this.pitchCount.get(id) ?? 0;
      if (n < fewest) [best, fewest] = [id, n];
    }
    return best;
  }

  /** opens the counted-down sales due by t (inclusive or not), each at its own time */
  private openSales(t: number, inclusive: boolean): void {
    const q = this.pendingSales;
    while (q.length > 0 && (q[0]!.t < t || (inclusive && q[0]!.t === t))) {
      const { t: at, msg } = q.shift()!;
      if (at < this.showEndMs) this.fromHost(msg, at);
    }
  }

  /** the strategy's advice applied to the script: which SKU of the category (countdowns: see countdown()) */
  private adjust(msg: HostUp, t: number): HostUp {
    if (msg.type === 'host.pitch' && this.adviceOn) {
      const sku = this.catalog.byId.get(msg.sku);
      const peers = sku ? skusOf(this.catalog, `${sku.category}.${sku.subcategory}`) : [];
      const advice = mkt.advise(this.marketing, t, peers);
      // heat focus: the hottest SKU, again and again; an order (propensity, promotion timing) is a
      // sequence: the first SKU in it that has been pitched the fewest times so far (like the script,
      // which cycles through the category) rather than its head every time
      const pick = advice.focusSku !== undefined && peers.includes(advice.focusSku) ? advice.focusSku : this.nextInOrder(advice.skuOrder);
      this.pitches.push({ t, sku: pick ?? msg.sku, scripted: msg.sku });
      this.pitchCount.set(pick ?? msg.sku, (this.pitchCount.get(pick ?? msg.sku) ?? 0) + 1);
      return pick ? { ...msg, sku: pick } : msg;
    }
    if (msg.type === 'host.pitch') this.pitches.push({ t, sku: msg.sku, scripted: msg.sku });
    return msg;
  }

  private fromHost(msg: HostUp, t: number): void {
    this.digest.event(t, hashString(msg.type), -1, this.seq);
    mkt.ingestHost(this.marketing, msg, t);
    this.route(room.handle(this.room, msg, t), t);
    this.route(commerce.handle(this.commerce, msg, t), t);
  }

  private route(outs: readonly Out[], t: number): void {
    for (const o of outs) {
      const msg = o.msg;
      if (o.to === 'host') {
        const prompt = msg as HostDown;
        this.prompts.push({ t, intent: prompt.intent, text: prompt.text, viewers: prompt.viewers, firstCommentAt: prompt.firstCommentAt, ...(prompt.sku ? { sku: prompt.sku } : {}) });
        this.host.send(this.hostHandle, prompt as unknown as XEvent);
        continue;
      }
      if (o.to === 'commerce') {
        this.route(commerce.handle(this.commerce, msg as ControlMsg, t), t);
        continue;
      }
      const down = this.badPitch(msg as ViewerDown, t);
      if (down.type === 'danmaku.batch') continue; // counted by the room; viewers do not read chat
      const agent = o.to === 'all' ? BROADCAST : o.to;
      mkt.observe(this.marketing, agent, down, t);
      this.series.down(t, down, agent);
      this.digest.event(this.epochEnd, hashString(down.type), agent, this.seq);
      this.replies.push({ t: this.deliverAt, agent, seq: this.seq++, msg: down });
    }
  }

  /** an injected bad pitch: the pitched offer looks much worse than it is (its price divided by `appeal`) */
  private badPitch(msg: ViewerDown, t: number): ViewerDown {
    if (msg.type !== 'product.pitched' && msg.type !== 'product.card') return msg;
    const bad = this.badPitches.find((b) => t >= b.start && t < b.end && (b.sku === undefined || b.sku === msg.sku));
    return bad ? { ...msg, price: Math.round((msg.price / bad.appeal) * 100) / 100 } : msg;
  }
}
