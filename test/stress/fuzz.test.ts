// Protocol fuzzing against a running server: random, malformed, oversized, binary and schema-valid but
// senseless frames from viewers and the host. The server must keep serving: no crash, every bad frame
// counted, and a well-behaved viewer still joins, chats and orders afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_INTENTS } from '../../engine/protocol.ts';
import type { RunningServer } from '../../engine/server/index.ts';
import { firstSku, host, sleep, testServer, viewer, type TestClient } from './helpers.ts';

let srv: RunningServer;
beforeAll(async () => {
  // generous frame limits so that the fuzzed frames reach the parser instead of the rate limiter
  srv = await testServer({ limits: { framesPerSec: 100_000, framesBurst: 100_000, danmakuPerSec: 100_000, danmakuBurst: 100_000 } });
});
afterAll(async () => {
  await srv.close();
});

const VIEWER = 7;
const sku = () => fc.oneof(fc.constant(firstSku().id), fc.string({ maxLength: 20 }), fc.constant('sku-9999'));
const num = () => fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER), fc.constant(-1), fc.constant(0));

/** messages that pass (or nearly pass) the schema, with odd values: unknown SKUs, extreme numbers, other viewers */
const plausible: fc.Arbitrary<unknown> = fc.oneof(
  fc.record({ type: fc.constant('danmaku.sent'), viewer: fc.constantFrom(VIEWER, VIEWER + 1), text: fc.string({ minLength: 1, maxLength: 250 }), lang: fc.constantFrom('zh', 'en', 'fr') }),
  fc.record({ type: fc.constant('cart.added'), viewer: fc.constant(VIEWER), sku: sku(), qty: num() }),
  fc.record({ type: fc.constant('cart.removed'), viewer: fc.constant(VIEWER), sku: sku() }),
  fc.record({ type: fc.constant('checkout.submitted'), viewer: fc.constant(VIEWER), idempotencyKey: fc.string({ maxLength: 140 }), couponId: fc.option(fc.string(), { nil: undefined }) }),
  fc.record({ type: fc.constant('gift.sent'), viewer: fc.constant(VIEWER), value: num() }),
  fc.record({ type: fc.constant('product.closed'), viewer: fc.constant(VIEWER), sku: sku(), dwellMs: num() }),
  fc.record({ type: fc.constant('return.requested'), viewer: fc.constant(VIEWER), orderId: fc.string({ maxLength: 20 }), sku: sku() }),
  fc.record({ type: fc.constant('coupon.claimed'), viewer: fc.constant(VIEWER), couponId: fc.string({ maxLength: 20 }) }),
  fc.record({ type: fc.constant('room.leave'), viewer: fc.constant(VIEWER), reason: fc.constantFrom('boredom', 'nope'), watchedMs: num() }),
  fc.record({ type: fc.constant('room.join'), viewer: fc.constant(VIEWER), network: fc.constantFrom('4g', '5g'), follower: fc.boolean() }),
  fc.record({ type: fc.constant('host.pitch'), sku: sku() }),
  fc.record({ type: fc.constant('rtc.signal'), data: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 30 })) }),
);

const frame: fc.Arbitrary<{ data: string | Buffer; binary: boolean }> = fc.oneof(
  fc.string({ maxLength: 300 }).map((data) => ({ data, binary: false })),
  fc.json({ maxDepth: 3 }).map((j) => ({ data: `{"m":${j}}`, binary: false })),
  fc.tuple(plausible, fc.option(num(), { nil: undefined })).map(([m, t]) => ({ data: JSON.stringify(t === undefined ? { m } : { m, t }), binary: false })),
  plausible.map((m) => ({ data: JSON.stringify({ m, extra: 1 }), binary: false })),
  fc.uint8Array({ maxLength: 200 }).map((b) => ({ data: Buffer.from(b), binary: true })),
  fc.integer({ min: 4097, max: 20_000 }).map((n) => ({ data: JSON.stringify({ m: { type: 'danmaku.sent', viewer: VIEWER, text: 'x'.repeat(n), lang: 'zh' } }), binary: false })),
);

async function stillServes(): Promise<void> {
  const health = await fetch(`${srv.url}/health`);
  expect(health.status).toBe(200);
  const v = await viewer(srv, 9001 + Math.floor(Math.random() * 1e6));
  v.send({ type: 'ping' });
  await v.next('pong', 5000);
  v.close();
}

