// The epoch-boundary step: everything the engine decided during the epoch is sent now (the epoch end,
// `now`) and leaves the stack at `leavesAt` (now plus the stack's turnaround, scenario
// show.replyDelayMs), which is where a targeted push's latency is measured to. Host prompts first, then targeted
// pushes in the order the segment moves happened, then heat pairing cards; then the funnel seconds that ended are closed and
// checked for anomalies. Work is proportional to what happened, never to the audience.
import type { MarketingOutbound } from './types.ts';
import type { MarketingState } from './state.ts';
import { pickSku, targetedPush } from './segments/targeting.ts';

export function tick(s: MarketingState, now: number, leavesAt = now): MarketingOutbound[] {
  if (now > s.now) s.now = now;
  const out: MarketingOutbound[] = [];
  if (s.prompter !== null) {
    for (const msg of s.prompter.tick(now, () => s.ids.nextLabel('prompt', 'mkt-prompt'))) out.push({ to: 'host', msg });
  }
  if (s.segments !== null) {
    const moves = s.segments.drain();
    const tg = s.targeting;
    if (tg !== null) {
      const p = s.config.targeting;
      for (const m of moves) {
        if (!s.present.a[m.slot] || now - tg.lastAt.a[m.slot]! < p.minGapMs) {
          tg.suppressed++;
          continue;
        }
        const bucket = s.audience?.bucket.a[m.slot] ?? -1;
        const heat = s.heat;
        const i = pickSku(s.catalog, m.to, bucket, heat === null ? undefined : (k) => heat.score(k, now));
        if (i < 0) continue;
        tg.lastAt.a[m.slot] = now;
        tg.pushed++;
        tg.latency.add(leavesAt - m.at);
        out.push(targetedPush(s.catalog, i, s.slots.ids[m.slot]!, bucket, p));
      }
    }
  }
  // heat pairing cards, in the order the carts happened (heat/pairing.ts)
  for (const o of s.pairOut) out.push(o);
  s.pairOut.length = 0;
  s.monitor?.advance(s.funnel, now);
  return out;
}
