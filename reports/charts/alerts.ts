// Section 6: funnel alerts on the timeline against the injected ground truth: anomaly intervals as bands,
// each alert a mark on its detector's row, filled when it matched an anomaly, hollow for a false alarm.
import type { Alert, Anomaly } from '../../engine/result-detail.ts';
import { COLORS, minuteAxis, themed, WIDTH, type Spec } from './theme.ts';

export function alertsChart(d: { alerts: Alert[]; anomalies: Anomaly[]; minutes: number; startTimeOfDay?: string }): Spec {
  const truth = d.anomalies.map((a) => ({ row: 'Injected anomaly', start: a.startMs / 60_000, end: a.endMs / 60_000, label: `${a.kind}${a.label ? `: ${a.label}` : ''}` }));
  const alerts = d.alerts.map((a) => ({ row: `Alert · ${a.detector ?? a.kind}`, t: a.atMs / 60_000, kind: a.kind, message: a.message ?? '', outcome: a.anomalyId ? 'matched an anomaly' : 'false alarm' }));
  const rows = ['Injected anomaly', ...new Set(alerts.map((a) => a.row))];
  const x = { type: 'quantitative', scale: { domain: [0, d.minutes], nice: false }, axis: minuteAxis(d.startTimeOfDay) };
  const y = { field: 'row', type: 'nominal', title: null, scale: { domain: rows } };
  return themed({
    width: WIDTH - 80,
    height: { step: 26 },
    layer: [
      { data: { values: truth }, mark: { type: 'bar', color: COLORS.anomaly, opacity: 0.35, height: { band: 0.7 } }, encoding: { x: { ...x, field: 'start' }, x2: { field: 'end' }, y, tooltip: [{ field: 'label', title: 'anomaly' }, { field: 'start', title: 'from (min)', format: '.1f' }, { field: 'end', title: 'to (min)', format: '.1f' }] } },
      { data: { values: truth }, mark: { type: 'rule', color: COLORS.anomaly, opacity: 0.35, strokeDash: [2, 2] }, encoding: { x: { ...x, field: 'start' } } },
      {
        data: { values: alerts },
        mark: { type: 'point', size: 90, strokeWidth: 2 },
        encoding: {
          x: { ...x, field: 't' },
          y,
          color: { field: 'outcome', type: 'nominal', title: 'Alert', scale: { domain: ['matched an anomaly', 'false alarm'], range: [COLORS.good, COLORS.bad] } },
          fill: { field: 'outcome', type: 'nominal', scale: { domain: ['matched an anomaly', 'false alarm'], range: [COLORS.good, 'white'] }, legend: null },
          shape: { value: 'triangle-down' },
          tooltip: [{ field: 't', title: 'minute', format: '.2f' }, { field: 'kind' }, { field: 'message' }, { field: 'outcome' }],
        },
      },
    ],
  } as unknown as Spec);
}
