// Section 5: quality of experience: startup CDF, rebuffering and bitrate by network, latency to live
// over time, QoE against watch time; plus the per-network table (always recorded).
import type { NetworkStats } from '../../../engine/result.ts';
import { latencyChart, networkQoeChart, qoeWatchChart, startupCdfChart } from '../../charts/index.ts';
import { escapeHtml } from '../../escape.ts';
import { fmtDuration, fmtInt, fmtMs, fmtPct } from '../../format.ts';
import { section, table } from '../blocks.ts';
import type { SectionContext } from './context.ts';

export function qoeSection(c: SectionContext): string {
  const q = c.result.qoe;
  const intro = `Startup p50 ${escapeHtml(fmtMs(q.startupMs.p50))} (p95 ${escapeHtml(fmtMs(q.startupMs.p95))}), rebuffer ratio ${escapeHtml(fmtPct(q.rebufferRatio, 2))}, mean bitrate ${escapeHtml(fmtInt(q.meanBitrateKbps))} kbps, latency to live p50 ${escapeHtml(fmtMs(q.latencyToLiveMs.p50))} (p95 ${escapeHtml(fmtMs(q.latencyToLiveMs.p95))}).`;
  const cdf = c.ext.startupCdf;
  const parts: string[] = [];
  parts.push(cdf && (cdf.all || cdf.byNetwork) ? c.charts.figure('startup-cdf', 'Startup delay distribution', startupCdfChart(cdf)) : c.missing('Startup delay CDF', 'detail.startupCdf'));
  const families = Object.entries(q.byNetwork);
  if (families.length > 0) {
    parts.push(c.charts.figure('network-qoe', 'Rebuffering, bitrate and startup by network family (viewers)', networkQoeChart(q.byNetwork)));
    parts.push(
      table<[string, NetworkStats]>(families, [
        { title: 'Network', cell: ([f]) => escapeHtml(f) },
        { title: 'Viewers', num: true, cell: ([, s]) => fmtInt(s.viewers) },
        { title: 'Startup p50', num: true, cell: ([, s]) => escapeHtml(fmtMs(s.startupMs.p50)) },
        { title: 'Rebuffer ratio', num: true, cell: ([, s]) => escapeHtml(fmtPct(s.rebufferRatio, 2)) },
        { title: 'Mean bitrate', num: true, cell: ([, s]) => (s.meanBitrateKbps === undefined ? '—' : `${fmtInt(s.meanBitrateKbps)} kbps`) },
        { title: 'Mean watch', num: true, cell: ([, s]) => escapeHtml(fmtDuration(s.meanWatchSeconds)) },
      ], 'id="network-table"'),
    );
  } else parts.push(c.missing('QoE by network family', 'qoe.byNetwork'));
  const lat = c.core?.latencyToLiveMs;
  parts.push(
    c.core && lat && lat.length > 0
      ? c.charts.figure('latency', 'Latency to live over the show', latencyChart({ binMs: c.core.binMs, p50: lat, p95: c.ext.latencyToLiveP95Ms, anomalies: c.ext.anomalies, timeline: c.ext.timeline, startTimeOfDay: c.startTimeOfDay }))
      : c.missing('Latency to live over time', 'detail.latencyToLiveMs'),
  );
  parts.push(c.ext.qoeByWatch && c.ext.qoeByWatch.length > 0 ? c.charts.figure('qoe-watch', 'QoE against watch time', qoeWatchChart(c.ext.qoeByWatch), 'Viewers grouped by how long they watched: the mean rebuffer ratio and bitrate they experienced.') : c.missing('QoE against watch time', 'detail.qoeByWatch'));
  return section('qoe', '5 · Quality of experience', intro, parts.join(''));
}
