// renderComparison: ComparisonResult → comparison.html: variants side by side (mean and 95 % CI, the
// paired difference to the baseline and whether it is significant), a forest plot, and the curves
// overlaid per variant.
import type { ComparisonMetric, ComparisonResult } from '../../engine/result-detail.ts';
import type { ReportAssets } from '../assets.ts';
import { forestChart, forestRows, overlayChart } from '../charts/index.ts';
import { escapeHtml, shellQuote } from '../escape.ts';
import { fmtInt, fmtNum, fmtPct, fmtYuan } from '../format.ts';
import { ChartSet, missing, section } from './blocks.ts';
import { renderDocument } from './document.ts';

const isShare = (metric: string): boolean => /(Rate|Ratio|retention\.\d+|Precision|Recall)$/.test(metric);

/** formats a metric value by what its dotted name says it is; a difference of shares is in points */
export function fmtMetric(metric: string, v: number, signed = false): string {
  const sign = signed && v > 0 ? '+' : '';
  if (isShare(metric)) return signed ? `${sign}${fmtNum(v * 100, 2)} pp` : fmtPct(v, 2);
  if (/(gmv|aov)$/i.test(metric)) return sign + fmtYuan(v, Math.abs(v) >= 1000 ? 0 : 2);
  if (/(Ms|Seconds|Kbps)$/.test(metric) || Math.abs(v) >= 1000) return sign + fmtNum(v, 1);
  return sign + fmtNum(v, 3);
}

function cell(m: ComparisonMetric | undefined, baseline: boolean): string {
  if (!m) return '—';
  const mean = `<span data-metric="${escapeHtml(m.metric)}" data-variant="${escapeHtml(m.variant)}" data-value="${escapeHtml(JSON.stringify(m.mean))}">${escapeHtml(fmtMetric(m.metric, m.mean))}</span>`;
  const ci = `<div class="examples">95 % CI ${escapeHtml(fmtMetric(m.metric, m.ci95[0]))} – ${escapeHtml(fmtMetric(m.metric, m.ci95[1]))}</div>`;
  if (baseline || !m.diff) return mean + ci;
  const d = m.diff;
  const cls = d.significant ? 'sig' : '';
  return `${mean}${ci}<div class="${cls}" title="${d.significant ? 'significant at 95 %' : 'not significant'}">Δ ${escapeHtml(fmtMetric(m.metric, d.mean, true))}${d.significant ? ' ✱' : ''}</div><div class="examples">[${escapeHtml(fmtMetric(m.metric, d.ci95[0], true))}, ${escapeHtml(fmtMetric(m.metric, d.ci95[1], true))}]</div>`;
}

function metricsTable(c: ComparisonResult): string {
  const metrics = [...new Set(c.metrics.map((m) => m.metric))];
  const find = (metric: string, variant: string) => c.metrics.find((m) => m.metric === metric && m.variant === variant);
  const head = `<tr><th>Metric</th>${c.variants.map((v) => `<th class="num">${escapeHtml(v)}${v === c.baseline ? ' (baseline)' : ''}</th>`).join('')}</tr>`;
  const rows = metrics.map((metric) => `<tr><td><code>${escapeHtml(metric)}</code></td>${c.variants.map((v) => `<td class="num">${cell(find(metric, v), v === c.baseline)}</td>`).join('')}</tr>`);
  return `<table id="comparison-table"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table><p class="lede">Δ: paired difference to the baseline (common random numbers) with its 95 % CI below; differences of rates are in percentage points (pp); ✱ significant.</p>`;
}

export function renderComparison(c: ComparisonResult, assets: ReportAssets): string {
  const charts = new ChartSet();
  const file = c.scenario.file ?? `scenarios/${c.scenario.name}.yaml`;
  const cmd = ['npx', 'livelab', 'compare', file, '--variants', c.variants.join(','), '--replications', String(c.replications)].map(shellQuote).join(' ');
  const meta: [string, string][] = [
    ['Variants', c.variants.map((v) => escapeHtml(v) + (v === c.baseline ? ' (baseline)' : '')).join(', ')],
    ['Replications', fmtInt(c.replications)],
    ...(c.seed !== undefined ? ([['Seed', escapeHtml(c.seed)]] as [string, string][]) : []),
    ...(c.viewers !== undefined ? ([['Viewers per run', fmtInt(c.viewers)]] as [string, string][]) : []),
    ...(c.scenario.hash ? ([['Scenario hash', escapeHtml(c.scenario.hash)]] as [string, string][]) : []),
    ...(c.livelabVersion ? ([['LiveLab', escapeHtml(c.livelabVersion)]] as [string, string][]) : []),
  ];
  const head = `<header><h1>${escapeHtml(c.scenario.name)}: comparison</h1><p class="lede ugc">${c.scenario.description ? escapeHtml(c.scenario.description) : 'No description.'}</p><dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl><h3>Reproduce this</h3><div class="repro" id="reproduce">${escapeHtml(cmd)}</div></header>`;
  const forest = forestRows(c).length > 0 ? charts.figure('forest', 'Differences to the baseline', forestChart(c), 'Each metric\'s paired difference as a share of the baseline mean, with its 95 % CI. Filled: significant; hollow: not.') : missing('Paired differences', 'metrics[].diff');
  const curves = c.curves && c.curves.length > 0 ? c.curves.map((k) => charts.figure(`curve-${k.name.replace(/[^a-z0-9-]/gi, '-')}`, k.title ?? k.name, overlayChart(k, c.variants, c.baseline), `The baseline (${escapeHtml(c.baseline)}) is dashed.`)).join('') : missing('Curves per variant', 'curves');
  const body = [
    head,
    section('metrics', 'Metrics side by side', `Mean over ${fmtInt(c.replications)} replications of each variant.`, metricsTable(c)),
    section('forest', 'Forest plot', '', forest),
    section('curves', 'Curves per variant', '', curves),
    `<footer>LiveLab ${escapeHtml(c.livelabVersion ?? '')} · charts by Vega ${escapeHtml(assets.versions.vega)} / Vega-Lite ${escapeHtml(assets.versions.vegaLite)}, drawn offline from data inside this file.</footer>`,
  ].join('\n');
  return renderDocument({ title: `LiveLab comparison: ${c.scenario.name}`, body, charts: charts.entries, assets });
}
