// Section 7: interest drift: viewers per interest segment over the show (stacked areas).
import type { Segments } from '../../engine/result-detail.ts';
import { binMinutes, minuteAxis, themed, WIDTH, type Spec } from './theme.ts';

export function segmentSizesChart(d: { segments: Segments; binMs: number; startTimeOfDay?: string }): Spec {
  const { names, sizes } = d.segments;
  const bins = Math.max(0, ...sizes.map((s) => s.length));
  const values = names.flatMap((segment, s) => (sizes[s] ?? []).map((v, i) => ({ t: binMinutes(i, d.binMs), segment, v })));
  return themed({
    width: WIDTH - 120,
    height: 200,
    data: { values },
    mark: { type: 'area', interpolate: 'step-after', opacity: 0.85 },
    encoding: {
      x: { field: 't', type: 'quantitative', scale: { domain: [0, binMinutes(bins, d.binMs)], nice: false }, axis: minuteAxis(d.startTimeOfDay) },
      y: { field: 'v', type: 'quantitative', stack: 'zero', title: 'Viewers in segment' },
      color: { field: 'segment', type: 'nominal', title: 'Interest segment', sort: names },
      order: { field: 'segment', sort: 'ascending' },
      tooltip: [{ field: 't', title: 'minute' }, { field: 'segment' }, { field: 'v', title: 'viewers', format: ',' }],
    },
  } as unknown as Spec);
}
