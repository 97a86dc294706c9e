// Loss as retransmission delay. A bulk transfer recovers a random loss by fast retransmit, costing about
// one round trip; a Gilbert–Elliott burst loses several packets in a row and waits for the retransmission
// timeout. A small message (a few packets) is retried after the timeout, doubling each time.
import { exponential, poisson } from '../kernel/index.ts';
import type { Link } from './link.ts';

/** Linux TCP_RTO_MIN (include/net/tcp.h: HZ/5 = 200 ms); RFC 6298's floor of 1 s is not what stacks use. */
export const RTO_MIN_MS = 200;
/** Ethernet-sized packets (as Mahimahi's 1500-byte delivery opportunities). */
export const PACKET_BYTES = 1500;

export function packetsOf(bytes: number): number {
  return bytes > PACKET_BYTES ? Math.ceil(bytes / PACKET_BYTES) : 1;
}

/** RFC 6298 RTO = SRTT + 4·RTTVAR, with the jitter as the variation, floored at RTO_MIN_MS. */
export function rtoMs(rttMs: number, jitterMs: number): number {
  return Math.max(RTO_MIN_MS, rttMs + 4 * jitterMs);
}

/** Extra delay of a bulk transfer of `packets` under random loss `loss` and the trace's bursts. */
export function transferLossDelay(link: Link, packets: number, loss: number, rttMs: number): number {
  let d = 0;
  if (loss > 0) d += poisson(link.rng, packets * loss) * rttMs;
  const b = link.trace.burst;
  if (b !== null) d += poisson(link.rng, packets * b.enter) * rtoMs(rttMs, link.trace.jitterMs);
  return d;
}

/** Extra delay of a small message: geometric number of lost tries, timeouts doubling (one draw). */
export function messageLossDelay(link: Link, packets: number, loss: number, rttMs: number): number {
  const b = link.trace.burst;
  const p = loss + (b !== null ? (b.enter / (b.enter + b.exit)) * b.lossInBurst : 0);
  if (!(p > 0)) return 0;
  const q = 1 - Math.pow(1 - Math.min(1, p), packets);
  if (q >= 1) return Infinity;
  const tries = Math.floor(Math.log(1 - link.rng.next()) / Math.log(q));
  return tries > 0 ? rtoMs(rttMs, link.trace.jitterMs) * (Math.pow(2, tries) - 1) : 0;
}

/** Queueing jitter on one message: exponential with the trace's mean, never negative (one draw if any). */
export function jitterDelay(link: Link): number {
  return link.trace.jitterMs > 0 ? exponential(link.rng, link.trace.jitterMs) : 0;
}
