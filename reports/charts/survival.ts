// Section 4: Kaplan–Meier survival of watch time, one step line per group (network family or persona),
// with the 1, 5 and 30 minute marks the key figures quote.
import type { SurvivalCurve } from '../../engine/result-detail.ts';
import { fmtInt } from '../format.ts';
import { THEME, themed, WIDTH, type Spec } from './theme.ts';

/** a group whose name starts with this is the whole audience: drawn dark and dashed */
export const OVERALL = 'all viewers';
const PALETTE = [...THEME.range.category];

export function survivalChart(curves: Record<string, SurvivalCurve>, groupTitle: string): Spec {
  const values = Object.entries(curves).flatMap(([name, c]) => {
    const group = `${name} (n=${fmtInt(c.n)})`;
    return c.tSec.map((t, i) => ({ group, min: +(t / 60).toFixed(3), s: c.survival[i] ?? null }));
  });
  const maxMin = Math.max(0, ...values.map((v) => v.min));
  // the overall curve first, then the groups in their order
  const groups = [...new Set(values.map((v) => v.group))].sort((a, b) => Number(b.startsWith(OVERALL)) - Number(a.startsWith(OVERALL)));
  const marks = [1, 5, 30].map((m) => ({ m, label: `${m} min` }));
  return themed({
    width: WIDTH - 120,
    height: 220,
    layer: [
      { data: { values: marks }, mark: { type: 'rule', strokeDash: [3, 3], color: '#aaa' }, encoding: { x: { field: 'm', type: 'quantitative', scale: { type: 'sqrt' } } } },
      { data: { values: marks }, mark: { type: 'text', y: 0, dy: -6, dx: 3, align: 'left', fontSize: 10, color: '#777' }, encoding: { x: { field: 'm', type: 'quantitative' }, text: { field: 'label' } } },
      {
        data: { values },
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.8 },
        encoding: {
          x: { field: 'min', type: 'quantitative', title: 'Watch time (min, square-root scale)', scale: { type: 'sqrt' }, axis: { values: [0, 1, 5, 10, 20, 30, 60, 90, 120, 180, 240].filter((v) => v <= maxMin) } },
          y: { field: 's', type: 'quantitative', title: 'Still watching', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
          color: { field: 'group', type: 'nominal', title: groupTitle, scale: { domain: groups, range: groups.map((g, i) => (g.startsWith(OVERALL) ? '#222' : PALETTE[i % PALETTE.length])) } },
          strokeDash: { condition: { test: `indexof(datum.group, '${OVERALL}') === 0`, value: [5, 3] }, value: [1, 0] },
          tooltip: [{ field: 'group', title: groupTitle }, { field: 'min', title: 'watch time (min)', format: '.1f' }, { field: 's', title: 'still watching', format: '.1%' }],
        },
      },
    ],
  } as unknown as Spec);
}
