// renderReport: RunResult → one self-contained HTML page (STYLE.md §14). Pure: the Vega runtimes come
// in as strings; every section degrades to a "not recorded in this run" note when its detail is absent.
import type { RunResult } from '../../engine/result.ts';
import type { ReportAssets } from '../assets.ts';
import { readDetail } from '../detail.ts';
import { escapeHtml } from '../escape.ts';
import { ChartSet, missing } from './blocks.ts';
import { renderDocument } from './document.ts';
import { header } from './header.ts';
import { keyFiguresHtml } from './key-figures.ts';
import { audienceSection } from './sections/audience.ts';
import type { SectionContext } from './sections/context.ts';
import { driftSection } from './sections/drift.ts';
import { funnelSection } from './sections/funnel.ts';
import { marketingSection } from './sections/marketing.ts';
import { qoeSection } from './sections/qoe.ts';
import { retentionSection } from './sections/retention.ts';

export function renderReport(result: RunResult, assets: ReportAssets): string {
  const { core, ext, malformed } = readDetail(result);
  const charts = new ChartSet();
  const minutes = core ? (core.concurrent.length * core.binMs) / 60_000 : (ext.run?.durationMinutes ?? 0);
  // a field is "could not be read" when it, or the detail object holding it, was malformed
  const isMalformed = (field: string) =>
    field
      .split(' / ')
      .map((t) => (t.startsWith('detail.') ? t : `detail.${t}`))
      .some((t) => malformed.some((m) => t === m || t.startsWith(`${m}.`)));
  const c: SectionContext = { result, core, ext, charts, minutes, startTimeOfDay: ext.run?.startTimeOfDay, missing: (what, field) => missing(what, field, isMalformed(field)) };
  const warning = malformed.length > 0 ? `<div class="missing" id="malformed"><strong>Some detail could not be read</strong> and is left out: ${malformed.map((m) => `<code>${escapeHtml(m)}</code>`).join(', ')}.</div>` : '';
  const body = [
    header(result, ext.run),
    warning,
    keyFiguresHtml(result),
    audienceSection(c),
    retentionSection(c),
    qoeSection(c),
    funnelSection(c),
    driftSection(c),
    marketingSection(c),
    `<footer>LiveLab ${escapeHtml(result.livelabVersion)} · result schema ${escapeHtml(result.schemaVersion)} · engine: ${escapeHtml(result.engine.events.toLocaleString('en-US'))} events in ${escapeHtml((result.engine.wallMs / 1000).toFixed(1))} s on ${escapeHtml(result.engine.workers)} worker(s) · charts by Vega ${escapeHtml(assets.versions.vega)} / Vega-Lite ${escapeHtml(assets.versions.vegaLite)}, drawn offline from data inside this file.</footer>`,
  ].join('\n');
  const variant = result.scenario.variant ? ` (${result.scenario.variant})` : '';
  return renderDocument({ title: `LiveLab report: ${result.scenario.name}${variant}, seed ${result.seed}`, body, charts: charts.entries, assets });
}
