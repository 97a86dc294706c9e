// The link model: a network profile applied to bytes and messages in virtual time (exact rate
// integration, round trip, jitter, loss as retransmission delay, outages, scripted overlays).
export { Link, createLink, rttAt, locateAt, type LinkOptions } from './link.ts';
export { drainTime, capacityBetween, linkUpAt } from './drain.ts';
export { messageArrivalTime } from './message.ts';
export { transferFinishTime, chunkedTransfer, chunkedRunStart, chunkedRunSegment } from './transfer.ts';
export { RTO_MIN_MS, PACKET_BYTES, packetsOf, rtoMs, transferLossDelay, messageLossDelay, jitterDelay } from './loss.ts';
