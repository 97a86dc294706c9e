// The danmaku fan-out of a running server: every viewer gets each comment at most once, never its own,
// within the room's per-viewer cap, with the sender's stamps; a viewer who joins later gets no old chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../engine/server/index.ts';
import { sleep, testServer, viewer, type TestClient } from './helpers.ts';

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
    for (const c of [...clients, late]) c.close();
  });
});
