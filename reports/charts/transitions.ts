// Section 7: segment transition matrix: moves from a segment (row) to another (column) over the show;
// colour is the share of the row's moves, the cell text the count.
import type { Segments } from '../../engine/result-detail.ts';
import { themed, type Spec } from './theme.ts';

export function transitionMatrixChart(s: Segments): Spec {
  const values = s.names.flatMap((from, i) => {
    const row = s.transitions[i] ?? [];
    const total = row.reduce((a, b) => a + b, 0);
    return s.names.map((to, j) => ({ from, to, n: row[j] ?? 0, share: total > 0 ? (row[j] ?? 0) / total : 0 }));
  });
  const enc = { x: { field: 'to', type: 'nominal', sort: s.names, title: 'To segment', axis: { labelAngle: -30, orient: 'top' } }, y: { field: 'from', type: 'nominal', sort: s.names, title: 'From segment' } };
  return themed({
    width: { step: Math.min(70, Math.floor(420 / Math.max(1, s.names.length))) },
    height: { step: 28 },
    data: { values },
    layer: [
      { mark: { type: 'rect', stroke: 'white' }, encoding: { ...enc, color: { field: 'share', type: 'quantitative', title: 'Share of row', scale: { scheme: 'blues', domain: [0, 1] }, legend: { format: '.0%' } }, tooltip: [{ field: 'from' }, { field: 'to' }, { field: 'n', title: 'moves', format: ',' }, { field: 'share', title: 'share of row', format: '.1%' }] } },
      { mark: { type: 'text', fontSize: 10 }, encoding: { ...enc, text: { field: 'n', format: ',' }, color: { condition: { test: 'datum.share > 0.45', value: 'white' }, value: '#222' } } },
    ],
  } as unknown as Spec);
}
