// dash.js's default ABR strategy "abrDynamic" (AbrController._updateDynamicAbrStrategy): BOLA once the
// buffer reaches bufferTimeDefault (= min(18 s, live delay)), the throughput rule again below half of it.
// BOLA keeps its segment bookkeeping current either way (its event handlers run regardless in dash.js).
import { BOLA_RULE } from './bola.ts';
import { THROUGHPUT_RULE } from './throughput-rule.ts';
import type { AbrRule } from './types.ts';

export const DYNAMIC_RULE: AbrRule = {
  id: 'dynamic',
  title: 'dash.js default: throughput below half the buffer target, BOLA above it',
  choose(p, t, levelMs) {
    const on = p.cfg.bufferTimeDefaultMs;
    p.useBola = levelMs >= (p.useBola === 1 ? 0.5 * on : on) ? 1 : 0;
    return (p.useBola === 1 ? BOLA_RULE : THROUGHPUT_RULE).choose(p, t, levelMs);
  },
  onSegment: BOLA_RULE.onSegment,
  onStall: BOLA_RULE.onStall,
  onSeek: BOLA_RULE.onSeek,
};
