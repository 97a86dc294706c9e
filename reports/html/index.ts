// The report pages: a run's report.html and a comparison's comparison.html.
export { renderComparison, fmtMetric } from './comparison.ts';
export { keyFigures, type KeyFigure } from './key-figures.ts';
export { renderReport } from './report.ts';
