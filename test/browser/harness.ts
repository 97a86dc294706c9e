// Shared by the browser tests: one Chromium per test file, pages opened offline, and what a page's
// charts look like once rendered (containers, status, data marks per chart).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';

export const tmp = mkdtempSync(join(tmpdir(), 'livelab-browser-'));

export function writePage(name: string, html: string): string {
  const file = join(tmp, name);
  writeFileSync(file, html);
  return file;
}

export interface ChartStatus {
  name: string;
  rendered: string | null;
  marks: number;
}

/** every chart container on the page, its render status and its count of drawn data marks */
export function chartStatus(page: Page): Promise<ChartStatus[]> {
  return page.$$eval('figure.chart', (figs) =>
    figs.map((f) => {
      const view = f.querySelector('.view');
      return { name: f.getAttribute('data-chart') ?? '', rendered: view?.getAttribute('data-rendered') ?? null, marks: view ? view.querySelectorAll('svg [class*="role-mark"] > *').length : 0 };
    }),
  );
}

export function get(obj: unknown, dotted: string): unknown {
  let v = obj;
  for (const k of dotted.split('.')) v = (v as Record<string, unknown>)[k];
  return v;
}

/** The little of the DOM that page functions use (the project compiles without the DOM lib). */
export interface El {
  textContent: string | null;
  innerText: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
}
export interface Doc {
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
  getElementById(id: string): El | null;
}

/** screenshots for a person to look at (kept in /tmp, not in the repo) */
export const SHOTS = '/tmp';
