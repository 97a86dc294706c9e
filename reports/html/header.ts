// Section 1: what was run and how to run it again: scenario, description, seed, version, digest, the
// thresholds with pass/fail, and a copy-pasteable command line.
import type { RunResult } from '../../engine/result.ts';
import type { ReportDetail } from '../../engine/result-detail.ts';
import { escapeHtml, shellQuote } from '../escape.ts';
import { fmtNum } from '../format.ts';
import { table } from './blocks.ts';

export function reproduceCommand(result: RunResult, run: ReportDetail['run']): string {
  const file = run?.scenarioFile ?? `scenarios/${result.scenario.name}.yaml`;
  const args = ['npx', 'livelab', 'run', file, '--seed', String(result.seed)];
  if (run?.viewers !== undefined) args.push('--viewers', String(run.viewers));
  return args.map(shellQuote).join(' ');
}

export function thresholdsTable(thresholds: RunResult['thresholds']): string {
  if (!thresholds || thresholds.length === 0) return '<p class="lede">No thresholds were set for this run.</p>';
  const failed = thresholds.filter((t) => !t.pass).length;
  const verdict = failed === 0 ? '<span class="verdict pass">all thresholds pass</span>' : `<span class="verdict fail">${failed} of ${thresholds.length} thresholds fail</span>`;
  return `<h3>Thresholds ${verdict}</h3>${table(
    thresholds,
    [
      { title: 'Threshold', cell: (t) => `<code>${escapeHtml(t.expression)}</code>` },
      { title: 'Actual', num: true, cell: (t) => (t.actual === null ? '—' : escapeHtml(fmtNum(t.actual, Number.isInteger(t.actual) ? 0 : Math.abs(t.actual) < 1 ? 4 : 2))) },
      { title: 'Result', cell: (t) => (t.pass ? '<span class="pass">✔ pass</span>' : '<span class="fail">✘ fail</span>') },
    ],
    'id="thresholds"',
  )}`;
}

export function header(result: RunResult, run: ReportDetail['run']): string {
  const s = result.scenario;
  const rows: [string, string][] = [
    ['Scenario', `${escapeHtml(s.name)}${s.variant ? ` · variant <strong>${escapeHtml(s.variant)}</strong>` : ''}`],
    ['Seed', escapeHtml(result.seed)],
    ['LiveLab', escapeHtml(result.livelabVersion)],
    ['Digest', escapeHtml(result.digest)],
    ['Scenario hash', escapeHtml(s.hash)],
  ];
  if (run?.startTimeOfDay) rows.push(['Show start', escapeHtml(run.startTimeOfDay)]);
  return `<header>
<h1>${escapeHtml(s.name)}</h1>
<p class="lede ugc">${s.description ? escapeHtml(s.description) : 'No description.'}</p>
<dl class="meta">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
<h3>Reproduce this</h3>
<div class="repro" id="reproduce">${escapeHtml(reproduceCommand(result, run))}</div>
${thresholdsTable(result.thresholds)}
</header>`;
}
