// Marketing engine benchmarks (wall clock is measured here, never inside engine/):
//  1. compute per comment: one `ingest` of a danmaku (clean → jieba → intent → mentions → heat,
//     interest, clusters), p50/p99 over a realistic zh/en mix with spam and duplicates;
//  2. compute per prompt: the `tick` that turns a ready cluster into a host prompt, plus the ingest of
//     the comment that crossed the threshold (the whole comment → prompt chain);
//  3. load: 100k viewers joined, ~500 comments/s and ~5,000 other events/s for 10 virtual minutes at
//     Δ = 100 ms, all tools on: events per second, tick p50/p99, heap.
import { RngStreams, type Rng } from '../engine/kernel/index.ts';
import { createMarketingEngine, DEFAULT_MARKETING_CONFIG, ingest, percentileOf, summary, tick, warmSegmenter, type MarketingState } from '../engine/marketing/index.ts';
import { BEAUTY_CATALOG } from '../engine/marketing/fixtures.ts';
import { INTENT_CORPUS } from '../engine/marketing/text/intent-corpus.ts';
import { INTENT_HELDOUT } from '../engine/marketing/text/intent-heldout.ts';
import type { ViewerUp } from '../engine/protocol.ts';
import type { BenchFlags } from './registry.ts';

const TEXTS = [...INTENT_CORPUS, ...INTENT_HELDOUT].map(([t]) => t);
const us = (ms: number | null): number | null => (ms === null ? null : +(ms * 1000).toFixed(2));

function comment(rng: Rng, viewers: number): ViewerUp & { type: 'danmaku.sent' } {
  const text = TEXTS[Math.floor(rng.next() * TEXTS.length)]!;
  return { type: 'danmaku.sent', viewer: Math.floor(rng.next() * viewers), text, lang: /\p{Script=Han}/u.test(text) ? 'zh' : 'en' };
}

function joinAll(s: MarketingState, viewers: number): void {
  for (let v = 0; v < viewers; v++) ingest(s, { type: 'room.join', viewer: v, network: '4g', follower: false }, 0);
}

/** Per-comment compute and the comment → prompt chain, at a steady comment rate. */
function computeBench(comments: number, perSecond: number, viewers: number) {
  const s = createMarketingEngine(DEFAULT_MARKETING_CONFIG, BEAUTY_CATALOG, { expectedViewers: viewers });
  joinAll(s, viewers);
  const rng = new RngStreams(7).stream(0, 'bench-comments');
  const perComment: number[] = [];
  const perPrompt: number[] = [];
  const gap = 1000 / perSecond;
  let nextTick = 100;
  let lastIngestMs = 0;
  for (let i = 0; i < comments; i++) {
    const t = i * gap;
    while (t >= nextTick) {
      const t0 = performance.now();
      const out = tick(s, nextTick);
      const dt = performance.now() - t0;
      const prompts = out.filter((o) => o.to === 'host').length;
      // the chain: the threshold comment's ingest (≈ the last one before the tick) + the tick's share
      for (let k = 0; k < prompts; k++) perPrompt.push(lastIngestMs + dt / prompts);
      nextTick += 100;
    }
    const m = comment(rng, viewers);
    const t0 = performance.now();
    ingest(s, m, t);
    lastIngestMs = performance.now() - t0;
    perComment.push(lastIngestMs);
  }
  const sum = summary(s);
  return {
    comments,
    commentsPerSecondVirtual: perSecond,
    commentComputeUs: { p50: us(percentileOf(perComment, 0.5)), p99: us(percentileOf(perComment, 0.99)), max: us(percentileOf(perComment, 1)) },
    prompts: perPrompt.length,
    promptComputeUs: { p50: us(percentileOf(perPrompt, 0.5)), p99: us(percentileOf(perPrompt, 0.99)) },
    promptLatencyVirtualMs: sum.promptLatencyMs,
    dropped: sum.cleaning.dropped,
  };
}

/** Whole-engine load at 100k viewers: every event type, ticks every 100 ms. */
function loadBench(viewers: number, seconds: number, commentsPerSec: number, otherPerSec: number) {
  const s = createMarketingEngine(DEFAULT_MARKETING_CONFIG, BEAUTY_CATALOG, { expectedViewers: viewers });
  const rng = new RngStreams(11).stream(0, 'bench-load');
  const skus = BEAUTY_CATALOG.skus.map((k) => k.sku);
  const tJoin = performance.now();
  joinAll(s, viewers);
  const joinMs = performance.now() - tJoin;
  const ticks: number[] = [];
  let events = 0;
  const t0 = performance.now();
  for (let epoch = 0; epoch < seconds * 10; epoch++) {
    const from = epoch * 100;
    const n = Math.round((commentsPerSec + otherPerSec) / 10);
    for (let k = 0; k < n; k++) {
      const t = from + (k * 100) / n;
      const v = Math.floor(rng.next() * viewers);
      const r = rng.next() * (commentsPerSec + otherPerSec);
      const sku = skus[Math.floor(rng.next() * skus.length)]!;
      let m: ViewerUp;
      if (r < commentsPerSec) m = comment(rng, viewers);
      else if (r < commentsPerSec + otherPerSec * 0.7) m = { type: 'product.viewed', viewer: v, sku };
      else if (r < commentsPerSec + otherPerSec * 0.85) m = { type: 'product.closed', viewer: v, sku, dwellMs: 8_000 };
      else if (r < commentsPerSec + otherPerSec * 0.97) m = { type: 'cart.added', viewer: v, sku, qty: 1 };
      else m = { type: 'checkout.submitted', viewer: v, idempotencyKey: `k${epoch}-${k}` };
      ingest(s, m, t);
      events++;
    }
    const tt = performance.now();
    tick(s, from + 100);
    ticks.push(performance.now() - tt);
  }
  const wallMs = performance.now() - t0;
  const sum = summary(s);
  return {
    viewers,
    virtualSeconds: seconds,
    events,
    joinAllMs: Math.round(joinMs),
    wallMs: Math.round(wallMs),
    eventsPerSecond: Math.round(events / (wallMs / 1000)),
    realTimeFactor: +((seconds * 1000) / wallMs).toFixed(1),
    tickUs: { p50: us(percentileOf(ticks, 0.5)), p99: us(percentileOf(ticks, 0.99)) },
    heapMiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
    prompts: sum.prompts,
    segmentMoves: sum.segmentMoves,
    targeted: sum.targeted,
    targetingLatencyVirtualMs: sum.targetingLatencyMs,
  };
}

export default async function marketingBench(flags: BenchFlags): Promise<Record<string, unknown>> {
  const quick = flags.quick === true;
  const tw = performance.now();
  warmSegmenter();
  const segmenterLoadMs = Math.round(performance.now() - tw);
  computeBench(2_000, 500, 10_000); // warm the JIT
  return {
    segmenterLoadMs,
    compute: computeBench(quick ? 20_000 : 100_000, 500, 100_000),
    load: loadBench(100_000, quick ? 60 : 600, 500, 5_000),
  };
}
