// The show timeline as a strip above time charts (segments, pitches, flash sales, Q&A, injected
// anomalies), and the shaded bands (flash sales, anomalies) drawn behind a time series.
import type { Anomaly, TimelineItem } from '../../engine/result-detail.ts';
import { COLORS, minuteAxis, WIDTH } from './theme.ts';

type Sub = Record<string, unknown>;

const ROWS: Record<string, string> = { segment: 'Segments', pitch: 'Pitches', flashSale: 'Flash sales', qa: 'Q&A', network: 'Network events', anomaly: 'Injected anomalies' };
const ROW_COLORS = ['#9db7d9', '#2f6db5', COLORS.flash, '#7a5cb8', COLORS.muted, COLORS.anomaly];

export interface Annotations {
  timeline?: TimelineItem[];
  anomalies?: Anomaly[];
}

export function annotationRows(a: Annotations): { row: string; start: number; end: number; label: string }[] {
  const rows = (a.timeline ?? []).map((t) => ({ row: ROWS[t.kind]!, start: t.startMs / 60_000, end: t.endMs / 60_000, label: t.scripted && t.scripted !== t.sku ? `${t.label} (script: ${t.scripted})` : t.label }));
  for (const x of a.anomalies ?? []) rows.push({ row: ROWS.anomaly!, start: x.startMs / 60_000, end: x.endMs / 60_000, label: `${x.kind}${x.label ? `: ${x.label}` : ''}` });
  return rows;
}

export const hasAnnotations = (a: Annotations): boolean => (a.timeline?.length ?? 0) + (a.anomalies?.length ?? 0) > 0;

/** the shortest segment (minutes) whose label fits: ~60 px of the strip's width */
const minLabel = (domain: [number, number]): number => ((domain[1] - domain[0]) * 60) / WIDTH;

/** a Gantt-like strip sharing the x scale (minutes) of the chart under it */
export function timelineStrip(a: Annotations, domain: [number, number], start?: string): Sub {
  // an instant (a pitch) gets 4 px, or it would be a zero-width bar nobody sees
  const minW = ((domain[1] - domain[0]) * 4) / WIDTH;
  const rows = annotationRows(a).map((r) => (r.end - r.start < minW ? { ...r, end: r.start + minW } : r));
  const present = Object.values(ROWS).filter((r) => rows.some((x) => x.row === r));
  const x = { field: 'start', type: 'quantitative', scale: { domain, nice: false }, axis: { ...minuteAxis(start), title: null, labels: false, ticks: false, domain: false, grid: false } };
  const y = { field: 'row', type: 'nominal', sort: present, title: null, axis: { labelFontSize: 10, ticks: false, domain: false } };
  return {
    width: WIDTH,
    height: 16 * present.length,
    data: { values: rows },
    layer: [
      { mark: { type: 'bar', cornerRadius: 2, height: { band: 0.75 }, stroke: 'white', strokeWidth: 1 }, encoding: { x, x2: { field: 'end' }, y, color: { field: 'row', type: 'nominal', scale: { domain: Object.values(ROWS), range: ROW_COLORS }, legend: null }, tooltip: [{ field: 'row', title: 'kind' }, { field: 'label', title: 'what' }, { field: 'start', title: 'from (min)', format: '.1f' }, { field: 'end', title: 'to (min)', format: '.1f' }] } },
      { transform: [{ filter: `datum.row === '${ROWS.segment}' && datum.end - datum.start >= ${(minLabel(domain)).toFixed(2)}` }], mark: { type: 'text', align: 'left', dx: 3, fontSize: 9, color: '#1d2b3a', limit: 56 }, encoding: { x, y, text: { field: 'label' } } },
    ],
  };
}

const BAND_COLORS: Record<string, string> = { [ROWS.flashSale!]: COLORS.flash, [ROWS.network!]: COLORS.muted, [ROWS.anomaly!]: COLORS.anomaly };

/** translucent bands for flash sales, network events and anomalies, to layer under a time series */
export function bandsLayer(a: Annotations): Sub | null {
  const rows = annotationRows(a).filter((r) => BAND_COLORS[r.row] !== undefined);
  if (rows.length === 0) return null;
  const kinds = Object.keys(BAND_COLORS).filter((k) => rows.some((r) => r.row === k));
  return {
    data: { values: rows },
    mark: { type: 'rect', opacity: 0.13 },
    encoding: { x: { field: 'start', type: 'quantitative' }, x2: { field: 'end' }, color: { field: 'row', type: 'nominal', scale: { domain: kinds, range: kinds.map((k) => BAND_COLORS[k]!) }, legend: { title: null, orient: 'top' } }, tooltip: [{ field: 'row', title: 'kind' }, { field: 'label', title: 'what' }] },
  };
}
