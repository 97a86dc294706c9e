// renderSweep: sweep.json → sweep.html, self-contained like comparison.html: what was swept, the best
// setting per objective (with the paired difference to the runner-up and whether it is significant),
// a chart of each objective against the parameter(s) with 95 % CIs, and the grid table (every setting,
// its parameter values, the objectives and a few key metrics as mean and CI; the best marked ★).
import type { SweepResult, SweepSetting } from '../../runner/experiments/types.ts';
import type { ReportAssets } from '../assets.ts';
import { escapeHtml, shellQuote } from '../escape.ts';
import { fmtInt } from '../format.ts';
import { ChartSet, missing, section } from '../html/blocks.ts';
import { fmtMetric } from '../html/comparison.ts';
import { renderDocument } from '../html/document.ts';
import { paramText, sweepChart, sweepPoints } from './chart.ts';

/** shown in the grid besides the objectives, when the runs report them */
const CONTEXT_METRICS = ['commerce.gmv', 'commerce.aov', 'commerce.conversionRate', 'viewers.meanWatchSeconds'];

const settingText = (o: Record<string, unknown>): string =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${paramText(v)}`)
    .join(' ');

function meanCell(metric: string, e: SweepSetting['metrics'][string] | undefined, best: boolean): string {
  if (!e) return '—';
  const v = `<span data-metric="${escapeHtml(metric)}" data-value="${escapeHtml(JSON.stringify(e.mean))}">${escapeHtml(fmtMetric(metric, e.mean))}</span>${best ? ' <span class="sig" title="best for this objective">★</span>' : ''}`;
  return `${v}<div class="examples">95 % CI ${escapeHtml(fmtMetric(metric, e.ci95[0]))} – ${escapeHtml(fmtMetric(metric, e.ci95[1]))}</div>`;
}

function bestTable(s: SweepResult): string {
  if (s.best.length === 0) return missing('Best settings', 'best');
  const rows = s.best.map((b) => {
    const ru = b.runnerUp
      ? `${escapeHtml(b.runnerUp.label)} (<code>${escapeHtml(settingText(b.runnerUp.overrides))}</code>): ${escapeHtml(fmtMetric(b.objective, b.runnerUp.mean))}; best − runner-up ${escapeHtml(fmtMetric(b.objective, b.runnerUp.diff.mean, true))} [${escapeHtml(fmtMetric(b.objective, b.runnerUp.diff.ci95[0], true))}, ${escapeHtml(fmtMetric(b.objective, b.runnerUp.diff.ci95[1], true))}], ${b.runnerUp.diff.significant ? '<strong class="sig">significant ✱</strong>' : 'not significant'}`
      : 'only one setting';
    return `<tr data-objective="${escapeHtml(b.objective)}" data-best="${escapeHtml(b.label)}"><td><code>${escapeHtml(b.objective)}</code> (${b.direction})</td><td>${escapeHtml(b.label)}: <code>${escapeHtml(settingText(b.overrides))}</code></td><td class="num">${meanCell(b.objective, { mean: b.mean, ci95: b.ci95 }, false)}</td><td>${ru}</td></tr>`;
  });
  return `<div class="scroll" style="overflow-x:auto"><table id="sweep-best"><thead><tr><th>Objective</th><th>Best setting</th><th class="num">Mean</th><th>Runner-up and paired difference</th></tr></thead><tbody>${rows.join('')}</tbody></table></div><p class="lede">The paired difference uses the common replications (replication r of every setting has seed base + r); when it is not significant, the data do not separate the best setting from the runner-up.</p>`;
}

function gridTable(s: SweepResult): string {
  const objectives = [...new Set(s.objectives.map((o) => o.metric))];
  const present = new Set(s.settings.flatMap((st) => Object.keys(st.metrics)));
  const metrics = [...objectives, ...CONTEXT_METRICS.filter((m) => present.has(m) && !objectives.includes(m))];
  const isBest = (metric: string, label: string) => s.best.some((b) => b.objective === metric && b.label === label);
  const head = `<tr><th>Setting</th>${s.params.map((p) => `<th>${escapeHtml(p.path)}</th>`).join('')}${metrics.map((m) => `<th class="num">${escapeHtml(m)}${objectives.includes(m) ? ' (objective)' : ''}</th>`).join('')}</tr>`;
  const rows = s.settings.map(
    (st) =>
      `<tr data-setting="${escapeHtml(st.label)}"><td>${escapeHtml(st.label)}</td>${s.params.map((p) => `<td><code>${escapeHtml(paramText(st.overrides[p.path]))}</code></td>`).join('')}${metrics.map((m) => `<td class="num">${meanCell(m, st.metrics[m], isBest(m, st.label))}</td>`).join('')}</tr>`,
  );
  return `<div class="scroll" style="overflow-x:auto"><table id="sweep-grid"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div><p class="lede">Mean over ${fmtInt(s.replications)} replications per setting with its 95 % CI (Student t); ★ the best setting for that objective. Every metric of every setting is in sweep.csv and sweep.json.</p>`;
}

export function renderSweep(s: SweepResult, assets: ReportAssets): string {
  const charts = new ChartSet();
  const file = s.scenario.file;
  const cmd = [
    'npx', 'livelab', 'sweep', file,
    ...s.params.flatMap((p) => ['--param', `${p.path}=${p.values.map(paramText).join(',')}`]),
    ...s.objectives.flatMap((o) => ['--objective', `${o.metric}:${o.direction}`]),
    ...(s.scenario.variant ? ['--variant', s.scenario.variant] : []),
    '--replications', String(s.replications), '--seed', String(s.seed), '--viewers', String(s.viewers),
  ].map(shellQuote).join(' ');
  const meta: [string, string][] = [
    ['Parameters', s.params.map((p) => `<code>${escapeHtml(p.path)}</code> = ${escapeHtml(p.values.map(paramText).join(', '))}`).join('<br>')],
    ['Settings', fmtInt(s.settings.length)],
    ['Replications', `${fmtInt(s.replications)} per setting (seeds ${escapeHtml(s.seed)}…${escapeHtml(s.seed + s.replications - 1)})`],
    ['Viewers per run', fmtInt(s.viewers)],
    ['Show', `${escapeHtml(s.durationMinutes)} min`],
    ...(s.scenario.variant ? ([['Around variant', escapeHtml(s.scenario.variant)]] as [string, string][]) : []),
    ['Scenario hash', escapeHtml(s.scenario.hash)],
    ['LiveLab', escapeHtml(s.livelabVersion)],
  ];
  const head = `<header><h1>${escapeHtml(s.scenario.name)}: sweep</h1><p class="lede ugc">${s.scenario.description ? escapeHtml(s.scenario.description) : 'No description.'}</p><dl class="meta">${meta.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl><h3>Reproduce this</h3><div class="repro" id="reproduce">${escapeHtml(cmd)}</div></header>`;
  const objectives = [...new Set(s.objectives.map((o) => o.metric))];
  const figures = objectives
    .map((m) =>
      sweepPoints(s, m).length > 0
        ? charts.figure(`sweep-${m.replace(/[^a-z0-9-]/gi, '-')}`, `${m} against ${s.params[0]!.path}`, sweepChart(s, m, m), 'Each point is a setting\'s mean over its replications; the bar is its 95 % CI; the diamond is the best setting for this objective.')
        : missing(`${m} per setting`, `settings[].metrics["${m}"]`),
    )
    .join('');
  const body = [
    head,
    section('best', 'Best setting per objective', '', bestTable(s)),
    section('charts', 'Objectives against the parameters', '', figures),
    section('grid', 'The grid', '', gridTable(s)),
    `<footer>LiveLab ${escapeHtml(s.livelabVersion)} · charts by Vega ${escapeHtml(assets.versions.vega)} / Vega-Lite ${escapeHtml(assets.versions.vegaLite)}, drawn offline from data inside this file.</footer>`,
  ].join('\n');
  return renderDocument({ title: `LiveLab sweep: ${s.scenario.name}`, body, charts: charts.entries, assets });
}
