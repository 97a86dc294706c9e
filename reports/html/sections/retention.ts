// Section 4: retention as Kaplan–Meier survival curves by network family and by persona.
import { survivalChart } from '../../charts/index.ts';
import { escapeHtml } from '../../escape.ts';
import { fmtPct } from '../../format.ts';
import { section } from '../blocks.ts';
import type { SectionContext } from './context.ts';

export function retentionSection(c: SectionContext): string {
  const r = c.result.viewers.retention;
  const intro = `Share of viewers still watching after 1, 5 and 30 minutes of watch time: ${escapeHtml(fmtPct(r['60']))}, ${escapeHtml(fmtPct(r['300']))}, ${escapeHtml(fmtPct(r['1800']))}. Kaplan–Meier estimates (viewers still watching at the end are censored).`;
  const s = c.ext.survival;
  const parts = [
    s?.byNetwork && Object.keys(s.byNetwork).length > 0 ? c.charts.figure('survival-network', 'Retention by network family', survivalChart({ ...(s.all ? { 'all viewers': s.all } : {}), ...s.byNetwork }, 'Network')) : c.missing('Survival by network family', 'detail.survival.byNetwork'),
    s?.byPersona && Object.keys(s.byPersona).length > 0 ? c.charts.figure('survival-persona', 'Retention by persona', survivalChart(s.byPersona, 'Persona')) : c.missing('Survival by persona', 'detail.survival.byPersona'),
  ];
  return section('retention', '4 · Retention', intro, parts.join(''));
}
