// Question clustering for host prompts. Comments are grouped by (intent, SKU, topic); a group keeps the
// comments of the last `windowMs`. When a group reaches `minViewers` distinct viewers it becomes ready,
// remembering the comment that crossed the threshold and the earliest one in the window; the next tick
// turns it into a prompt. After a prompt the group is emptied and stays quiet for `cooldownMs`.
import type { CommentIntent, Lang } from '../../protocol.ts';

export interface ClusterParams {
  windowMs: number;
  minViewers: number;
  cooldownMs: number;
}

export interface Cluster {
  readonly key: string;
  readonly intent: CommentIntent;
  /** SKU index, -1 when no SKU could be attributed */
  readonly sku: number;
  readonly topic: string | undefined;
  times: number[];
  viewers: number[];
  langs: Lang[];
  head: number;
  perViewer: Map<number, number>;
  cooldownUntil: number;
  /** set when ready: the threshold comment's time and the earliest comment's time */
  ready: { thresholdAt: number; firstAt: number } | null;
}

export class ClusterTable {
  private readonly clusters = new Map<string, Cluster>();
  /** ready clusters, in the order they became ready */
  readonly readyQueue: Cluster[] = [];

  constructor(private readonly p: ClusterParams) {}

  add(intent: CommentIntent, sku: number, topic: string | undefined, viewer: number, lang: Lang, now: number): void {
    const key = `${intent}|${sku}|${topic ?? ''}`;
    let c = this.clusters.get(key);
    if (c === undefined) {
      c = { key, intent, sku, topic, times: [], viewers: [], langs: [], head: 0, perViewer: new Map(), cooldownUntil: -Infinity, ready: null };
      this.clusters.set(key, c);
    }
    this.expire(c, now);
    c.times.push(now);
    c.viewers.push(viewer);
    c.langs.push(lang);
    c.perViewer.set(viewer, (c.perViewer.get(viewer) ?? 0) + 1);
    if (c.ready === null && now >= c.cooldownUntil && c.perViewer.size >= this.p.minViewers) {
      c.ready = { thresholdAt: now, firstAt: c.times[c.head]! };
      this.readyQueue.push(c);
    }
  }

  /** Distinct viewers and majority language of a cluster's window (ties → `fallback`). */
  describe(c: Cluster, fallback: Lang): { viewers: number; lang: Lang } {
    let zh = 0;
    let en = 0;
    for (let i = c.head; i < c.langs.length; i++) {
      if (c.langs[i] === 'zh') zh++;
      else en++;
    }
    return { viewers: c.perViewer.size, lang: zh > en ? 'zh' : en > zh ? 'en' : fallback };
  }

  /** Marks a cluster prompted at `now`: empties it and starts its cool-down. */
  prompted(c: Cluster, now: number): void {
    c.times = [];
    c.viewers = [];
    c.langs = [];
    c.head = 0;
    c.perViewer.clear();
    c.ready = null;
    c.cooldownUntil = now + this.p.cooldownMs;
  }

  private expire(c: Cluster, now: number): void {
    const from = now - this.p.windowMs;
    while (c.head < c.times.length && c.times[c.head]! <= from) {
      const v = c.viewers[c.head]!;
      const k = c.perViewer.get(v)! - 1;
      if (k === 0) c.perViewer.delete(v);
      else c.perViewer.set(v, k);
      c.head++;
    }
    if (c.head > 256 && c.head * 2 > c.times.length) {
      c.times = c.times.slice(c.head);
      c.viewers = c.viewers.slice(c.head);
      c.langs = c.langs.slice(c.head);
      c.head = 0;
    }
  }
}
