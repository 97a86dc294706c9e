// Section 8: spending-propensity buckets against AOV and conversion: a useful index orders both.
import type { PropensityBucket } from '../../engine/result-detail.ts';
import { COLORS, HALF_WIDTH, themed, type Spec } from './theme.ts';

export function propensityChart(buckets: PropensityBucket[]): Spec {
  const values = buckets.map((b) => ({ bucket: b.label, aov: b.aov, conv: b.viewers > 0 ? b.buyers / b.viewers : 0, viewers: b.viewers, orders: b.orders }));
  const x = { field: 'bucket', type: 'ordinal', sort: values.map((v) => v.bucket), title: 'Propensity bucket (low → high)', axis: { labelAngle: 0 } };
  const panel = (field: string, title: string, format: string, color: string) => ({
    width: HALF_WIDTH,
    height: 150,
    layer: [
      { mark: { type: 'bar', color }, encoding: { x, y: { field, type: 'quantitative', title, axis: { format } }, tooltip: [{ field: 'bucket' }, { field: 'viewers', format: ',' }, { field: 'orders', format: ',' }, { field, title, format }] } },
      { mark: { type: 'text', dy: -6, fontSize: 10 }, encoding: { x, y: { field, type: 'quantitative' }, text: { field, format } } },
    ],
  });
  return themed({ data: { values }, hconcat: [panel('aov', 'AOV (¥)', ',.0f', COLORS.primary), panel('conv', 'Buyers / viewers', '.1%', COLORS.good)], spacing: 30 } as unknown as Spec);
}
