// WebRTC data channels on the Node side: simple-peer over @roamhq/wrtc, loaded lazily (a native module:
// a server that never sees a peer never loads it). Host candidates only (`iceServers: []`): the peers
// are on this machine or its LAN. Each peer pair holds ~40 file descriptors and a few native threads,
// so the server caps how many are open at once.
import { createRequire } from 'node:module';

/** The part of a simple-peer instance the server and the stress clients use. */
export interface PeerLike {
  readonly connected: boolean;
  signal(data: unknown): void;
  send(data: string): void;
  destroy(err?: Error): void;
  on(event: 'signal', fn: (data: Record<string, unknown>) => void): this;
  on(event: 'connect' | 'close', fn: () => void): this;
  on(event: 'data', fn: (data: Uint8Array | string) => void): this;
  on(event: 'error', fn: (err: Error) => void): this;
  /** the RTCDataChannel (simple-peer internal; read for bufferedAmount only) */
  readonly _channel?: { bufferedAmount: number } | null;
}

export interface RtcKit {
  createPeer(initiator: boolean): PeerLike;
}

let cached: RtcKit | null | undefined;
let loadError = '';

/** simple-peer + wrtc, or null when the native module cannot be loaded here (see rtcUnavailableReason). */
export function loadRtc(): RtcKit | null {
  if (cached !== undefined) return cached;
  try {
    const require = createRequire(import.meta.url);
    const Peer = require('simple-peer') as new (opts: Record<string, unknown>) => PeerLike;
    const wrtc = require('@roamhq/wrtc') as unknown;
    cached = { createPeer: (initiator) => new Peer({ initiator, wrtc, trickle: true, config: { iceServers: [] } }) };
  } catch (e) {
    loadError = (e as Error).message;
    cached = null;
  }
  return cached;
}

export function rtcUnavailableReason(): string {
  return loadError;
}

/** Bytes queued on a peer's data channel (0 when unknown). */
export function peerBuffered(p: PeerLike): number {
  return p._channel?.bufferedAmount ?? 0;
}
