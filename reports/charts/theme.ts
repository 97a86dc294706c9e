// Shared look of every chart: sizes that fit an A4 page (the page column is 720 px), a font stack that
// has CJK glyphs (WenQuanYi Micro Hei on Debian), quiet axes, and the show-clock time axis.
import type { TopLevelSpec } from 'vega-lite';

export type Spec = TopLevelSpec;
/** plot width and height for a full-width chart (axes and legends come on top, ~100 px) */
export const WIDTH = 560;
export const HEIGHT = 200;
export const HALF_WIDTH = 230;
export const FONT = '"Noto Sans", "Helvetica Neue", Arial, "WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export const COLORS = {
  primary: '#2f6db5',
  secondary: '#e07b39',
  good: '#2e8b57',
  bad: '#c0392b',
  muted: '#8a8f98',
  anomaly: '#d9534f',
  flash: '#f0a202',
};

export const THEME = {
  font: FONT,
  background: 'white',
  view: { stroke: null },
  padding: 4,
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 600, titleColor: '#333', labelColor: '#444', gridColor: '#ececec', domainColor: '#999', tickColor: '#999' },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 600, labelLimit: 220, orient: 'right' },
  title: { fontSize: 13, fontWeight: 600, anchor: 'start', color: '#222' },
  header: { labelFontSize: 11, titleFontSize: 12 },
  range: { category: ['#2f6db5', '#e07b39', '#3a9e6f', '#b8475f', '#7a5cb8', '#8c6d31', '#d4a017', '#17a2b8', '#6c757d', '#c2185b'] },
} as const;

/** attaches the theme; every builder returns `themed({...})` */
export function themed(spec: Spec): Spec {
  return { ...spec, config: THEME } as unknown as Spec;
}

/** Vega expression turning show minutes into a wall clock when the start time is known. */
export function minuteAxis(startTimeOfDay?: string): Record<string, unknown> {
  const common = { tickMinStep: 1, tickCount: 8, labelOverlap: 'greedy', labelSeparation: 6 };
  if (!startTimeOfDay) return { title: 'Show time (min)', ...common };
  const [h, m] = startTimeOfDay.split(':').map(Number);
  return { title: `Show time (started ${startTimeOfDay})`, ...common, labelExpr: `timeFormat(datetime(2000, 0, 1, ${h}, ${m} + datum.value), '%H:%M')` };
}

/** bins of a series as minutes since the show started */
export const binMinutes = (i: number, binMs: number): number => +((i * binMs) / 60_000).toFixed(3);
