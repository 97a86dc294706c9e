// Section 3: concurrent viewers, arrivals and departures per minute, under the show timeline strip.
import { bandsLayer, hasAnnotations, timelineStrip, type Annotations } from './annotations.ts';
import { binMinutes, COLORS, minuteAxis, themed, WIDTH, type Spec } from './theme.ts';

export interface AudienceData extends Annotations {
  binMs: number;
  concurrent: number[];
  arrivals: number[];
  departures: number[];
  startTimeOfDay?: string;
}

export function audienceChart(d: AudienceData): Spec {
  const minutes = binMinutes(d.concurrent.length, d.binMs);
  const domain: [number, number] = [0, minutes];
  const x = { field: 't', type: 'quantitative', scale: { domain, nice: false }, axis: minuteAxis(d.startTimeOfDay) };
  const conc = d.concurrent.map((v, i) => ({ t: binMinutes(i, d.binMs), v }));
  const flows = d.arrivals.flatMap((v, i) => [
    { t: binMinutes(i, d.binMs), series: 'arrivals', v },
    { t: binMinutes(i, d.binMs), series: 'departures', v: d.departures[i] ?? 0 },
  ]);
  const bands = bandsLayer(d);
  const concurrent = {
    width: WIDTH,
    height: 170,
    layer: [
      ...(bands ? [bands] : []),
      { data: { values: conc }, mark: { type: 'area', line: { color: COLORS.primary }, color: COLORS.primary, opacity: 0.25, interpolate: 'step-after' }, encoding: { x: { ...x, axis: { ...x.axis, title: null } }, y: { field: 'v', type: 'quantitative', title: 'Concurrent viewers' }, tooltip: [{ field: 't', title: 'minute' }, { field: 'v', title: 'concurrent', format: ',' }] } },
    ],
  };
  const flowChart = {
    width: WIDTH,
    height: 110,
    data: { values: flows },
    mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5 },
    encoding: { x, y: { field: 'v', type: 'quantitative', title: 'Viewers / min' }, color: { field: 'series', type: 'nominal', title: null, scale: { domain: ['arrivals', 'departures'], range: [COLORS.good, COLORS.bad] }, legend: { orient: 'top' } }, tooltip: [{ field: 't', title: 'minute' }, { field: 'series' }, { field: 'v', format: ',' }] },
  };
  const rows = [...(hasAnnotations(d) ? [timelineStrip(d, domain, d.startTimeOfDay)] : []), concurrent, flowChart];
  return themed({ vconcat: rows, spacing: 6, resolve: { scale: { x: 'shared', color: 'independent' } } } as unknown as Spec);
}
