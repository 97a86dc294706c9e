// The user-space shaper: a viewer's network profile (engine/net link model) applied to the frames of its
// real connection, in both directions. A frame of `bytes` handed over at run time t leaves when the link
// has drained it behind the frames before it (rate, outages), then travels half the round trip at that
// moment plus queueing jitter and any retransmission delay for loss; frames keep their order (one TCP
// stream or one ordered SCTP channel: a late frame holds back the ones behind it). The stress client
// writes an up frame to its socket, or hands a down frame to the agent, at that arrival time.
import { DOWN, UP, type Direction, type NetworkProfile } from '../../network-profiles/index.ts';
import { instantiate } from '../../network-profiles/index.ts';
import { drainTime, jitterDelay, Link, linkUpAt, messageLossDelay, packetsOf, rttAt, transferFinishTime } from '../../engine/net/index.ts';
import type { RngStreams } from '../../engine/kernel/index.ts';

export class DirectionShaper {
  /** when the previous frame finished draining through the bottleneck */
  private drained = 0;
  /** arrival of the previous frame (in-order delivery) */
  private last = 0;

  constructor(
    private readonly link: Link,
    private readonly dir: Direction,
  ) {}

  /** Arrival time (run ms) of a frame of `bytes` handed over at `t`; Infinity if the link never comes back. */
  arrival(t: number, bytes: number): number {
    const link = this.link;
    const start = t > this.drained ? t : this.drained;
    const sent = bytes > 0 ? drainTime(link, start, bytes, this.dir) : linkUpAt(link, start, this.dir);
    if (sent === Infinity) return Infinity;
    this.drained = sent;
    const rtt = rttAt(link, sent);
    const at = sent + rtt / 2 + jitterDelay(link) + messageLossDelay(link, packetsOf(bytes), link.seg.loss, rtt);
    if (at > this.last) this.last = at;
    return this.last;
  }
}

export class LinkShaper {
  readonly link: Link;
  readonly up: DirectionShaper;
  readonly down: DirectionShaper;

  constructor(profile: NetworkProfile, streams: RngStreams, viewer: number) {
    const trace = instantiate(profile, streams.stream(viewer, 'net-profile'));
    this.link = new Link(trace, streams.stream(viewer, 'net'));
    this.up = new DirectionShaper(this.link, UP);
    this.down = new DirectionShaper(this.link, DOWN);
  }

  /**
   * Player startup on this link at run time t: a manifest request and the first segment (`segmentBytes`,
   * e.g. 1 s at the starting bitrate) over the downlink, two round trips of connection setup before.
   */
  startupMs(t: number, segmentBytes: number): number {
    const rtt = rttAt(this.link, t);
    const done = transferFinishTime(this.link, t + 2 * rtt, segmentBytes, 300);
    return done === Infinity ? Infinity : done - t;
  }

  /** the downlink rate at t (kbit/s), for the starting bitrate */
  downKbps(t: number): number {
    rttAt(this.link, t);
    return this.link.seg.downKbps;
  }
}
