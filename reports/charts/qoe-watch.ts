// Section 5: QoE against watch time: viewers who left early saw more stalls and lower bitrate.
import type { QoeWatchBucket } from '../../engine/result-detail.ts';
import { COLORS, HALF_WIDTH, themed, type Spec } from './theme.ts';

export function qoeWatchChart(buckets: QoeWatchBucket[]): Spec {
  const values = buckets.map((b) => ({ bucket: b.label, viewers: b.viewers, rebuffer: b.rebufferRatio, bitrate: b.meanBitrateKbps ?? null }));
  const x = { field: 'bucket', type: 'ordinal', sort: values.map((v) => v.bucket), title: 'Watch time', axis: { labelAngle: -30 } };
  const panel = (field: string, title: string, format: string, color: string) => ({
    width: HALF_WIDTH,
    height: 150,
    mark: { type: 'bar', color },
    encoding: { x, y: { field, type: 'quantitative', title, axis: { format } }, tooltip: [{ field: 'bucket', title: 'watch time' }, { field: 'viewers', format: ',' }, { field, title, format }] },
  });
  const hasBitrate = values.some((v) => v.bitrate !== null);
  return themed({ data: { values }, hconcat: [panel('rebuffer', 'Rebuffer ratio', '.1%', COLORS.bad), ...(hasBitrate ? [panel('bitrate', 'Mean bitrate (kbps)', ',.0f', COLORS.primary)] : [])], spacing: 30 } as unknown as Spec);
}
