// Section 3: audience over time, with the show timeline and the injected anomalies.
import { audienceChart } from '../../charts/index.ts';
import { section } from '../blocks.ts';
import type { SectionContext } from './context.ts';

export function audienceSection(c: SectionContext): string {
  const parts: string[] = [];
  if (c.core) {
    parts.push(
      c.charts.figure(
        'audience',
        'Concurrent viewers, arrivals and departures',
        audienceChart({ ...c.core, timeline: c.ext.timeline, anomalies: c.ext.anomalies, startTimeOfDay: c.startTimeOfDay }),
        `${c.core.binMs === 60_000 ? 'Per minute' : `Per ${c.core.binMs / 1000} s bin`}.${c.ext.timeline || c.ext.anomalies ? ` Shaded: flash sales (amber)${c.ext.timeline?.some((t) => t.kind === 'network') ? ', network events (grey)' : ''} and injected anomalies (red); the strip above shows the show timeline.` : ''}`,
      ),
    );
    if (!c.ext.timeline) parts.push(c.missing('Show timeline annotations (segments, pitches, flash sales)', 'detail.timeline'));
  } else parts.push(c.missing('Audience over time', 'detail.concurrent / arrivals / departures'));
  return section('audience', '3 · Audience over time', '', parts.join(''));
}
