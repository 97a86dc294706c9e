// A slow consumer: a viewer that stops reading its socket. Its send buffer on the server grows until the
// danmaku for it are skipped (sampled, counted); its order confirmation is never dropped, and arrives
// once it reads again.
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../engine/server/index.ts';
import { firstSku, host, sleep, testServer, viewer } from './helpers.ts';

let srv: RunningServer;
beforeAll(async () => {
  srv = await testServer({ limits: { framesPerSec: 1e6, framesBurst: 1e6, danmakuPerSec: 1e6, danmakuBurst: 1e6, slowBufferBytes: 16 * 1024 } });
});
afterAll(async () => {
  await srv.close();
});

describe('a slow consumer', () => {
  it('gets sampled danmaku while it does not read, but its order confirmation arrives when it reads again', async () => {
    const sku = firstSku();
    const slow = await viewer(srv, 1);
    const chatty = await viewer(srv, 2);
    const h = await host(srv);
    slow.send({ type: 'cart.added', viewer: 1, sku: sku.id, qty: 1 });
    await sleep(100);
    const sock = (slow.ws as unknown as { _socket: Socket })._socket;
    sock.pause();
    // fill the paused connection's kernel buffers and then the server's send buffer with broadcasts
    for (let i = 0; i < 40_000 && srv.metrics.value('livelab_danmaku_skipped_total') === 0; i++) {
      h.send({ type: 'host.pitch', sku: sku.id });
      if (i % 200 === 0) {
        chatty.send({ type: 'danmaku.sent', viewer: 2, text: `comment ${i}`, lang: 'en' });
        await sleep(20);
      }
    }
    for (let i = 0; i < 50 && srv.metrics.value('livelab_danmaku_skipped_total') === 0; i++) {
      chatty.send({ type: 'danmaku.sent', viewer: 2, text: `more ${i}`, lang: 'en' });
      await sleep(220);
    }
    expect(srv.metrics.value('livelab_danmaku_skipped_total')).toBeGreaterThan(0);
    // the paused viewer orders; the confirmation waits in the buffer, behind everything else
    slow.send({ type: 'checkout.submitted', viewer: 1, idempotencyKey: 'slow-1' });
    await sleep(300);
    expect(slow.count('order.confirmed')).toBe(0);
    sock.resume();
    const ok = await slow.waitFor((f) => f.m.type === 'order.confirmed', 60_000, 'the confirmation');
    expect(ok.m).toMatchObject({ idempotencyKey: 'slow-1' });
    expect(srv.metrics.value('livelab_slow_consumers_closed_total')).toBe(0);
    // the chatty viewer was served all along
    expect(chatty.count('product.pitched')).toBeGreaterThan(0);
    for (const c of [slow, chatty, h]) c.close();
  }, 120_000);
});
