// The danmaku fan-out of a running server: every viewer gets each comment at most once, never its own,
// within the room's per-viewer cap, with the sender's stamps; a viewer who joins later gets no old chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startServer, type RunningServer } from '../../engine/server/index.ts';
import { buildWorld } from '../../runner/stress/world.ts';
import { loadScenario } from '../../scenarios/schema/index.ts';
import { sleep, STRESS_SCENARIO, testServer, viewer, type TestClient } from './helpers.ts';

let srv: RunningServer;
beforeAll(async () => {
  srv = await testServer({ limits: { danmakuPerSec: 1000, danmakuBurst: 1000 } });
});
afterAll(async () => {
  await srv.close();
});

describe('danmaku fan-out', () => {
  it('at most once per viewer, never one\'s own, under the cap, stamped', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => 100 + i);
    const clients: TestClient[] = [];
    for (const id of ids) clients.push(await viewer(srv, id));
    await sleep(100);
    const sent = new Set<string>();
    for (let round = 0; round < 10; round++) {
      for (let k = 0; k < 8; k++) {
        const i = (round * 8 + k) % ids.length;
        const text = `c-${round}-${k}`;
        sent.add(text);
        clients[i]!.send({ type: 'danmaku.sent', viewer: ids[i]!, text, lang: 'en' });
      }
      await sleep(60);
    }
    await sleep(600);
    const late = await viewer(srv, 999);
    await sleep(500);
    let total = 0;
    for (const [n, c] of clients.entries()) {
      const got: string[] = [];
      for (const f of c.frames) {
        if (f.m.type !== 'danmaku.batch') continue;
        f.m.items.forEach((it, i) => {
          expect(it.viewer).not.toBe(ids[n]);
          expect(sent.has(it.text)).toBe(true);
          const st = f.it![i]!;
          expect(st[0]).toBeGreaterThan(0);
          got.push(it.text);
        });
      }
      expect(new Set(got).size).toBe(got.length);
      // ~0.8 s of chat, at most 10 a second per viewer (plus one tick's allowance at the window edges)
      expect(got.length).toBeLessThanOrEqual(14);
      total += got.length;
    }
    expect(total).toBeGreaterThan(ids.length * 3);
    expect(late.count('danmaku.batch')).toBe(0);
    // sampling groups: one frame per group and batch, the same bytes to its members (never to an author
    // of a comment in it: asserted above for every frame)
    const texts = clients.flatMap((c) => c.frames.filter((f) => f.m.type === 'danmaku.batch').map((f) => JSON.stringify(f)));
    expect(new Set(texts).size).toBeLessThan(texts.length / 1.5);
    expect(srv.metrics.value('livelab_danmaku_group_frames_total', { kind: 'shared' })).toBeGreaterThan(texts.length / 2);
    for (const c of [...clients, late]) c.close();
  });
});

describe('danmaku cadence per viewer (danmakuEveryMs)', () => {
  it('a viewer gets danmaku in at most one frame per period, fresh ticks only, under the room cap, never its own', async () => {
    // 100 ms ticks, one danmaku frame per viewer per 500 ms (G = 5): a viewer is sent the sample of one tick
    // in five, with five ticks' allowance
    const w = buildWorld(loadScenario(readFileSync(STRESS_SCENARIO, 'utf8'), STRESS_SCENARIO), { fanoutTickMs: 100 });
    const s = await startServer({ port: 0, stack: w.stack, timeline: w.timeline, limits: { danmakuPerSec: 1000, danmakuBurst: 1000, danmakuEveryMs: 500 } });
    try {
      const ids = Array.from({ length: 30 }, (_, i) => 300 + i);
      const clients: TestClient[] = [];
      for (const id of ids) clients.push(await viewer(s, id));
      await sleep(100);
      const t0 = Date.now();
      let n = 0;
      while (Date.now() - t0 < 2000) {
        for (let k = 0; k < 6; k++, n++) clients[n % ids.length]!.send({ type: 'danmaku.sent', viewer: ids[n % ids.length]!, text: `d-${n}`, lang: 'en' });
        await sleep(50);
      }
      const chatMs = Date.now() - t0;
      await sleep(800);
      let total = 0;
      let withChat = 0;
      for (const [i, c] of clients.entries()) {
        const frames = c.frames.filter((f) => f.m.type === 'danmaku.batch');
        const got = frames.flatMap((f) => (f.m.type === 'danmaku.batch' ? f.m.items : []));
        for (const it of got) expect(it.viewer).not.toBe(ids[i]);
        expect(new Set(got.map((it) => it.text)).size).toBe(got.length);
        // every tick of the chat has comments: without the cadence a viewer gets a frame every tick (~20);
        // with it, one per 500 ms at most (two periods of slack at the edges)
        expect(frames.length).toBeLessThanOrEqual(Math.ceil(chatMs / 500) + 2);
        // the room's cap (10 a second) holds: 5 per frame (one tick's allowance × G)
        for (const f of frames) if (f.m.type === 'danmaku.batch') expect(f.m.items.length).toBeLessThanOrEqual(5 * 2);
        expect(got.length).toBeLessThanOrEqual(Math.ceil((chatMs + 1000) / 100));
        total += got.length;
        if (got.length > 0) withChat++;
      }
      expect(withChat).toBeGreaterThan(ids.length / 2);
      expect(total).toBeGreaterThan(ids.length * 2);
      for (const c of clients) c.close();
    } finally {
      await s.close();
    }
  });
});

