// Section 5: latency to live over the show (p50 and, when recorded, p95 per bin).
import { bandsLayer, type Annotations } from './annotations.ts';
import { binMinutes, minuteAxis, themed, WIDTH, type Spec } from './theme.ts';

export function latencyChart(d: { binMs: number; p50: number[]; p95?: number[]; startTimeOfDay?: string } & Annotations): Spec {
  // a bin where nobody was playing has no latency (0 in the series): left out rather than drawn as 0 s
  const values = d.p50.flatMap((v, i) => (v > 0 ? [{ t: binMinutes(i, d.binMs), series: 'p50', s: v / 1000 }, ...(d.p95 ? [{ t: binMinutes(i, d.binMs), series: 'p95', s: (d.p95[i] ?? 0) / 1000 }] : [])] : []));
  // network events and anomalies explain latency; flash sales do not
  const bands = bandsLayer({ anomalies: d.anomalies, timeline: d.timeline?.filter((t) => t.kind === 'network') });
  return themed({
    width: WIDTH,
    height: 160,
    layer: [
      ...(bands ? [bands] : []),
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 1.6 },
        encoding: {
          x: { field: 't', type: 'quantitative', scale: { domain: [0, binMinutes(d.p50.length, d.binMs)], nice: false }, axis: minuteAxis(d.startTimeOfDay) },
          y: { field: 's', type: 'quantitative', title: 'Latency to live (s)', scale: { zero: true } },
          color: { field: 'series', type: 'nominal', title: 'Percentile', scale: { domain: ['p50', 'p95'], range: ['#2f6db5', '#9db7d9'] } },
          tooltip: [{ field: 't', title: 'minute' }, { field: 'series' }, { field: 's', title: 'latency (s)', format: '.2f' }],
        },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  } as unknown as Spec);
}
