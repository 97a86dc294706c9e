// Section 5: rebuffer ratio and mean bitrate per network family (from qoe.byNetwork, always recorded).
import type { NetworkStats } from '../../engine/result.ts';
import { COLORS, HALF_WIDTH, themed, type Spec } from './theme.ts';

export function networkQoeChart(byNetwork: Record<string, NetworkStats>): Spec {
  const values = Object.entries(byNetwork).map(([family, s]) => ({ family: `${family} (${s.viewers.toLocaleString('en-US')})`, rebuffer: s.rebufferRatio, bitrate: s.meanBitrateKbps ?? null, startup: s.startupMs.p50 / 1000 }));
  const order = values.map((v) => v.family);
  const y = { field: 'family', type: 'nominal', sort: order, title: null };
  const bar = (field: string, title: string, format: string, color: string, showY: boolean) => ({
    width: HALF_WIDTH - (showY ? 40 : 0),
    height: { step: 22 },
    layer: [
      { mark: { type: 'bar', color }, encoding: { y: showY ? y : { ...y, axis: null }, x: { field, type: 'quantitative', title, axis: { format, tickCount: 3, labelOverlap: 'greedy' } }, tooltip: [{ field: 'family', title: 'network' }, { field, title, format }] } },
      { mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: '#333' }, encoding: { y: showY ? y : { ...y, axis: null }, x: { field, type: 'quantitative' }, text: { field, format } } },
    ],
  });
  const hasBitrate = values.some((v) => v.bitrate !== null);
  return themed({
    data: { values },
    hconcat: [bar('rebuffer', 'Rebuffer ratio', '.1%', COLORS.bad, true), ...(hasBitrate ? [bar('bitrate', 'Mean bitrate (kbps)', ',.0f', COLORS.primary, false)] : []), bar('startup', 'Startup p50 (s)', '.2f', COLORS.secondary, false)],
    spacing: 24,
  } as unknown as Spec);
}
