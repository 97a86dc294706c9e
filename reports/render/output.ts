// PDF (A4, backgrounds, charts as vector SVG) and PNG (full page) from a rendered report file.
import { writeFile } from 'node:fs/promises';
import type { Page } from 'puppeteer';
import { launchBrowser, openOffline, type ReportBrowser } from './browser.ts';

async function withPage<T>(htmlPath: string, shared: ReportBrowser | undefined, fn: (p: Awaited<ReturnType<typeof openOffline>>) => Promise<T>): Promise<T> {
  const rb = shared ?? (await launchBrowser());
  try {
    const o = await openOffline(rb, htmlPath);
    try {
      const failed = await o.page.evaluate(() => (globalThis as unknown as { __livelab: { failed: string[] } }).__livelab.failed);
      if (failed.length > 0) throw new Error(`${htmlPath}: charts failed to render: ${failed.join(', ')}`);
      return await fn(o);
    } finally {
      await o.page.close();
    }
  } finally {
    if (!shared) await rb.close();
  }
}

/** A4 PDF of a page whose charts have rendered (print CSS applies; charts stay vector SVG). */
export const pagePdf = (page: Page): Promise<Uint8Array> => page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });

/** One full-page PNG of a page whose charts have rendered. */
export const pagePng = (page: Page): Promise<Uint8Array> => page.screenshot({ fullPage: true, type: 'png' });

/** The report as an A4 PDF. */
export async function pdfBytes(htmlPath: string, shared?: ReportBrowser): Promise<Uint8Array> {
  return withPage(htmlPath, shared, (o) => pagePdf(o.page));
}

/** The report as one full-page PNG. */
export async function pngBytes(htmlPath: string, shared?: ReportBrowser): Promise<Uint8Array> {
  return withPage(htmlPath, shared, (o) => pagePng(o.page));
}

export async function renderPdf(htmlPath: string, pdfPath: string, shared?: ReportBrowser): Promise<void> {
  await writeFile(pdfPath, await pdfBytes(htmlPath, shared));
}

export async function renderPng(htmlPath: string, pngPath: string, shared?: ReportBrowser): Promise<void> {
  await writeFile(pngPath, await pngBytes(htmlPath, shared));
}
