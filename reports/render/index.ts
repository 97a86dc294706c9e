// PDF and PNG through puppeteer and Debian's Chromium, and the offline page opener the tests use.
export { BROWSER_FIX, BrowserNotFoundError, findBrowser, launchBrowser, openOffline, waitForCharts, type OfflinePage, type ReportBrowser } from './browser.ts';
export { pagePdf, pagePng, pdfBytes, pngBytes, renderPdf, renderPng } from './output.ts';
