// Section 8: SKU heat over time (top SKUs), the ranking that tells the host where to spend time.
import type { SkuHeat } from '../../engine/result-detail.ts';
import { binMinutes, minuteAxis, themed, WIDTH, type Spec } from './theme.ts';

const MAX_CELLS = 900;

export function skuHeatChart(d: { heat: SkuHeat; binMs: number; startTimeOfDay?: string }): Spec {
  const totals = d.heat.skus.map((s, i) => ({ name: s.name, total: (d.heat.heat[i] ?? []).reduce((a, b) => a + b, 0) }));
  const order = [...totals].sort((a, b) => b.total - a.total).map((t) => t.name);
  const rawBins = Math.max(0, ...d.heat.heat.map((h) => h.length));
  // at most ~MAX_CELLS rects (each is an SVG element): neighbouring bins are averaged when there are more
  const k = Math.max(1, Math.ceil((d.heat.skus.length * rawBins) / MAX_CELLS));
  const binMs = (d.heat.binMs ?? d.binMs) * k;
  const bins = Math.ceil(rawBins / k);
  const coarse = (row: number[]) => Array.from({ length: Math.ceil(row.length / k) }, (_, b) => {
    const part = row.slice(b * k, b * k + k);
    return part.reduce((a, x) => a + x, 0) / part.length;
  });
  const values = d.heat.skus.flatMap((s, i) => coarse(d.heat.heat[i] ?? []).map((v, b) => ({ sku: s.name, t: binMinutes(b, binMs), t2: binMinutes(b + 1, binMs), v })));
  return themed({
    width: WIDTH - 180,
    height: { step: 16 },
    data: { values },
    mark: { type: 'rect' },
    encoding: {
      x: { field: 't', type: 'quantitative', scale: { domain: [0, binMinutes(bins, binMs)], nice: false }, axis: minuteAxis(d.startTimeOfDay) },
      x2: { field: 't2' },
      y: { field: 'sku', type: 'nominal', sort: order, title: null, axis: { labelLimit: 200 } },
      // square-root colour: a flash sale's peak would otherwise wash every other SKU out to the floor colour
      color: { field: 'v', type: 'quantitative', title: 'Heat', scale: { scheme: 'orangered', type: 'sqrt', zero: true } },
      tooltip: [{ field: 'sku', title: 'SKU' }, { field: 't', title: 'from minute' }, { field: 'v', title: 'heat', format: '.2f' }],
    },
  } as unknown as Spec);
}
