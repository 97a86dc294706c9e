// Section 7: interest drift: segment sizes over time and the segment transition matrix.
import { segmentSizesChart, transitionMatrixChart } from '../../charts/index.ts';
import { fmtInt } from '../../format.ts';
import { section } from '../blocks.ts';
import type { SectionContext } from './context.ts';

export function driftSection(c: SectionContext): string {
  const seg = c.ext.segments;
  const intro = `${fmtInt(c.result.marketing.segmentMoves)} segment moves reached targeting${c.result.marketing.targetingLatencyMs ? ` (latency p50 ${fmtInt(c.result.marketing.targetingLatencyMs.p50)} ms, p99 ${fmtInt(c.result.marketing.targetingLatencyMs.p99)} ms, virtual time)` : ''}.`;
  if (!seg || seg.names.length === 0) return section('drift', '7 · Interest drift', intro, c.missing('Segment sizes and transitions', 'detail.segments'));
  const parts = [
    c.core || seg.sizes.length > 0 ? c.charts.figure('segments', 'Interest segments over the show', segmentSizesChart({ segments: seg, binMs: c.core?.binMs ?? 60_000, startTimeOfDay: c.startTimeOfDay }), 'Viewers in the room at each minute’s end by the segment the engine gives them (their strongest interest category); viewers whose interest has not yet reached the segment threshold have none and are not counted.') : '',
    c.charts.figure('transitions', 'Segment transitions', transitionMatrixChart(seg), 'Rows: the segment a viewer left; columns: the one they joined. Colour: share of the row.'),
  ];
  return section('drift', '7 · Interest drift', intro, parts.join(''));
}
