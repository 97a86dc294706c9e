// Headless Chromium for reports: finds Debian's chromium (or PUPPETEER_EXECUTABLE_PATH), launches it
// with a fresh profile and no background networking, and opens pages offline: every request other than
// the page itself and data: URLs is aborted and counted, as are console errors and page errors.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';

export const BROWSER_FIX = "install Debian's chromium: apt-get install -y chromium, or set PUPPETEER_EXECUTABLE_PATH";
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export class BrowserNotFoundError extends Error {
  constructor(readonly tried: string[]) {
    super(`no Chromium found (tried ${tried.join(', ')}): ${BROWSER_FIX}`);
    this.name = 'BrowserNotFoundError';
  }
}

/** The browser executable: PUPPETEER_EXECUTABLE_PATH if set (it must exist), else the first Debian path found. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  const tried = fromEnv ? [fromEnv] : CANDIDATES;
  const found = tried.find((p) => exists(p));
  if (!found) throw new BrowserNotFoundError(tried);
  return found;
}

export interface ReportBrowser {
  browser: Browser;
  /** the fresh --user-data-dir (every Chromium process of this browser has it on its command line) */
  profile: string;
  close(): Promise<void>;
}

export async function launchBrowser(executablePath = findBrowser()): Promise<ReportBrowser> {
  // loaded here, not at the top: puppeteer costs ~0.4 s to import and only --pdf/--png need it
  const { default: puppeteer } = await import('puppeteer');
  const profile = await mkdtemp(join(tmpdir(), 'livelab-chromium-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir: profile,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
  });
  return {
    browser,
    profile,
    async close() {
      await browser.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface OfflinePage {
  page: Page;
  /** requests that were aborted (anything but the page itself and data: URLs) */
  blocked: string[];
  /** requests that failed for any reason (blocked ones included) */
  failed: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

/** Opens an HTML file with the network blocked; resolves once every chart has rendered (or failed). */
export async function openOffline(rb: ReportBrowser, htmlPath: string, opts: { width?: number; timeoutMs?: number } = {}): Promise<OfflinePage> {
  const url = pathToFileURL(htmlPath).href;
  const page = await rb.browser.newPage();
  const o: OfflinePage = { page, blocked: [], failed: [], consoleErrors: [], pageErrors: [] };
  await page.setViewport({ width: opts.width ?? 820, height: 1100 });
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const u = req.url();
    if (u === url || u.startsWith('data:')) void req.continue();
    else {
      o.blocked.push(u);
      void req.abort('blockedbyclient');
    }
  });
  page.on('requestfailed', (req) => void o.failed.push(req.url()));
  page.on('console', (m) => void (m.type() === 'error' && o.consoleErrors.push(m.text())));
  page.on('pageerror', (e) => void o.pageErrors.push(e instanceof Error ? e.message : String(e)));
  await page.goto(url, { waitUntil: 'load' });
  await waitForCharts(page, opts.timeoutMs);
  return o;
}

export async function waitForCharts(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as { __livelab?: { done: boolean } }).__livelab?.done === true, { timeout: timeoutMs, polling: 20 });
}
