// Sweep: an objective's mean (with its 95 % CI as an error bar) against the swept parameter. With one
// parameter, x is its value; with more, x is the first parameter and each combination of the others
// is a line of its own colour. Numeric values go on a quantitative axis, anything else in grid order.
// The best setting for the objective is drawn as a larger filled point.
import type { SweepResult } from '../../runner/experiments/types.ts';
import { themed, WIDTH, type Spec } from '../charts/theme.ts';

export const paramText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

export interface SweepPoint {
  setting: string;
  x: number | string;
  group: string;
  mean: number;
  lo: number;
  hi: number;
  best: string;
}

/** one point per setting that reported the metric, in grid order */
export function sweepPoints(s: SweepResult, metric: string): SweepPoint[] {
  const [first, ...rest] = s.params;
  if (!first) return [];
  const numeric = first.values.every((v) => typeof v === 'number');
  const best = s.best.find((b) => b.objective === metric)?.label;
  return s.settings.flatMap((st) => {
    const e = st.metrics[metric];
    if (!e) return [];
    const v = st.overrides[first.path];
    const group = rest.length === 0 ? 'all' : rest.map((p) => `${p.path}=${paramText(st.overrides[p.path])}`).join(' ');
    return [{ setting: st.label, x: numeric ? (v as number) : paramText(v), group, mean: e.mean, lo: e.ci95[0], hi: e.ci95[1], best: st.label === best ? 'best' : '' }];
  });
}

export function sweepChart(s: SweepResult, metric: string, metricTitle: string): Spec {
  const first = s.params[0]!;
  const values = sweepPoints(s, metric);
  const numeric = first.values.every((v) => typeof v === 'number');
  const groups = [...new Set(values.map((v) => v.group))];
  const x = numeric
    ? { field: 'x', type: 'quantitative', title: first.path, scale: { zero: false, padding: 12 } }
    : { field: 'x', type: 'ordinal', title: first.path, sort: first.values.map(paramText) };
  const color = groups.length > 1 ? { field: 'group', type: 'nominal', title: s.params.slice(1).map((p) => p.path).join(' · '), sort: groups } : { value: '#2f6db5' };
  const y = { field: 'mean', type: 'quantitative', title: `${metricTitle} (mean, 95 % CI)`, scale: { zero: false } };
  const tooltip = [{ field: 'setting' }, { field: 'x', title: first.path }, ...(groups.length > 1 ? [{ field: 'group', title: 'other parameters' }] : []), { field: 'mean', format: ',.4~g' }, { field: 'lo', title: 'CI low', format: ',.4~g' }, { field: 'hi', title: 'CI high', format: ',.4~g' }];
  return themed({
    width: WIDTH - (groups.length > 1 ? 200 : 80),
    height: 220,
    data: { values },
    layer: [
      { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x, y: { field: 'lo', type: 'quantitative', title: y.title, scale: { zero: false } }, y2: { field: 'hi' }, color } },
      { mark: { type: 'line', strokeWidth: 1.5, opacity: 0.7 }, encoding: { x, y, color, detail: { field: 'group' } } },
      {
        mark: { type: 'point', filled: true },
        encoding: {
          x,
          y,
          color,
          size: { condition: { test: "datum.best === 'best'", value: 160 }, value: 40 },
          shape: { condition: { test: "datum.best === 'best'", value: 'diamond' }, value: 'circle' },
          tooltip,
        },
      },
    ],
  } as unknown as Spec);
}
