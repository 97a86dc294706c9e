// Section 8: targeted coupons over the show: issued and redeemed so far (cumulative step lines), so the
// lag between a push and its use, and the share redeemed by the end, read off one chart.
import { binMinutes, COLORS, minuteAxis, themed, WIDTH, type Spec } from './theme.ts';

export function couponsTimeChart(d: { binMs: number; issued: number[]; redeemed: number[]; startTimeOfDay?: string }): Spec {
  const bins = Math.max(d.issued.length, d.redeemed.length);
  const cumulative = (xs: number[]) => {
    let acc = 0;
    return Array.from({ length: bins }, (_, i) => (acc += xs[i] ?? 0));
  };
  const [issued, redeemed] = [cumulative(d.issued), cumulative(d.redeemed)];
  // one point per bin end (t = i + 1), starting from 0 at the show's start
  const values = [
    { t: 0, what: 'issued', n: 0 },
    { t: 0, what: 'redeemed', n: 0 },
    ...issued.flatMap((n, i) => [
      { t: binMinutes(i + 1, d.binMs), what: 'issued', n },
      { t: binMinutes(i + 1, d.binMs), what: 'redeemed', n: redeemed[i]! },
    ]),
  ];
  return themed({
    width: WIDTH,
    height: 130,
    data: { values },
    mark: { type: 'line', interpolate: 'step-before', strokeWidth: 1.8 },
    encoding: {
      x: { field: 't', type: 'quantitative', scale: { domain: [0, binMinutes(bins, d.binMs)], nice: false }, axis: minuteAxis(d.startTimeOfDay) },
      y: { field: 'n', type: 'quantitative', title: 'Coupons so far', axis: { tickMinStep: 1, format: ',d' } },
      color: { field: 'what', type: 'nominal', title: null, scale: { domain: ['issued', 'redeemed'], range: ['#9db7d9', COLORS.good] }, legend: { orient: 'top' } },
      tooltip: [{ field: 't', title: 'minute' }, { field: 'what' }, { field: 'n', title: 'so far', format: ',' }],
    },
  } as unknown as Spec);
}
