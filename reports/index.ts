// Reports: a run's result (and a comparison) as self-contained HTML, PDF and PNG. The renderers are pure
// functions of the result and the inlined runtime assets; loadReportAssets and render/ are the edges.
export type { ComparisonResult, ReportDetail } from '../engine/result-detail.ts';
export { loadReportAssets, type ReportAssets } from './assets.ts';
export { detailProblems, readDetail } from './detail.ts';
export { fmtMetric, keyFigures, renderComparison, renderReport, type KeyFigure } from './html/index.ts';
export { BROWSER_FIX, BrowserNotFoundError, findBrowser, launchBrowser, openOffline, renderPdf, renderPng, pagePdf, pagePng, pdfBytes, pngBytes, type ReportBrowser } from './render/index.ts';
