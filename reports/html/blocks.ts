// Building blocks of a report page: sections, chart figures (registered for the runtime), "not recorded
// in this run" notes, and tables. Every dynamic string goes through escapeHtml here.
import { toVega } from '../charts/compile.ts';
import type { Spec } from '../charts/theme.ts';
import { escapeHtml } from '../escape.ts';
import type { ChartEntry } from './document.ts';

/** Collects the charts of a page in order; ids are stable (derived from the chart name). */
export class ChartSet {
  readonly entries: ChartEntry[] = [];

  figure(name: string, title: string, spec: Spec, caption = ''): string {
    const id = `chart-${name}`;
    let vega: object;
    try {
      vega = toVega(name, spec);
    } catch (e) {
      // one chart that cannot be compiled must not cost the reader the rest of the report
      return `<figure class="chart" data-chart="${escapeHtml(name)}" data-error="true"><div class="title">${escapeHtml(title)}</div><div class="missing">This chart could not be drawn: ${escapeHtml((e as Error).message)}</div></figure>`;
    }
    this.entries.push({ id, spec: vega });
    return `<figure class="chart" data-chart="${escapeHtml(name)}"><div class="title">${escapeHtml(title)}</div><div class="view" id="${escapeHtml(id)}" role="img" aria-label="${escapeHtml(title)}"></div>${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
  }
}

/**
 * The note a section shows for data the run did not record (`field` names where it would be), or, when
 * `malformed`, recorded in a shape the report does not know.
 */
export function missing(what: string, field: string, malformed = false): string {
  const why = malformed
    ? `could not be read (<code>${escapeHtml(field)}</code> is in result.json but not in the shape engine/result-detail.ts documents)`
    : `not recorded in this run (<code>${escapeHtml(field)}</code> is absent from result.json)`;
  return `<div class="missing" data-missing="${escapeHtml(field)}"${malformed ? ' data-malformed="true"' : ''}><strong>${escapeHtml(what)}</strong>: ${why}.</div>`;
}

export function section(id: string, title: string, intro: string, body: string): string {
  return `<section id="${escapeHtml(id)}"><h2>${escapeHtml(title)}</h2>${intro ? `<p class="lede">${intro}</p>` : ''}${body}</section>`;
}

export interface Column<T> {
  title: string;
  /** returns HTML: escape user text with escapeHtml */
  cell: (row: T) => string;
  num?: boolean;
}

export function table<T>(rows: readonly T[], columns: readonly Column<T>[], attrs = ''): string {
  const head = columns.map((c) => `<th${c.num ? ' class="num"' : ''}>${escapeHtml(c.title)}</th>`).join('');
  const body = rows.map((r) => `<tr>${columns.map((c) => `<td${c.num ? ' class="num"' : ''}>${c.cell(r)}</td>`).join('')}</tr>`).join('');
  return `<table${attrs ? ` ${attrs}` : ''}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
