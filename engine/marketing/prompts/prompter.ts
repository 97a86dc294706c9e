// Comment analysis → host prompts. Classified comments with a promptable intent join their cluster;
// at each tick, ready clusters become 'host.prompt' messages (at most `maxPerTick`, oldest first, the
// rest wait a tick), so a prompt leaves in the same epoch tick as the comment that crossed the
// threshold. Latency is virtual: tick time − the threshold comment's time (`promptLatencyMs`), and
// tick time − the cluster's earliest comment in the window (`fromFirst`).
import type { CommentIntent, HostDown, Lang } from '../../protocol.ts';
import type { CatalogIndex } from '../core/catalog.ts';
import { LatencyRecorder } from '../core/latency.ts';
import { ClusterTable, type ClusterParams } from './clusters.ts';
import { promptText } from './prompt-text.ts';

export interface PromptParams extends ClusterParams {
  enabled: boolean;
  /** intents that can become prompts */
  intents: readonly CommentIntent[];
  maxPerTick: number;
  /** prompt language when a cluster is split evenly */
  defaultLang: Lang;
}

export class Prompter {
  readonly latency = new LatencyRecorder();
  readonly fromFirst = new LatencyRecorder();
  /** observation only (the report's prompt list): each emitted prompt's latency, in emission order */
  readonly latencies: number[] = [];
  readonly byIntent = new Map<CommentIntent, number>();
  emitted = 0;
  private readonly table: ClusterTable;
  private readonly intents: ReadonlySet<CommentIntent>;

  constructor(
    private readonly p: PromptParams,
    private readonly cat: CatalogIndex,
  ) {
    this.table = new ClusterTable(p);
    this.intents = new Set(p.intents);
  }

  /** Adds one classified, attributed comment. */
  add(intent: CommentIntent, sku: number, topic: string | undefined, viewer: number, lang: Lang, now: number): void {
    if (this.intents.has(intent)) this.table.add(intent, sku, topic, viewer, lang, now);
  }

  /** The prompts due at `now`, with ids drawn from `nextId`. */
  tick(now: number, nextId: () => string): HostDown[] {
    const q = this.table.readyQueue;
    const out: HostDown[] = [];
    while (q.length > 0 && out.length < this.p.maxPerTick) {
      const c = q.shift()!;
      const ready = c.ready!;
      const { viewers, lang } = this.table.describe(c, this.p.defaultLang);
      const sku = c.sku >= 0 ? this.cat.skus[c.sku] : undefined;
      const msg: HostDown = {
        type: 'host.prompt',
        promptId: nextId(),
        intent: c.intent,
        text: promptText(lang, c.intent, viewers, sku?.name, c.topic),
        viewers,
        firstCommentAt: ready.firstAt,
      };
      if (sku !== undefined) msg.sku = sku.sku;
      out.push(msg);
      this.latency.add(now - ready.thresholdAt);
      this.latencies.push(now - ready.thresholdAt);
      this.fromFirst.add(now - ready.firstAt);
      this.byIntent.set(c.intent, (this.byIntent.get(c.intent) ?? 0) + 1);
      this.emitted++;
      this.table.prompted(c, now);
    }
    return out;
  }
}
