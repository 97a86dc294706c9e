// The run report in a real Chromium with the network blocked: no console errors, no failed or blocked
// requests, every chart drawn, key figures equal to the result, user text inert, PDF and PNG produced.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../../engine/result.ts';
import type { ReportDetail } from '../../engine/result-detail.ts';
import { resolveScenario } from '../../runner/scenario-input.ts';
import { simulate } from '../../runner/sim/simulate.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFullResult, buildMinimalResult } from '../../reports/fixtures.ts';
import { keyFigures, launchBrowser, loadReportAssets, openOffline, pagePdf, pagePng, renderReport, type ReportBrowser } from '../../reports/index.ts';
import type { OfflinePage } from '../../reports/render/index.ts';
import { chartStatus, get, SHOTS, writePage, type Doc, type El } from './harness.ts';

// page functions run in the browser
declare const document: Doc;

let rb: ReportBrowser;
let page: OfflinePage;
const assets = loadReportAssets();
// what result.json holds: the fixture through JSON
const full = JSON.parse(JSON.stringify(buildFullResult())) as ReturnType<typeof buildFullResult>;
const fullPath = writePage('report.html', renderReport(full, assets));

beforeAll(async () => {
  rb = await launchBrowser();
  page = await openOffline(rb, fullPath);
});
afterAll(async () => {
  await rb?.close();
});