describe('protocol fuzzing against a running server', () => {
  it('random and malformed viewer frames: every one is handled, bad ones are counted, the server keeps serving', async () => {
    let conn: TestClient = await viewer(srv, VIEWER);
    const rejectedBefore = srv.metrics.value('livelab_frames_rejected_total');
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 25 }), async (frames) => {
        if (conn.ws.readyState !== conn.ws.OPEN) conn = await viewer(srv, VIEWER);
        for (const f of frames) {
          conn.raw(f.data, f.binary);
          sent++;
        }
        // the connection answers a ping after the batch: every frame before it was processed
        conn.send({ type: 'ping' });
        await conn.next('pong', 5000);
      }),
      { numRuns: 60 },
    );
    expect(srv.metrics.value('livelab_frames_in_total')).toBeGreaterThanOrEqual(sent);
    expect(srv.metrics.value('livelab_frames_rejected_total')).toBeGreaterThan(rejectedBefore);
    for (const r of ['json', 'schema', 'binary', 'oversized']) expect(srv.metrics.value('livelab_frames_rejected_total', { reason: r })).toBeGreaterThan(0);
    expect(srv.metrics.value('livelab_internal_errors_total')).toBe(0);
    conn.close();
    await stillServes();
  });

  it('schema-valid but senseless host actions (unknown SKUs, extreme prices and stock) never break a service', async () => {
    const h = await host(srv);
    const hostMsg = fc.oneof(
      fc.record({ type: fc.constant('host.pitch'), sku: sku().filter((s) => s.length > 0) }),
      fc.record({ type: fc.constant('host.segment'), sku: sku().filter((s) => s.length > 0) }),
      fc.record({
        type: fc.constant('host.flashsale'),
        sku: sku().filter((s) => s.length > 0),
        price: fc.double({ min: 0.01, max: 1e9, noNaN: true }),
        stock: fc.integer({ min: 1, max: 1e9 }),
        durationMs: fc.double({ min: 1, max: 1e7, noNaN: true }),
      }),
      fc.record({ type: fc.constant('host.answer'), promptId: fc.string({ minLength: 1, maxLength: 20 }), intent: fc.constantFrom(...COMMENT_INTENTS) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(hostMsg, { minLength: 1, maxLength: 10 }), async (msgs) => {
        for (const m of msgs) h.send(m as never);
        h.send({ type: 'ping' });
        await h.next('pong', 5000);
      }),
      { numRuns: 40 },
    );
    expect(srv.metrics.value('livelab_internal_errors_total')).toBe(0);
    h.close();
    await stillServes();
  });

  it('a frame beyond the hard bound closes only its own connection; a flood is rate-limited; others keep their service', async () => {
    const sku = firstSku();
    const bystander = await viewer(srv, 4242);
    const big = await viewer(srv, 4343);
    big.raw(JSON.stringify({ m: { type: 'danmaku.sent', viewer: 4343, text: 'x'.repeat(100_000), lang: 'zh' } }));
    expect(await big.closed).toBe(1009);
    // a flood on a server with the default limits: rate-limited, counted, and the bystander still orders
    const strict = await testServer();
    try {
      const flooder = await viewer(strict, 1);
      const calm = await viewer(strict, 2);
      await sleep(50);
      for (let i = 0; i < 2000; i++) flooder.send({ type: 'danmaku.sent', viewer: 1, text: `刷屏 ${i}`, lang: 'zh' });
      await sleep(300);
      expect(strict.metrics.value('livelab_frames_rejected_total', { reason: 'rate' })).toBeGreaterThan(1000);
      expect(strict.metrics.value('livelab_frames_rejected_total', { reason: 'danmaku-rate' })).toBeGreaterThan(0);
      calm.send({ type: 'cart.added', viewer: 2, sku: sku.id, qty: 1 });
      calm.send({ type: 'checkout.submitted', viewer: 2, idempotencyKey: 'calm-1' });
      expect((await calm.waitFor((f) => f.m.type === 'order.confirmed', 5000, 'the calm viewer\'s order')).m).toMatchObject({ idempotencyKey: 'calm-1' });
      flooder.close();
      calm.close();
    } finally {
      await strict.close();
    }
    bystander.send({ type: 'ping' });
    await bystander.next('pong', 5000);
    bystander.close();
  });
});
