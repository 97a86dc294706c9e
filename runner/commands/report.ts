// `livelab report FILE [--pdf] [--png] [--out FILE]`: re-renders report.html from a result.json (or
// comparison.html from a comparison.json) and, on request, a PDF and a PNG through Debian's Chromium.
// The input is validated first: a bad file exits 2 naming the file, the path, the value and the
// expectation. Reading and writing happen here; rendering is reports/ (pure, but for the browser).
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { z } from 'zod';
import { formatProblem, InputError, type InputProblem } from '../../engine/kernel/errors.ts';
import { ComparisonResultSchema, type ComparisonResult } from '../../engine/result-detail.ts';
import { RunResultSchema, type RunResult } from '../../engine/result.ts';
import { BrowserNotFoundError, detailProblems, launchBrowser, loadReportAssets, openOffline, pagePdf, pagePng, renderComparison, renderReport } from '../../reports/index.ts';
import type { CliIo } from '../io.ts';
import { writeAtomic } from '../output.ts';

type Parsed = { kind: 'result'; value: RunResult; warnings: InputProblem[] } | { kind: 'comparison'; value: ComparisonResult; warnings: InputProblem[] };

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let v = doc;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function zodProblems(file: string, doc: unknown, error: z.ZodError): InputProblem[] {
  return error.issues.map((i) => {
    const expected = i.code === 'invalid_type' ? `${String(i.expected)}` : i.code === 'invalid_value' ? `one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}` : i.message;
    return { file, path: i.path.map(String).join('.'), expected, value: valueAt(doc, i.path) };
  });
}

const isComparison = (doc: unknown): boolean => doc !== null && typeof doc === 'object' && ((doc as { kind?: unknown }).kind === 'comparison' || (Array.isArray((doc as { variants?: unknown }).variants) && !('schemaVersion' in doc)));

/**
 * Parses and validates a result.json (against RunResultSchema) or a comparison.json, collecting every
 * problem in one pass; report-detail fields in another shape than engine/result-detail.ts come back as
 * warnings (the report says "could not be read" for them).
 */
export function parseReportInput(file: string, text: string): Parsed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputError([{ file, path: '', expected: 'a JSON document (result.json or comparison.json)', value: (e as Error).message }], { cause: e });
  }
  if (isComparison(doc)) {
    const r = ComparisonResultSchema.safeParse(doc);
    if (!r.success) throw new InputError(zodProblems(file, doc, r.error));
    if (!r.data.variants.includes(r.data.baseline)) throw new InputError([{ file, path: 'baseline', expected: `one of the variants (${r.data.variants.join(', ')})`, value: r.data.baseline }]);
    return { kind: 'comparison', value: r.data, warnings: [] };
  }
  const r = RunResultSchema.safeParse(doc);
  if (!r.success) throw new InputError(zodProblems(file, doc, r.error));
  // the report detail is optional: a field in another shape is left out of the report, with a warning
  const warnings = detailProblems(r.data.detail).map((p) => ({ file, ...p }));
  return { kind: 'result', value: r.data, warnings };
}

interface ReportOptions {
  pdf?: boolean;
  png?: boolean;
  out?: string;
}

export function registerReportCommand(program: Command, io: CliIo): void {
  program
    .command('report')
    .description('re-render report.html from a result.json (or comparison.html from a comparison.json); --pdf and --png through Chromium')
    .argument('<file>', 'result.json or comparison.json')
    .option('--pdf', 'also write an A4 PDF next to the HTML')
    .option('--png', 'also write a full-page PNG next to the HTML')
    .option('--out <file>', 'where to write the HTML (default: report.html or comparison.html next to the input)')
    .action(async (file: string, opts: ReportOptions) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (e) {
        throw new InputError([{ file, path: '', expected: 'a readable result.json or comparison.json', value: (e as NodeJS.ErrnoException).code ?? String(e) }], { cause: e });
      }
      const input = parseReportInput(file, text);
      for (const w of input.warnings.slice(0, 20)) io.err(`warning: ${formatProblem(w)} (left out of the report)`);
      if (input.warnings.length > 20) io.err(`warning: … and ${input.warnings.length - 20} more report-detail problems`);
      const assets = loadReportAssets();
      const html = input.kind === 'result' ? renderReport(input.value, assets) : renderComparison(input.value, assets);
      const htmlPath = resolve(opts.out ?? join(dirname(file), input.kind === 'result' ? 'report.html' : 'comparison.html'));
      writeAtomic(htmlPath, html);
      io.out(`wrote ${htmlPath} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KB)`);
      if (!opts.pdf && !opts.png) return;
      const stem = join(dirname(htmlPath), basename(htmlPath, extname(htmlPath)));
      let browser;
      try {
        browser = await launchBrowser();
      } catch (e) {
        if (!(e instanceof BrowserNotFoundError)) throw e;
        io.err(`error: ${e.message}`);
        io.setExitCode(2);
        return;
      }
      try {
        // one page load for both outputs: the charts are drawn once
        const page = await openOffline(browser, htmlPath);
        const failed = await page.page.evaluate(() => (globalThis as unknown as { __livelab: { failed: string[] } }).__livelab.failed);
        if (failed.length > 0) throw new Error(`${htmlPath}: charts failed to render: ${failed.join(', ')}`);
        if (opts.pdf) {
          writeAtomic(`${stem}.pdf`, await pagePdf(page.page));
          io.out(`wrote ${stem}.pdf`);
        }
        if (opts.png) {
          writeAtomic(`${stem}.png`, await pagePng(page.page));
          io.out(`wrote ${stem}.png`);
        }
      } finally {
        await browser.close();
      }
    });
}
