// Section 5: distribution of startup delay (time to first frame) as a CDF, overall and per network.
import type { Cdf } from '../../engine/result-detail.ts';
import { THEME, themed, WIDTH, type Spec } from './theme.ts';

const PALETTE = [...THEME.range.category];

export function startupCdfChart(cdfs: { all?: Cdf; byNetwork?: Record<string, Cdf> }): Spec {
  const groups: [string, Cdf][] = [...(cdfs.all ? ([['all viewers', cdfs.all]] as [string, Cdf][]) : []), ...Object.entries(cdfs.byNetwork ?? {})];
  const values = groups.flatMap(([group, c]) => c.ms.map((ms, i) => ({ group, s: ms / 1000, p: c.p[i] ?? null })));
  return themed({
    width: WIDTH - 120,
    height: 200,
    data: { values },
    mark: { type: 'line', strokeWidth: 1.8 },
    encoding: {
      x: { field: 's', type: 'quantitative', title: 'Startup delay, first frame (s, log scale)', scale: { type: 'log' }, axis: { values: [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100], format: '~g', labelOverlap: 'greedy' } },
      y: { field: 'p', type: 'quantitative', title: 'Share of viewers started', axis: { format: '.0%' }, scale: { domain: [0, 1] } },
      color: { field: 'group', type: 'nominal', title: 'Network', sort: groups.map(([g]) => g), scale: { domain: groups.map(([g]) => g), range: cdfs.all ? ['#222', ...PALETTE] : PALETTE } },
      strokeDash: { condition: { test: "datum.group === 'all viewers'", value: [5, 3] }, value: [1, 0] },
      tooltip: [{ field: 'group', title: 'network' }, { field: 's', title: 'startup (s)', format: '.2f' }, { field: 'p', title: 'share started', format: '.0%' }],
    },
  } as unknown as Spec);
}
