// Section 6: the funnel (totals, per minute), conversion over time, and the funnel alerts scored against
// the injected ground truth (precision, recall, time to detect).
import type { Alert, Anomaly } from '../../../engine/result-detail.ts';
import { alertsChart, conversionChart, funnelSeriesChart, funnelTotalsChart } from '../../charts/index.ts';
import { escapeHtml } from '../../escape.ts';
import { fmtInt, fmtMs, fmtPct, fmtShowTime } from '../../format.ts';
import { section, table } from '../blocks.ts';
import type { SectionContext } from './context.ts';

/** when an anomaly was first detected: the runtime's verdict, else the first alert that names it */
export function detectedAt(a: Anomaly, alerts: readonly Alert[]): number | null {
  if (a.detectedAtMs !== undefined) return a.detectedAtMs;
  const hit = alerts.filter((x) => x.anomalyId === a.id).map((x) => x.atMs);
  return hit.length > 0 ? Math.min(...hit) : null;
}

// precision and recall are null when undefined (no alert raised, nothing injected)
const orNa = (v: number | null | undefined, why: string): string => (v === null || v === undefined ? `n/a (${why})` : escapeHtml(fmtPct(v)));

function alertsPart(c: SectionContext): string {
  const m = c.result.marketing;
  const score = `${fmtInt(m.alerts)} ${m.alerts === 1 ? 'alert' : 'alerts'}; precision ${orNa(m.alertPrecision, 'no alert raised')}, recall ${orNa(m.alertRecall, 'no anomaly injected')}${m.meanTimeToDetectMs !== undefined ? `, mean time to detect ${escapeHtml(fmtMs(m.meanTimeToDetectMs))}` : ''}.`;
  const { alerts, anomalies } = c.ext;
  const parts = [`<h3>Alerts against the injected ground truth</h3><p id="alert-score">${score}</p>`];
  if (!anomalies) parts.push(c.missing('Injected anomalies (ground truth)', 'detail.anomalies'));
  if (!alerts) parts.push(c.missing('Alerts with times and kinds', 'detail.alerts'));
  if (alerts && anomalies && alerts.length + anomalies.length > 0) {
    parts.push(c.charts.figure('alerts', 'Funnel alerts and injected anomalies', alertsChart({ alerts, anomalies, minutes: c.minutes, startTimeOfDay: c.startTimeOfDay }), 'Red bands: injected anomalies. Triangles: alerts, filled when they matched an anomaly, hollow for false alarms.'));
  }
  if (anomalies && anomalies.length > 0) {
    parts.push(
      table(anomalies, [
        { title: 'Injected anomaly', cell: (a) => `${escapeHtml(a.kind)}${a.label ? `<br><span class="examples ugc">${escapeHtml(a.label)}</span>` : ''}` },
        { title: 'From – to', num: true, cell: (a) => `${fmtShowTime(a.startMs)} – ${fmtShowTime(a.endMs)}` },
        { title: 'Detected', num: true, cell: (a) => { const d = detectedAt(a, alerts ?? []); return d === null ? '<span class="fail">missed</span>' : fmtShowTime(d); } },
        { title: 'Time to detect', num: true, cell: (a) => { const d = detectedAt(a, alerts ?? []); return d === null ? '—' : escapeHtml(fmtMs(d - a.startMs)); } },
      ], 'id="anomaly-table"'),
    );
  }
  return parts.join('');
}

export function funnelSection(c: SectionContext): string {
  const f = c.result.funnel;
  const parts = [c.charts.figure('funnel-totals', 'Funnel over the whole show', funnelTotalsChart(f), 'Labels give the count and the share of viewers who entered.')];
  if (c.core) {
    parts.push(c.charts.figure('funnel-minute', 'Funnel per minute', funnelSeriesChart({ binMs: c.core.binMs, funnel: c.core.funnel, anomalies: c.ext.anomalies, startTimeOfDay: c.startTimeOfDay })));
    parts.push(c.charts.figure('conversion', 'Conversion and GMV over time', conversionChart({ binMs: c.core.binMs, entered: c.core.funnel.entered, paid: c.core.funnel.paid, gmv: c.core.gmv, startTimeOfDay: c.startTimeOfDay }), 'Line: paid so far / entered so far. Bars: GMV per bin (¥).'));
  } else parts.push(c.missing('Funnel per minute and conversion over time', 'detail.funnel / detail.gmv'));
  parts.push(alertsPart(c));
  return section('funnel', '6 · Funnel and alerts', '', parts.join(''));
}
