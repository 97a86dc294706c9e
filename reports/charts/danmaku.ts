// Section 8: danmaku: comments per minute over the show, and the kept comments by classified intent.
import { binMinutes, COLORS, HALF_WIDTH, minuteAxis, themed, WIDTH, type Spec } from './theme.ts';

export function commentsChart(d: { binMs: number; comments: number[]; startTimeOfDay?: string }): Spec {
  const values = d.comments.map((v, i) => ({ t: binMinutes(i, d.binMs), v }));
  return themed({
    width: WIDTH,
    height: 110,
    data: { values },
    mark: { type: 'area', interpolate: 'step-after', color: COLORS.secondary, opacity: 0.35, line: { color: COLORS.secondary } },
    encoding: {
      x: { field: 't', type: 'quantitative', scale: { domain: [0, binMinutes(d.comments.length, d.binMs)], nice: false }, axis: minuteAxis(d.startTimeOfDay) },
      y: { field: 'v', type: 'quantitative', title: 'Comments / min' },
      tooltip: [{ field: 't', title: 'minute' }, { field: 'v', title: 'comments', format: ',' }],
    },
  } as unknown as Spec);
}

export function intentsChart(intents: Record<string, number>): Spec {
  const values = Object.entries(intents)
    .map(([intent, n]) => ({ intent, n }))
    .sort((a, b) => b.n - a.n);
  const y = { field: 'intent', type: 'nominal', sort: values.map((v) => v.intent), title: null };
  return themed({
    width: HALF_WIDTH + 120,
    height: { step: 18 },
    data: { values },
    layer: [
      { mark: { type: 'bar', color: COLORS.primary }, encoding: { y, x: { field: 'n', type: 'quantitative', title: 'Kept comments' }, tooltip: [{ field: 'intent' }, { field: 'n', title: 'comments', format: ',' }] } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 }, encoding: { y, x: { field: 'n', type: 'quantitative' }, text: { field: 'n', format: ',' } } },
    ],
  } as unknown as Spec);
}
