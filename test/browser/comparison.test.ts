// comparison.html in a real Chromium with the network blocked: forest plot and overlaid curves drawn,
// every variant's mean in the table equal to comparison.json, user text inert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildComparison } from '../../reports/fixtures.ts';
import { launchBrowser, loadReportAssets, openOffline, pagePdf, renderComparison, type ReportBrowser } from '../../reports/index.ts';
import { chartStatus, SHOTS, writePage } from './harness.ts';

let rb: ReportBrowser;
const comparison = buildComparison({ xss: true });
const path = writePage('comparison.html', renderComparison(comparison, loadReportAssets()));

beforeAll(async () => {
  rb = await launchBrowser();
});
afterAll(async () => {
  await rb?.close();
});

describe('comparison.html in Chromium (offline)', () => {
  it('draws the forest plot and one overlay per curve, shows the means of comparison.json, runs no injected script, prints to PDF', async () => {
    const o = await openOffline(rb, path);
    const charts = await chartStatus(o.page);
    const cells = await o.page.$$eval('[data-metric]', (els) => els.map((e) => ({ metric: e.getAttribute('data-metric')!, variant: e.getAttribute('data-variant')!, value: Number(e.getAttribute('data-value')) })));
    const pwned = await o.page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned);
    await o.page.screenshot({ path: `${SHOTS}/livelab-comparison.png`, fullPage: true });
    const pdf = Buffer.from(await pagePdf(o.page));
    await o.page.close();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    expect({ blocked: o.blocked, failed: o.failed, console: o.consoleErrors, errors: o.pageErrors }).toEqual({ blocked: [], failed: [], console: [], errors: [] });
    expect(charts.map((c) => c.name)).toEqual(['forest', 'curve-survival', 'curve-concurrent']);
    for (const c of charts) {
      expect(c.rendered, c.name).toBe('true');
      expect(c.marks, c.name).toBeGreaterThan(0);
    }
    expect(cells).toHaveLength(comparison.metrics.length);
    for (const m of comparison.metrics) expect(cells).toContainEqual({ metric: m.metric, variant: m.variant, value: m.mean });
    expect(pwned).toBeUndefined();
  });
});
