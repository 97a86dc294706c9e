// dash.js ThroughputRule: the highest rung the safe throughput estimate affords. For a live (dynamic)
// stream it always answers once it has a sample; before that it keeps the current rung.
import type { AbrRule } from './types.ts';
import { rungForBitrate, safeThroughput } from './throughput.ts';

export const THROUGHPUT_RULE: AbrRule = {
  id: 'throughput',
  title: 'dash.js ThroughputRule: EWMA 3 s / 8 s, safety 0.9',
  choose(p) {
    const tp = safeThroughput(p);
    return tp === tp ? rungForBitrate(p.cfg.ladder, tp) : p.q;
  },
  onSegment() {},
  onStall() {},
  onSeek() {},
};
