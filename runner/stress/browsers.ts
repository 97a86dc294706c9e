// Real browser viewers: K Chromium instances (puppeteer, Debian's /usr/bin/chromium) open the server's
// viewer page (web/), each as its own viewer with a signed token, throttled over CDP to its network
// profile (the viewer's own trace at the start of the run: round trip, down and up rate), and buy the
// first product pitched to them. Afterwards each reports what its page saw (window.__livelab).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RngStreams } from '../../engine/kernel/index.ts';
import { viewerToken } from '../../engine/server/index.ts';
import { instantiate, TraceSegment } from '../../network-profiles/index.ts';
import { loadScenario } from '../../scenarios/schema/index.ts';
import { buildWorld, profileIndexOf } from './world.ts';
import type { Seen } from '../../web/viewer.ts';

export const CHROMIUM = process.env.LIVELAB_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Throttling {
  profile: string;
  latencyMs: number;
  downKbps: number;
  upKbps: number;
}

/** what a browser viewer saw (web/viewer.ts keeps it in window.__livelab.seen) */
export type BrowserSeen = Seen;

export interface BrowserReport {
  index: number;
  viewer: number;
  throttling: Throttling | null;
  seen: BrowserSeen | null;
  /** one line: what the browser saw */
  summary: string;
  error?: string;
}

export interface BrowserRunOptions {
  url: string;
  count: number;
  secret: string | null;
  scenarioFile: string;
  seed: number;
  firstViewer: number;
  durationMs: number;
  /** open the page with a WebRTC data channel (the server allows a few peers at once) */
  rtc?: boolean;
  throttle?: boolean;
  log: (line: string) => void;
}

const median = (xs: readonly number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 10) / 10;
};

export function describeSeen(s: BrowserSeen, t: Throttling | null): string {
  const orders = s.orders.map((o) => (o.orderId ? `${o.orderId} in ${Math.round(o.rttMs ?? 0)} ms` : o.rejected ? `rejected (${o.rejected})` : 'unanswered')).join(', ') || 'none';
  return (
    `viewer ${s.viewer}${t ? ` on ${t.profile} (rtt ${t.latencyMs} ms, ${Math.round(t.downKbps)}/${Math.round(t.upKbps)} kbit/s)` : ''} over ${s.channel}: ` +
    `connected in ${s.connectMs === null ? '–' : Math.round(s.connectMs)} ms, ${s.pitches.length} pitches (latency p50 ${median(s.pitches.map((p) => p.latencyMs ?? NaN).filter((x) => x === x)) ?? '–'} ms), ` +
    `${s.comments} comments (fan-out p50 ${median(s.commentLatencyMs) ?? '–'} ms), ${s.cards.length} cards, ${s.coupons} coupons, ${s.answers} host answers, orders: ${orders}` +
    (s.errors.length ? `, errors: ${s.errors.slice(0, 3).join('; ')}` : '')
  );
}

/** The CDP throttling of a viewer: its profile's trace at run time 0 (one viewer's draw for a family). */
export function throttlingOf(scenarioFile: string, seed: number, viewer: number): Throttling {
  const world = buildWorld(loadScenario(readFileSync(scenarioFile, 'utf8'), scenarioFile));
  const streams = new RngStreams(seed);
  const p = world.profiles[profileIndexOf(world, streams, viewer)]!;
  const trace = instantiate(p.profile, streams.stream(viewer, 'net-profile'));
  const seg = new TraceSegment();
  trace.locate(0, seg);
  return { profile: p.name, latencyMs: Math.round(seg.rttMs), downKbps: seg.downKbps, upKbps: seg.upKbps };
}

export async function runBrowsers(o: BrowserRunOptions): Promise<BrowserReport[]> {
  const { default: puppeteer } = await import('puppeteer');
  const runs = Array.from({ length: o.count }, async (_, i): Promise<BrowserReport> => {
    const viewer = o.firstViewer + i;
    const dir = mkdtempSync(join(tmpdir(), 'livelab-chromium-'));
    const throttling = o.throttle === false ? null : throttlingOf(o.scenarioFile, o.seed, viewer);
    let browser: Awaited<ReturnType<typeof puppeteer.launch>> | null = null;
    try {
      browser = await puppeteer.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, `--user-data-dir=${dir}`], headless: true, protocolTimeout: 60_000 });
      const page = await browser.newPage();
      page.on('pageerror', (e) => o.log(`browser ${i}: page error ${(e as Error).message}`));
      if (throttling !== null) {
        const cdp = await page.createCDPSession();
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: throttling.latencyMs,
          downloadThroughput: (throttling.downKbps * 1000) / 8,
          uploadThroughput: (throttling.upKbps * 1000) / 8,
        });
      }
      const q = new URLSearchParams({ autobuy: '1', ...(o.rtc ? { rtc: '1' } : {}) });
      if (o.secret !== null) {
        q.set('token', viewerToken(o.secret, viewer, Date.now()));
        q.set('viewer', String(viewer));
      }
      await page.goto(`${o.url}/?${q}`, { waitUntil: 'load', timeout: 30_000 });
      await new Promise((r) => setTimeout(r, o.durationMs));
      const seen = (await page.evaluate('window.__livelab && window.__livelab.seen')) as BrowserSeen | null;
      return { index: i, viewer: seen?.viewer ?? viewer, throttling, seen, summary: seen ? describeSeen(seen, throttling) : 'the page did not start' };
    } catch (e) {
      return { index: i, viewer, throttling, seen: null, summary: `failed: ${(e as Error).message}`, error: (e as Error).message };
    } finally {
      await browser?.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return Promise.all(runs);
}
