// sweep.html from a sweep built by the real buildSweep over synthetic runs: the best setting per
// objective, the grid, a chart per objective that compiles without a Vega-Lite warning (one numeric
// parameter, two parameters, a text parameter), and a page that fetches nothing.
import { describe, expect, it } from 'vitest';
import { buildSweep, grid } from '../../runner/experiments/sweep.ts';
import type { RunSummary, SweepParam, SweepResult } from '../../runner/experiments/types.ts';
import { loadReportAssets } from '../assets.ts';
import { toVega } from '../charts/compile.ts';
import { renderSweep, sweepChart, sweepPoints } from './index.ts';

/** settings × 3 replications; gmv peaks at the middle countdown, aov falls with it */
function sweepOf(params: SweepParam[]): SweepResult {
  const settings = grid(params);
  const runs: RunSummary[][] = settings.map((o, s) =>
    [0, 1, 2].map((rep) => {
      const c = Number(o[params[0]!.path] ?? 0);
      const bump = typeof o['strategy.preset'] === 'string' && o['strategy.preset'] === 'full' ? 500 : 0;
      return { label: `s${s}`, rep, seed: 7 + rep, digest: `d${s}${rep}`, metrics: { 'commerce.gmv': 10_000 - (c - 60) ** 2 + bump + rep * 10, 'commerce.aov': 300 - c / 2 + rep, 'commerce.conversionRate': 0.05 + rep * 0.001 } };
    }),
  );
  return buildSweep(
    {
      scenario: { name: 'food<&>', hash: 'abc', file: 'scenarios/food-evening-countdown.yaml', description: 'a <b>test</b>' },
      params,
      settings,
      replications: 3,
      seed: 7,
      viewers: 500,
      durationMinutes: 30,
      objectives: [
        { metric: 'commerce.gmv', direction: 'max' },
        { metric: 'commerce.aov', direction: 'min' },
      ],
    },
    runs,
    { wallMs: 1, workers: 1, computed: 9, resumed: 0 },
  );
}

const ONE: SweepParam[] = [{ path: 'strategy.promoTiming.countdownSeconds.peak', values: [30, 60, 90] }];
const TWO: SweepParam[] = [...ONE, { path: 'strategy.preset', values: ['baseline', 'full'] }];

describe('renderSweep', () => {
  const s = sweepOf(ONE);
  const html = renderSweep(s, loadReportAssets());

  it('names the best setting per objective, with the runner-up difference', () => {
    expect(s.best.map((b) => [b.objective, b.label])).toEqual([['commerce.gmv', 's1'], ['commerce.aov', 's2']]);
    expect(html).toContain('<tr data-objective="commerce.gmv" data-best="s1">');
    expect(html).toContain('<tr data-objective="commerce.aov" data-best="s2">');
    expect(html).toMatch(/best − runner-up \+¥900\.00 \[\+¥900\.00, \+¥900\.00\], <strong class="sig">significant ✱<\/strong>/);
  });

  it('has the grid: a row per setting, the parameter, the objectives and the best marked', () => {
    const rows = [...html.matchAll(/<tr data-setting="(s\d)"><td>s\d<\/td><td><code>(\d+)<\/code><\/td>/g)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual([['s0', '30'], ['s1', '60'], ['s2', '90']]);
    const grid = html.slice(html.indexOf('id="sweep-grid"'));
    const body = grid.slice(grid.indexOf('<tbody>'), grid.indexOf('</tbody>'));
    expect(body.match(/★/g)).toHaveLength(2);
    expect(body).toContain('<tr data-setting="s1"><td>s1</td><td><code>60</code></td><td class="num"><span data-metric="commerce.gmv" data-value="10010">¥10,010</span> <span class="sig" title="best for this objective">★</span>');
    expect(grid).toContain('commerce.gmv (objective)');
    expect(grid).toContain('commerce.conversionRate</th>');
  });

  it('is self-contained and escapes what it shows', () => {
    expect(html).not.toMatch(/\b(?:src|href)="https?:/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('food&lt;&amp;&gt;: sweep');
    expect(html).not.toContain('<b>test</b>');
    expect(html).toContain('--param strategy.promoTiming.countdownSeconds.peak=30,60,90');
    expect(html.match(/data-chart="sweep-commerce-/g)).toHaveLength(2);
    expect(html).not.toContain('data-error');
  });
});

describe('sweepChart', () => {
  it('one numeric parameter: a point per setting on a quantitative axis, compiled without warnings', () => {
    const s = sweepOf(ONE);
    expect(sweepPoints(s, 'commerce.gmv').map((p) => [p.x, p.group, p.best])).toEqual([[30, 'all', ''], [60, 'all', 'best'], [90, 'all', '']]);
    expect(() => toVega('one', sweepChart(s, 'commerce.gmv', 'GMV'), { strict: true })).not.toThrow();
  });

  it('two parameters: x is the first, one line per value of the second', () => {
    const s = sweepOf(TWO);
    const pts = sweepPoints(s, 'commerce.gmv');
    expect(pts).toHaveLength(6);
    expect(new Set(pts.map((p) => p.group))).toEqual(new Set(['strategy.preset=baseline', 'strategy.preset=full']));
    expect(pts.filter((p) => p.best === 'best').map((p) => p.setting)).toEqual(['s3']);
    expect(() => toVega('two', sweepChart(s, 'commerce.gmv', 'GMV'), { strict: true })).not.toThrow();
  });

  it('a text parameter first: an ordinal axis in grid order', () => {
    const s = sweepOf([TWO[1]!, ONE[0]!]);
    const spec = sweepChart(s, 'commerce.aov', 'AOV') as unknown as { layer: { encoding: { x: { type: string; sort?: string[] } } }[] };
    expect(spec.layer[0]!.encoding.x).toMatchObject({ type: 'ordinal', sort: ['baseline', 'full'] });
    expect(() => toVega('text', sweepChart(s, 'commerce.aov', 'AOV'), { strict: true })).not.toThrow();
  });
});
