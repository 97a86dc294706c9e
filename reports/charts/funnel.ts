// Section 6: the funnel as totals (always recorded) and per minute (log-like scale: stages differ by
// orders of magnitude).
import type { RunResult } from '../../engine/result.ts';
import { bandsLayer, type Annotations } from './annotations.ts';
import { binMinutes, COLORS, minuteAxis, themed, WIDTH, type Spec } from './theme.ts';

export const FUNNEL_STAGES = [
  ['entered', 'Entered'],
  ['productViewed', 'Viewed a product'],
  ['addedToCart', 'Added to cart'],
  ['checkedOut', 'Checked out'],
  ['paid', 'Paid'],
] as const;

/** 0, 1, 2, 5, 10, 20, 50 … up to max: readable ticks on a symlog axis */
export function logTicks(max: number): number[] {
  const ticks = [0];
  for (let p = 1; p <= Math.max(1, max) * 1.0001; p *= 10) for (const k of [1, 2, 5]) if (k * p <= Math.max(1, max) * 1.2) ticks.push(k * p);
  return ticks;
}

export function funnelTotalsChart(f: RunResult['funnel']): Spec {
  const values = FUNNEL_STAGES.map(([k, label]) => ({ stage: label, n: f[k], share: f.entered > 0 ? f[k] / f.entered : 0 }));
  const y = { field: 'stage', type: 'nominal', sort: null, title: null };
  return themed({
    width: WIDTH - 140,
    height: { step: 24 },
    data: { values },
    transform: [{ calculate: "format(datum.n, ',') + '  (' + format(datum.share, '.1%') + ')'", as: 'label' }],
    layer: [
      { mark: { type: 'bar', color: COLORS.primary }, encoding: { y, x: { field: 'n', type: 'quantitative', title: 'Viewers (share of entered)' }, tooltip: [{ field: 'stage' }, { field: 'n', format: ',' }, { field: 'share', format: '.2%' }] } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#222' }, encoding: { y, x: { field: 'n', type: 'quantitative' }, text: { field: 'label' } } },
    ],
  } as unknown as Spec);
}

export function funnelSeriesChart(d: { binMs: number; funnel: Record<(typeof FUNNEL_STAGES)[number][0], number[]>; startTimeOfDay?: string } & Annotations): Spec {
  const values = FUNNEL_STAGES.flatMap(([k, label]) => d.funnel[k].map((v, i) => ({ t: binMinutes(i, d.binMs), stage: label, v })));
  const bands = bandsLayer({ anomalies: d.anomalies });
  return themed({
    width: WIDTH - 60,
    height: 200,
    layer: [
      ...(bands ? [bands] : []),
      {
        data: { values },
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.4 },
        encoding: {
          x: { field: 't', type: 'quantitative', scale: { domain: [0, binMinutes(d.funnel.entered.length, d.binMs)], nice: false }, axis: minuteAxis(d.startTimeOfDay) },
          y: { field: 'v', type: 'quantitative', title: 'Viewers per minute (log-like scale)', scale: { type: 'symlog' }, axis: { values: logTicks(Math.max(0, ...values.map((v) => v.v))) } },
          color: { field: 'stage', type: 'nominal', title: 'Stage', sort: FUNNEL_STAGES.map(([, l]) => l) },
          tooltip: [{ field: 't', title: 'minute' }, { field: 'stage' }, { field: 'v', format: ',' }],
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  } as unknown as Spec);
}

/** cumulative conversion (paid / entered so far) as a line over per-minute GMV bars */
export function conversionChart(d: { binMs: number; entered: number[]; paid: number[]; gmv: number[]; startTimeOfDay?: string }): Spec {
  let e = 0;
  let p = 0;
  const values = d.entered.map((x, i) => {
    e += x;
    p += d.paid[i] ?? 0;
    return { t: binMinutes(i, d.binMs), conv: e > 0 ? p / e : 0, gmv: d.gmv[i] ?? 0 };
  });
  const x = { field: 't', type: 'quantitative', scale: { domain: [0, binMinutes(d.entered.length, d.binMs)], nice: false }, axis: minuteAxis(d.startTimeOfDay) };
  return themed({
    width: WIDTH,
    height: 170,
    data: { values },
    layer: [
      { mark: { type: 'bar', color: '#c9d8ec' }, encoding: { x, y: { field: 'gmv', type: 'quantitative', title: 'GMV per minute (¥, bars)', axis: { format: ',.0f', titleColor: '#7f9cc4' } }, tooltip: [{ field: 't', title: 'minute' }, { field: 'gmv', title: 'GMV (¥)', format: ',.0f' }] } },
      { mark: { type: 'line', color: COLORS.secondary, strokeWidth: 2 }, encoding: { x, y: { field: 'conv', type: 'quantitative', title: 'Conversion so far (line)', axis: { format: '.1%', titleColor: COLORS.secondary } }, tooltip: [{ field: 't', title: 'minute' }, { field: 'conv', title: 'conversion so far', format: '.2%' }] } },
    ],
    resolve: { scale: { y: 'independent' } },
  } as unknown as Spec);
}
