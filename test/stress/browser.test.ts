// One real browser viewer: Chromium (puppeteer, /usr/bin/chromium) opens the server's viewer page with a
// signed token, opens a WebRTC data channel to the Node side (simple-peer in the page, @roamhq/wrtc on
// the server), sees the host's pitch and buys it; the order is confirmed and is in commerce.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../engine/server/index.ts';
import { CHROMIUM, CHROMIUM_ARGS, describeSeen, type BrowserSeen } from '../../runner/stress/browsers.ts';
import { firstSku, host, sleep, testServer, viewer, type TestClient } from './helpers.ts';

const hasChromium = existsSync(CHROMIUM);
let srv: RunningServer;
let h: TestClient;

beforeAll(async () => {
  srv = await testServer();
  h = await host(srv);
});
afterAll(async () => {
  h?.close();
  await srv?.close();
});

describe.skipIf(!hasChromium)('a real browser viewer', () => {
  it('joins over WebSocket + WebRTC, sees the pitch, chats and buys; the order is confirmed', async () => {
    const { default: puppeteer } = await import('puppeteer');
    const dir = mkdtempSync(join(tmpdir(), 'livelab-chromium-'));
    const browser = await puppeteer.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, `--user-data-dir=${dir}`], headless: true });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push((e as Error).message));
      const id = 777;
      await page.goto(`${srv.url}/?token=${encodeURIComponent(srv.viewerToken(id))}&viewer=${id}&autobuy=1&rtc=1`, { waitUntil: 'load' });
      const seen = async () => (await page.evaluate('window.__livelab.seen')) as BrowserSeen;
      // wait for the join and the data channel, then the host pitches
      for (let i = 0; i < 100 && !((await seen()).connected && (await seen()).rtc === 'open'); i++) await sleep(100);
      expect((await seen()).rtc).toBe('open');
      const sku = firstSku();
      h.send({ type: 'host.pitch', sku: sku.id });
      // another viewer chats: the browser sees the comment in a danmaku batch
      const other = await viewer(srv, 778);
      await sleep(100);
      other.send({ type: 'danmaku.sent', viewer: 778, text: '这个颜色好看吗', lang: 'zh' });
      let s = await seen();
      for (let i = 0; i < 100 && !(s.orders[0]?.orderId && s.comments > 0); i++) {
        await sleep(100);
        s = await seen();
      }
      expect(s.pitches[0]).toMatchObject({ sku: sku.id });
      expect(s.orders[0]?.orderId).toMatch(/./);
      expect(s.comments).toBeGreaterThan(0);
      expect(s.channel).toBe('rtc');
      expect(srv.stack.commerce.orders.list.some((o) => o.viewer === id && o.id === s.orders[0]!.orderId)).toBe(true);
      expect(srv.metrics.value('livelab_frames_in_total', { transport: 'rtc' })).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      expect(describeSeen(s, null)).toContain('orders: order-');
      other.close();
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
