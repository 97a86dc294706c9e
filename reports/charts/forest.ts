// Comparison: a forest plot of each variant's paired difference to the baseline, as a percentage of the
// baseline mean so that metrics in different units share one axis; hollow marks are not significant.
import type { ComparisonResult } from '../../engine/result-detail.ts';
import { themed, WIDTH, type Spec } from './theme.ts';

export interface ForestRow {
  metric: string;
  variant: string;
  rel: number;
  lo: number;
  hi: number;
  significant: string;
}

export function forestRows(c: ComparisonResult): ForestRow[] {
  const baseMean = new Map(c.metrics.filter((m) => m.variant === c.baseline).map((m) => [m.metric, m.mean]));
  return c.metrics.flatMap((m) => {
    const b = baseMean.get(m.metric);
    if (!m.diff || m.variant === c.baseline || b === undefined || b === 0) return [];
    const k = 1 / Math.abs(b);
    return [{ metric: m.metric, variant: m.variant, rel: m.diff.mean * k, lo: m.diff.ci95[0] * k, hi: m.diff.ci95[1] * k, significant: m.diff.significant ? 'significant' : 'not significant' }];
  });
}

export function forestChart(c: ComparisonResult): Spec {
  const values = forestRows(c);
  const metrics = [...new Set(values.map((v) => v.metric))];
  const variants = c.variants.filter((v) => v !== c.baseline);
  const y = { field: 'metric', type: 'nominal', sort: metrics, title: null, axis: { labelLimit: 220 } };
  const yOffset = { field: 'variant', sort: variants };
  const color = { field: 'variant', type: 'nominal', title: `Variant vs ${c.baseline}`, sort: variants };
  return themed({
    width: WIDTH - 250,
    height: { step: 14, for: 'offset' },
    data: { values },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#555', strokeDash: [3, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, yOffset, x: { field: 'lo', type: 'quantitative', title: 'Difference to baseline (% of baseline mean, 95 % CI)', axis: { format: '+.0%' } }, x2: { field: 'hi' }, color } },
      {
        mark: { type: 'point', size: 60, strokeWidth: 2, filled: false },
        encoding: {
          y,
          yOffset,
          x: { field: 'rel', type: 'quantitative' },
          color,
          fill: { condition: { test: "datum.significant === 'significant'", field: 'variant', type: 'nominal', sort: variants }, value: 'white' },
          tooltip: [{ field: 'metric' }, { field: 'variant' }, { field: 'rel', title: 'difference', format: '+.2%' }, { field: 'lo', title: 'CI low', format: '+.2%' }, { field: 'hi', title: 'CI high', format: '+.2%' }, { field: 'significant' }],
        },
      },
    ],
  } as unknown as Spec);
}
