// Section 8: host prompts on the timeline: when each reached the host, its latency, its intent and how
// many comments formed it.
import type { Prompt } from '../../engine/result-detail.ts';
import { minuteAxis, themed, WIDTH, type Spec } from './theme.ts';

/** three round sizes for the legend: small, middle, large */
function sizeLegend(xs: number[]): number[] {
  const max = Math.max(1, ...xs);
  const step = 10 ** Math.floor(Math.log10(max));
  const top = Math.floor(max / step) * step;
  return [...new Set([Math.max(1, Math.round(top / 10)), Math.round(top / 2), top])];
}

export function promptsChart(d: { prompts: Prompt[]; minutes: number; startTimeOfDay?: string }): Spec {
  const values = d.prompts.map((p) => ({ t: p.atMs / 60_000, latency: p.latencyMs, intent: p.intent, comments: p.comments ?? 1, text: p.text }));
  return themed({
    width: WIDTH - 110,
    height: 160,
    data: { values },
    mark: { type: 'circle', opacity: 0.75 },
    encoding: {
      x: { field: 't', type: 'quantitative', scale: { domain: [0, d.minutes], nice: false }, axis: minuteAxis(d.startTimeOfDay) },
      y: { field: 'latency', type: 'quantitative', title: 'Comment → host latency (ms)', scale: { zero: true } },
      color: { field: 'intent', type: 'nominal', title: 'Intent' },
      size: { field: 'comments', type: 'quantitative', title: 'Comments', scale: { range: [20, 260] }, legend: { values: sizeLegend(values.map((v) => v.comments)), format: 'd' } },
      tooltip: [{ field: 't', title: 'minute', format: '.1f' }, { field: 'intent' }, { field: 'latency', title: 'latency (ms)' }, { field: 'comments' }, { field: 'text', title: 'prompt' }],
    },
  } as unknown as Spec);
}