describe('ambient messages (social proof) at the danmaku cadence', () => {
  it('ride each viewer\'s danmaku frame while the chat flows, and go alone within about a period when it does not', async () => {
    const w = buildWorld(loadScenario(readFileSync(STRESS_SCENARIO, 'utf8'), STRESS_SCENARIO), { fanoutTickMs: 100 });
    // social proof every 400 ms (default 5 s) so that a short test sees several
    const stack = { ...w.stack, commerce: { ...w.stack.commerce, socialProofEveryMs: 400 } };
    const s = await startServer({ port: 0, stack, timeline: w.timeline, limits: { danmakuPerSec: 1000, danmakuBurst: 1000, danmakuEveryMs: 500 } });
    try {
      const sku = w.catalog.skus[0]!;
      const ids = Array.from({ length: 20 }, (_, i) => 500 + i);
      const clients: TestClient[] = [];
      const raw = new Map<number, string[]>();
      for (const id of ids) {
        const c = await viewer(s, id);
        raw.set(id, []);
        c.ws.on('message', (d: Buffer) => raw.get(id)!.push(d.toString('utf8')));
        clients.push(c);
      }
      const buyer = clients[0]!;
      await sleep(100);
      const broadcastsBefore = s.metrics.value('livelab_frames_out_total', { kind: 'broadcast', transport: 'ws' });
      // chat from viewers 1–19 for 2.5 s; the buyer orders three times meanwhile
      const t0 = Date.now();
      let n = 0;
      let orders = 0;
      while (Date.now() - t0 < 2500) {
        for (let k = 0; k < 6; k++, n++) {
          const i = 1 + (n % (ids.length - 1));
          clients[i]!.send({ type: 'danmaku.sent', viewer: ids[i]!, text: `a-${n}`, lang: 'en' });
        }
        if (Date.now() - t0 > 300 * (orders + 1) && orders < 3) {
          orders++;
          buyer.send({ type: 'cart.added', viewer: ids[0]!, sku: sku.id, qty: 1 });
          buyer.send({ type: 'checkout.submitted', viewer: ids[0]!, idempotencyKey: `amb-${orders}` });
        }
        await sleep(50);
      }
      await sleep(700);
      expect(buyer.count('order.confirmed'), JSON.stringify(buyer.frames.filter((f) => f.m.type.startsWith('order')))).toBe(3);
      expect(s.metrics.value('livelab_ambient_total', { event: 'queued' })).toBeGreaterThan(0);
      let riding = 0;
      let social = 0;
      for (const id of ids.slice(1)) {
        for (const text of raw.get(id)!) {
          if (!text.includes('"social.purchase"')) continue;
          social++;
          // the cadence frame: danmaku first, the ambient messages after it
          if (text.startsWith('{"b":[{"m":{"type":"danmaku.batch"')) riding++;
        }
      }
      expect(social).toBeGreaterThanOrEqual(ids.length - 1);
      expect(riding).toBeGreaterThan(social / 2);
      // no sweep of the room per social proof: broadcasts stayed few (the pitches of the timeline at most)
      const broadcasts = s.metrics.value('livelab_frames_out_total', { kind: 'broadcast', transport: 'ws' }) - broadcastsBefore;
      expect(broadcasts).toBeLessThan(ids.length * 2);

      // no chat: the next social proof still reaches everyone, alone, about a period later
      const mark = new Map(ids.map((id) => [id, raw.get(id)!.length]));
      buyer.send({ type: 'cart.added', viewer: ids[0]!, sku: sku.id, qty: 1 });
      buyer.send({ type: 'checkout.submitted', viewer: ids[0]!, idempotencyKey: 'amb-quiet' });
      const sent = Date.now();
      await Promise.all(clients.slice(1).map((c) => c.next('social.purchase', 5000)));
      expect(Date.now() - sent).toBeLessThan(3000);
      for (const id of ids.slice(1)) expect(raw.get(id)!.slice(mark.get(id)!).some((t) => t.includes('"social.purchase"'))).toBe(true);
      // and then the fan-out rests: no sweeps while nothing is owed (a viewer who missed forgotten messages
      // is not owed them for ever)
      await sleep(2500);
      const sweeps = s.metrics.value('livelab_fanout_sweeps_total');
      await sleep(1000);
      expect(s.metrics.value('livelab_fanout_sweeps_total') - sweeps).toBeLessThan(12);
      for (const c of clients) c.close();
    } finally {
      await s.close();
    }
  });
});
