// Comparison: one curve (retention, concurrency, …) overlaid per variant.
import type { ComparisonCurve } from '../../engine/result-detail.ts';
import { themed, WIDTH, type Spec } from './theme.ts';

export function overlayChart(curve: ComparisonCurve, variants: string[], baseline: string): Spec {
  const values = Object.entries(curve.byVariant).flatMap(([variant, c]) => c.x.map((x, i) => ({ variant, x, y: c.y[i] ?? null })));
  const isShare = values.every((v) => v.y === null || (v.y >= 0 && v.y <= 1));
  return themed({
    width: WIDTH - 120,
    height: 180,
    data: { values },
    mark: { type: 'line', strokeWidth: 1.8, interpolate: curve.name === 'survival' ? 'step-after' : 'linear' },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: curve.xLabel },
      y: { field: 'y', type: 'quantitative', title: curve.yLabel, axis: { format: isShare ? '.0%' : ',.0f' } },
      color: { field: 'variant', type: 'nominal', title: 'Variant', sort: variants },
      strokeDash: { condition: { test: `datum.variant === ${JSON.stringify(baseline)}`, value: [4, 3] }, value: [1, 0] },
      tooltip: [{ field: 'variant' }, { field: 'x', title: curve.xLabel }, { field: 'y', title: curve.yLabel, format: isShare ? '.1%' : ',.0f' }],
    },
  } as unknown as Spec);
}
