// Section 8: targeted coupons issued and redeemed, per segment (grouped bars) or, failing that, overall.
import type { Coupons } from '../../engine/result-detail.ts';
import { COLORS, themed, WIDTH, type Spec } from './theme.ts';

export function couponsChart(c: Coupons): Spec {
  const groups = c.bySegment ?? [{ segment: 'all viewers', issued: c.issued, redeemed: c.redeemed }];
  const values = groups.flatMap((g) => [
    { segment: g.segment, what: 'issued', n: g.issued, rate: null as number | null },
    { segment: g.segment, what: 'redeemed', n: g.redeemed, rate: g.issued > 0 ? g.redeemed / g.issued : 0 },
  ]);
  const y = { field: 'segment', type: 'nominal', sort: groups.map((g) => g.segment), title: 'Segment' };
  const yOffset = { field: 'what', sort: ['issued', 'redeemed'] };
  return themed({
    width: WIDTH - 200,
    height: { step: 14 },
    data: { values },
    layer: [
      { mark: { type: 'bar' }, encoding: { y, yOffset, x: { field: 'n', type: 'quantitative', title: 'Coupons', axis: { tickMinStep: 1, format: ',d' } }, color: { field: 'what', type: 'nominal', title: null, scale: { domain: ['issued', 'redeemed'], range: ['#9db7d9', COLORS.good] }, legend: { orient: 'top' } }, tooltip: [{ field: 'segment' }, { field: 'what' }, { field: 'n', format: ',' }, { field: 'rate', title: 'redemption', format: '.1%' }] } },
      { transform: [{ filter: "datum.what === 'redeemed'" }], mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 }, encoding: { y, yOffset, x: { field: 'n', type: 'quantitative' }, text: { field: 'rate', format: '.0%' } } },
    ],
  } as unknown as Spec);
}
