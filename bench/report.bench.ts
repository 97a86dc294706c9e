// Report benchmark: the report of a 100,000-viewer, 2-hour show must be ≤ 5 MB and render in ≤ 3 s in
// headless Chromium. The fixture is sized like such a run (per-minute series, resampled survival curves,
// capped lists); its detail does not grow with the viewer count, which the 10k-vs-100k size shows.
// Time is measured in the page: navigation start → every chart drawn (window.__livelab.doneAt), median
// of several loads with the network blocked.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildFullResult } from '../reports/fixtures.ts';
import { launchBrowser, loadReportAssets, openOffline, renderReport } from '../reports/index.ts';
import type { BenchFlags } from './registry.ts';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number): number => +(bytes / 2 ** 20).toFixed(3);

export default async function reportBench(flags: BenchFlags): Promise<Record<string, unknown>> {
  const viewers = Number(flags.viewers ?? 100_000);
  const minutes = Number(flags.minutes ?? 120);
  const loads = Number(flags.loads ?? (flags.quick ? 3 : 7));
  const assets = loadReportAssets();
  const result = buildFullResult({ viewers, minutes });
  const t0 = performance.now();
  const html = renderReport(result, assets);
  const renderHtmlMs = +(performance.now() - t0).toFixed(1);
  const small = renderReport(buildFullResult({ viewers: 10_000, minutes }), assets);
  const bytes = Buffer.byteLength(html);
  const runtimeBytes = Buffer.byteLength(assets.vega);
  const dir = mkdtempSync(join(tmpdir(), 'livelab-report-bench-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  const rb = await launchBrowser();
  const done: number[] = [];
  const charts: number[] = [];
  let total = 0;
  try {
    for (let i = 0; i < loads + 1; i++) {
      const o = await openOffline(rb, file);
      const s = await o.page.evaluate(() => (globalThis as unknown as { __livelab: { total: number; rendered: number; failed: string[]; ms: number; doneAt: number } }).__livelab);
      await o.page.close();
      if (s.failed.length > 0 || o.consoleErrors.length > 0 || o.failed.length > 0) throw new Error(`report bench: page not clean: ${JSON.stringify({ failed: s.failed, console: o.consoleErrors, requests: o.failed })}`);
      total = s.total;
      if (i === 0) continue; // the first load warms the browser's code cache
      done.push(s.doneAt);
      charts.push(s.ms);
    }
  } finally {
    await rb.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const record = {
    viewers,
    minutes,
    charts: total,
    sizeMB: mb(bytes),
    sizeMBAt10kViewers: mb(Buffer.byteLength(small)),
    runtimeMB: mb(runtimeBytes),
    dataAndMarkupMB: mb(bytes - runtimeBytes),
    renderHtmlMs,
    loads,
    navigationToAllChartsMs: { median: median(done), max: Math.max(...done) },
    chartsOnlyMs: { median: median(charts), max: Math.max(...charts) },
    targets: { sizeMB: 5, renderMs: 3000 },
  };
  return { ...record, meetsTargets: record.sizeMB <= 5 && record.navigationToAllChartsMs.median <= 3000 };
}
