// Loss as retransmission delay. A bulk transfer recovers a random loss by fast retransmit, costing about
// one round trip; a Gilbert–Elliott burst loses several packets in a row and waits for the retransmission
// timeout. A small message (a few packets) is retried after the timeout, doubling each time.
import { exponential, poisson, type Rng } from '../kernel/index.ts';
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

/**
 * Extra delay of a bulk transfer of `packets` under random loss `loss` and the trace's bursts. Random
 * losses (rate n·loss) and burst starts (rate n·enter) are two Poisson streams; their superposition is
 * drawn once (usually one uniform: no event) and each event is then told apart by one more uniform.
 */
export function transferLossDelay(link: Link, packets: number, loss: number, rttMs: number): number {
  const b = link.trace.burst;
  const lr = loss > 0 ? packets * loss : 0;
  const lb = b !== null ? packets * b.enter : 0;
  const events = lr + lb > 0 ? poissonFew(link.rng, lr + lb) : 0;
  if (events === 0) return 0;
  let d = 0;
  const rto = rtoMs(rttMs, link.trace.jitterMs);
  for (let i = 0; i < events; i++) d += link.rng.next() * (lr + lb) < lr ? rttMs : rto;
  return d;
}

/**
 * transferLossDelay once its Poisson draw's first uniform u (lambda ≤ 30) has said "some event": the rest
 * of that draw, then the events told apart (the same draws in the same order as transferLossDelay).
 */
export function lossDelayAfter(link: Link, packets: number, loss: number, rttMs: number, u: number): number {
  const b = link.trace.burst;
  const lr = loss > 0 ? packets * loss : 0;
  const lb = b !== null ? packets * b.enter : 0;
  const limit = Math.exp(-(lr + lb));
  let events = 0;
  for (let p = u; p > limit; p *= link.rng.next()) events++;
  if (events === 0) return 0;
  let d = 0;
  const rto = rtoMs(rttMs, link.trace.jitterMs);
  for (let i = 0; i < events; i++) d += link.rng.next() * (lr + lb) < lr ? rttMs : rto;
  return d;
}

/**
 * The kernel's Poisson draw (Knuth: same draws, same result), skipping its exponential when the first
 * uniform already settles "no event": u ≤ 1 − λ ≤ e^−λ (kept a hair inside for rounding).
 */
export function poissonFew(rng: Rng, lambda: number): number {
  if (lambda > 30) return poisson(rng, lambda);
  const u = rng.next();
  if (u < 1 - lambda - 1e-12) return 0;
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = u;
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Extra delay of a small message: geometric number of lost tries, timeouts doubling (one draw). */
export function messageLossDelay(link: Link, packets: number, loss: number, rttMs: number, rng: Rng = link.rng): number {
  const b = link.trace.burst;
  const p = loss + (b !== null ? (b.enter / (b.enter + b.exit)) * b.lossInBurst : 0);
  if (!(p > 0)) return 0;
  const q = packets === 1 ? Math.min(1, p) : 1 - Math.pow(1 - Math.min(1, p), packets);
  if (q >= 1) return Infinity;
  // geometric number of lost tries by inversion; the common "none lost" (1 − u > q) needs no logarithm
  const v = 1 - rng.next();
  if (v > q) return 0;
  const tries = Math.floor(Math.log(v) / Math.log(q));
  return tries > 0 ? rtoMs(rttMs, link.trace.jitterMs) * (Math.pow(2, tries) - 1) : 0;
}

/** Queueing jitter on one message: exponential with the trace's mean, never negative (one draw if any). */
export function jitterDelay(link: Link, rng: Rng = link.rng): number {
  return link.trace.jitterMs > 0 ? exponential(rng, link.trace.jitterMs) : 0;
}
