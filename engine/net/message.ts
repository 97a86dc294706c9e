// When a small message (a danmaku, a push, a request) sent at sendMs arrives: it first drains through
// the sender's side of the bottleneck (waiting out an outage), then travels one way (half the round trip
// at that moment), plus queueing jitter and any retransmission delay. Its two draws (jitter, loss) come from
// `rng`: the link's own stream by default; a simulated viewer's messages take a stream of their own, so that
// what a viewer says never shifts its player's draws (and two strategies' viewers can share one player).
import type { Rng } from '../kernel/index.ts';
import { UP, type Direction } from '../../network-profiles/index.ts';
import { drainTime, linkUpAt } from './drain.ts';
import { rttAt, type Link } from './link.ts';
import { jitterDelay, messageLossDelay, packetsOf } from './loss.ts';

export function messageArrivalTime(link: Link, sendMs: number, bytes: number, dir: Direction = UP, rng: Rng = link.rng): number {
  // even an empty message (a bare request) needs the link up
  const sent = bytes > 0 ? drainTime(link, sendMs, bytes, dir) : linkUpAt(link, sendMs, dir);
  if (sent === Infinity) return Infinity;
  const rtt = rttAt(link, sent);
  const loss = link.seg.loss;
  const jitter = jitterDelay(link, rng);
  return sent + rtt / 2 + jitter + messageLossDelay(link, packetsOf(bytes), loss, rtt, rng);
}
