// Section 2: the key figures. Each carries its dotted path and the raw value (data-key, data-value) so a
// test can check the page against result.json, and shows the value formatted for a reader.
import type { RunResult } from '../../engine/result.ts';
import { escapeHtml } from '../escape.ts';
import { fmtDuration, fmtInt, fmtPct, fmtYuan } from '../format.ts';

export interface KeyFigure {
  key: string;
  label: string;
  value: number;
  text: string;
  sub?: string;
}

export function keyFigures(r: RunResult): KeyFigure[] {
  const v = r.viewers;
  const c = r.commerce;
  return [
    { key: 'viewers.arrived', label: 'Viewers', value: v.arrived, text: fmtInt(v.arrived), sub: `${fmtInt(v.abandonedStartup)} left before the first frame` },
    { key: 'viewers.peakConcurrent', label: 'Peak concurrency', value: v.peakConcurrent, text: fmtInt(v.peakConcurrent) },
    { key: 'viewers.meanWatchSeconds', label: 'Mean watch time', value: v.meanWatchSeconds, text: fmtDuration(v.meanWatchSeconds) },
    { key: 'viewers.retention.60', label: 'Retention at 1 min', value: v.retention['60'], text: fmtPct(v.retention['60']) },
    { key: 'viewers.retention.300', label: 'Retention at 5 min', value: v.retention['300'], text: fmtPct(v.retention['300']) },
    { key: 'viewers.retention.1800', label: 'Retention at 30 min', value: v.retention['1800'], text: fmtPct(v.retention['1800']) },
    { key: 'commerce.gmv', label: 'GMV', value: c.gmv, text: fmtYuan(c.gmv, 0) },
    { key: 'commerce.orders', label: 'Orders', value: c.orders, text: fmtInt(c.orders) },
    { key: 'commerce.conversionRate', label: 'Conversion', value: c.conversionRate, text: fmtPct(c.conversionRate, 2), sub: 'paying viewers / viewers' },
    { key: 'commerce.aov', label: 'AOV', value: c.aov, text: fmtYuan(c.aov), sub: 'average order value' },
    { key: 'commerce.returnRate', label: 'Returns', value: c.returnRate, text: fmtPct(c.returnRate), sub: 'of orders' },
    { key: 'commerce.crossSellRate', label: 'Cross-sell', value: c.crossSellRate, text: fmtPct(c.crossSellRate), sub: 'orders with ≥ 2 SKUs' },
  ];
}

export function keyFiguresHtml(r: RunResult): string {
  const cards = keyFigures(r).map(
    (f) => `<div class="figure" data-key="${escapeHtml(f.key)}" data-value="${escapeHtml(JSON.stringify(f.value))}"><div class="label">${escapeHtml(f.label)}</div><div class="value">${escapeHtml(f.text)}</div>${f.sub ? `<div class="sub">${escapeHtml(f.sub)}</div>` : ''}</div>`,
  );
  return `<section id="key-figures"><h2>Key figures</h2><div class="figures">${cards.join('')}</div></section>`;
}