describe('report.html in Chromium (offline)', () => {
  it('renders every chart with data marks, with no error and no request', async () => {
    const o = page;
    const state = await o.page.evaluate(() => (globalThis as unknown as { __livelab: { total: number; rendered: number; failed: string[] } }).__livelab);
    const charts = await chartStatus(o.page);
    await o.page.screenshot({ path: `${SHOTS}/livelab-report-full.png`, fullPage: true });
    expect({ blocked: o.blocked, failed: o.failed, console: o.consoleErrors, errors: o.pageErrors }).toEqual({ blocked: [], failed: [], console: [], errors: [] });
    expect(state).toMatchObject({ total: 20, rendered: 20, failed: [] });
    expect(charts).toHaveLength(20);
    for (const c of charts) expect(c, c.name).toMatchObject({ rendered: 'true', marks: expect.any(Number) });
    for (const c of charts) expect(c.marks, `${c.name} has no data marks`).toBeGreaterThan(0);
  });

  it('draws the drift, heat, propensity, coupon and latency charts mark for mark from the data', async () => {
    const marks = Object.fromEntries((await chartStatus(page.page)).map((c) => [c.name, c.marks]));
    const d = full.detail as unknown as Required<ReportDetail> & { latencyToLiveMs: number[] };
    const n = d.segments.names.length;
    expect(marks['segments']).toBe(n); // one stacked area per segment
    expect(marks['transitions']).toBe(2 * n * n); // a cell and its count per (from, to)
    const [skus, bins] = [d.skuHeat.skus.length, d.skuHeat.heat[0]!.length];
    const k = Math.ceil((skus * bins) / 900); // the chart averages neighbouring bins beyond 900 cells
    expect(k).toBe(2);
    expect(marks['sku-heat']).toBe(skus * Math.ceil(bins / k)); // a rect per SKU per (merged) bin
    expect(marks['propensity']).toBe(4 * d.propensity.length); // bar and label in each of two panels
    expect(marks['coupons']).toBe(d.coupons.bySegment!.length * 3); // issued and redeemed bars and a redemption label per segment
    expect(marks['coupons-time']).toBe(2); // issued and redeemed lines
    expect(marks['latency']).toBeGreaterThanOrEqual(2); // p50 and p95 lines (plus anomaly bands)
  });

  it('renders the report of a real run (small show): every chart drawn, the runtime-filled ones included', async () => {
    const { scenario } = await resolveScenario(path.resolve('test/fixtures/small-show.yaml'), {});
    const result = JSON.parse(JSON.stringify(await simulate(scenario))) as RunResult;
    const o = await openOffline(rb, writePage('run.html', renderReport(result, assets)));
    const charts = await chartStatus(o.page);
    const notes = await o.page.$$eval('[data-missing]', (els) => els.map((e) => e.getAttribute('data-missing')));
    await o.page.screenshot({ path: `${SHOTS}/livelab-report-run.png`, fullPage: true });
    await o.page.close();
    expect({ failed: o.failed, console: o.consoleErrors, errors: o.pageErrors }).toEqual({ failed: [], console: [], errors: [] });
    expect(notes).toEqual([]);
    const byName = Object.fromEntries(charts.map((c) => [c.name, c]));
    for (const name of ['latency', 'segments', 'transitions', 'sku-heat', 'propensity', 'coupons', 'coupons-time', 'prompts', 'alerts']) {
      expect(byName[name], name).toMatchObject({ rendered: 'true' });
      expect(byName[name]!.marks, `${name} has no data marks`).toBeGreaterThan(0);
    }
    const d = result.detail as unknown as Required<ReportDetail>;
    expect(byName['segments']!.marks).toBe(d.segments.names.length);
    expect(byName['sku-heat']!.marks).toBe(d.skuHeat.skus.length * d.skuHeat.heat[0]!.length);
  }, 120_000);

  it('shows the key figures of result.json', async () => {
    const dom = await page.page.$$eval('[data-key]', (els) => els.map((e) => ({ key: e.getAttribute('data-key')!, value: Number(e.getAttribute('data-value')), text: e.querySelector('.value')!.textContent })));
    const expected = keyFigures(full);
    expect(dom.map((d) => d.key)).toEqual(expected.map((f) => f.key));
    for (const d of dom) expect(d.value, d.key).toBe(get(full, d.key));
    for (const [i, d] of dom.entries()) expect(d.text).toBe(expected[i]!.text);
    expect(dom.find((d) => d.key === 'viewers.arrived')!.text).toBe('10,000');
  });

  it('degrades on a minimal result: two charts, a note for everything else; PNG', async () => {
    const minimalPath = writePage('minimal.html', renderReport(buildMinimalResult(), assets));
    const o = await openOffline(rb, minimalPath);
    const charts = await chartStatus(o.page);
    const notes = await o.page.$$eval('[data-missing]', (els) => els.map((e) => (e as unknown as El).innerText));
    const png = Buffer.from(await pagePng(o.page));
    writeFileSync(`${SHOTS}/livelab-report-minimal.png`, png);
    await o.page.close();
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect({ failed: o.failed, console: o.consoleErrors, errors: o.pageErrors }).toEqual({ failed: [], console: [], errors: [] });
    expect(charts.map((c) => [c.name, c.rendered, c.marks > 0])).toEqual([['network-qoe', 'true', true], ['funnel-totals', 'true', true]]);
    expect(notes).toHaveLength(18);
    for (const n of notes) expect(n).toContain('not recorded in this run');
  });

  it('keeps danmaku, prompt texts and SKU names as text (XSS)', async () => {
    const o = await openOffline(rb, writePage('xss.html', renderReport(buildFullResult({ xss: true, minutes: 40 }), assets)));
    const seen = await o.page.evaluate(() => ({
      pwned: (globalThis as unknown as { __pwned?: unknown }).__pwned,
      imgs: document.querySelectorAll('img').length,
      table: (document.getElementById('prompt-table') as El).innerText,
      lede: (document.querySelector('header .lede') as El).innerText,
      heatLabels: [...document.querySelectorAll('#chart-sku-heat text')].map((t) => t.textContent).join('|'),
      injected: document.querySelectorAll('svg img, svg image, svg foreignObject, [onerror], [onload]').length,
    }));
    await o.page.close();
    expect(seen.pwned).toBeUndefined();
    expect(seen.imgs).toBe(0);
    expect(seen.table).toContain('<script>window.__pwned=1</script>');
    expect(seen.table).toContain('<img src=x onerror="window.__pwned=2">');
    expect(seen.lede).toContain('<script>window.__pwned=1</script>');
    expect(seen.heatLabels).toContain('Hyaluronic serum <');
    expect(seen.injected).toBe(0);
    expect({ blocked: o.blocked, failed: o.failed, console: o.consoleErrors, errors: o.pageErrors }).toEqual({ blocked: [], failed: [], console: [], errors: [] });
  });

  it('prints an A4 PDF with the charts (from the page already open)', async () => {
    const pdf = Buffer.from(await pagePdf(page.page));
    writeFileSync(`${SHOTS}/livelab-report-full.pdf`, pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    for (const [w, h] of boxes) {
      expect(Math.abs(w! - 595.28)).toBeLessThan(1.5);
      expect(Math.abs(h! - 841.89)).toBeLessThan(1.5);
    }
  });

  it('the offline guard does catch a request (so "none blocked" above means something)', async () => {
    const o = await openOffline(rb, writePage('leaky.html', '<!doctype html><img src="http://127.0.0.1:9/x.png"><script>window.__livelab={done:true}</script>'));
    await o.page.close();
    expect(o.blocked).toEqual(['http://127.0.0.1:9/x.png']);
    expect(o.failed).toEqual(['http://127.0.0.1:9/x.png']);
  });
});
