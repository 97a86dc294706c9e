// Commerce and room benchmarks: checkouts per second (cart adds + checkout with 10 % retried keys, 100k
// buyers), and the room's danmaku fan-out cost per comment with 100k viewers present, against the cost a
// runtime would pay to materialise every viewer's sampled view of one batch.
import { RngStreams, uniformInt } from '../engine/kernel/index.ts';
import { createCommerceState, generateCatalog, handle as commerce, summary as commerceSummary } from '../engine/commerce/index.ts';
import { advance as roomAdvance, createRoomState, danmakuShownTo, handle as room, summary as roomSummary, type DanmakuBatch } from '../engine/room/index.ts';
import type { BenchFlags } from './registry.ts';

const round = (x: number, d = 3): number => +x.toFixed(d);

function checkoutBench(buyers: number) {
  const catalog = generateCatalog({ seed: 42, size: 200, stockMedian: 5_000 });
  const s = createCommerceState({ catalog, socialProofEveryMs: 5_000 });
  const rng = new RngStreams(42).stream(0, 'bench');
  let addMs = 0;
  let checkoutMs = 0;
  let checkouts = 0;
  for (let v = 0; v < buyers; v++) {
    const now = v * 10;
    const lines = uniformInt(rng, 1, 3);
    const skus = Array.from({ length: lines }, () => catalog.skus[uniformInt(rng, 0, catalog.skus.length - 1)]!.id);
    const retry = rng.next() < 0.1;
    let t0 = performance.now();
    for (const sku of skus) commerce(s, { type: 'cart.added', viewer: v, sku, qty: 1 }, now);
    addMs += performance.now() - t0;
    t0 = performance.now();
    commerce(s, { type: 'checkout.submitted', viewer: v, idempotencyKey: `k${v}` }, now);
    if (retry) commerce(s, { type: 'checkout.submitted', viewer: v, idempotencyKey: `k${v}` }, now + 1);
    checkoutMs += performance.now() - t0;
    checkouts += retry ? 2 : 1;
  }
  const m = commerceSummary(s);
  return {
    buyers,
    checkouts,
    orders: m.orders,
    replays: m.checkouts.replays,
    outOfStock: m.checkouts.rejected['out-of-stock'],
    checkoutsPerSecond: Math.round(checkouts / (checkoutMs / 1000)),
    ordersPerSecondWithCart: Math.round(m.orders / ((addMs + checkoutMs) / 1000)),
  };
}

function fanoutBench(viewers: number, commentsPerSecond: number, seconds: number) {
  const s = createRoomState({ seed: 42, maxShownPerSecond: 10, fanoutTickMs: 200 });
  for (let v = 0; v < viewers; v++) room(s, { type: 'room.join', viewer: v, network: '4g', follower: false }, 0);
  const rng = new RngStreams(42).stream(1, 'bench');
  const gap = 1000 / commentsPerSecond;
  let lastBatch: DanmakuBatch | undefined;
  const t0 = performance.now();
  let next = 100;
  let comments = 0;
  for (let t = 0; t < seconds * 1000; t += gap) {
    for (; next <= t; next += 100) for (const o of roomAdvance(s, next)) if (o.msg.type === 'danmaku.batch') lastBatch = o.msg;
    room(s, { type: 'danmaku.sent', viewer: uniformInt(rng, 0, viewers - 1), text: '这个色号适合黄皮吗', lang: 'zh' }, t);
    comments++;
  }
  for (const o of roomAdvance(s, seconds * 1000)) if (o.msg.type === 'danmaku.batch') lastBatch = o.msg;
  const ms = performance.now() - t0;
  // what materialising every viewer's view of one batch would cost (the runtime only does this for viewers that read chat)
  const t1 = performance.now();
  let shown = 0;
  for (let v = 0; v < viewers; v++) shown += danmakuShownTo(lastBatch!, v).length;
  const viewMs = performance.now() - t1;
  const d = roomSummary(s).danmaku;
  return {
    viewers,
    commentsPerSecond,
    comments,
    batches: d.batches,
    shownRatio: round(d.shownRatio),
    fanoutUsPerComment: round((ms * 1000) / comments),
    deliveriesCountedPerSecond: Math.round(d.shown / seconds),
    materialiseOneBatch: { items: lastBatch!.items.length, perViewer: lastBatch!.perViewer, ms: round(viewMs, 1), usPerViewer: round((viewMs * 1000) / viewers), shown },
  };
}

export default async function commerceBench(flags: BenchFlags): Promise<Record<string, unknown>> {
  const quick = Boolean(flags.quick);
  return {
    checkout: checkoutBench(Number(flags.buyers ?? (quick ? 20_000 : 100_000))),
    fanout: fanoutBench(Number(flags.viewers ?? 100_000), 500, quick ? 20 : 120),
  };
}
