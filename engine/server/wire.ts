// The wire format of `livelab serve`, shared by the server, the stress clients and the browser page (no
// Node imports here). Every frame is one JSON text message.
//
// Up (client → server), validated by engine/protocol-schema.ts:
//   { "m": ViewerUp | HostUp | SignalUp, "t"?: emitted at, "w"?: written at }
// Down (server → client):
//   { "m": ViewerDown | HostDown | TransportDown, "c"?: [t, w], "it"?: [[t, w], …], "s"?: sent at }
//
// All stamps are wall-clock ms since the Unix epoch (fractional). `c` is the [t, w] of the frame that
// caused a push (the comment that completed a prompt's cluster, the behaviour behind a targeted card);
// `it` gives [t, w] for each item of a danmaku batch; `s` is when the server wrote the frame. Together
// they let receivers measure fan-out, prompt and targeting latency end to end without a shared clock
// other than the machine's.
import type { DownMessage, HostUp, ViewerUp } from '../protocol.ts';
import type { SignalUp } from '../protocol-schema.ts';

export type Role = 'viewer' | 'host';

export type TransportDown =
  | { type: 'welcome'; role: Role; viewer: number; runStartEpoch: number; serverNow: number }
  | { type: 'rtc.signal'; data: Record<string, unknown> }
  | { type: 'rtc.refused'; reason: string }
  | { type: 'error'; reason: string; detail?: string }
  | { type: 'pong' };

export type Stamp = readonly [t: number, w: number];

export interface DownFrame {
  /** absent in a coalesced frame (`b`) */
  m: DownMessage | TransportDown;
  c?: Stamp;
  it?: Stamp[];
  s?: number;
  /** several frames in one write (the server's fan-out coalesces what a viewer has not had yet) */
  b?: DownFrame[];
}

export interface UpFrameOut {
  m: ViewerUp | HostUp | SignalUp;
  t?: number;
  w?: number;
}

/** Encodes an up frame; `t` and `w` are optional measurement stamps. */
export function encodeUp(m: ViewerUp | HostUp | SignalUp, t?: number, w?: number): string {
  if (t === undefined) return JSON.stringify({ m });
  return JSON.stringify(w === undefined ? { m, t } : { m, t, w });
}

const isFrame = (f: DownFrame): boolean => typeof f === 'object' && f !== null && typeof f.m === 'object' && f.m !== null && typeof (f.m as { type?: unknown }).type === 'string';

/** Parses a down frame from a trusted server; null if it is not one. */
export function decodeDown(text: string): DownFrame | null {
  try {
    const f = JSON.parse(text) as DownFrame;
    if (typeof f === 'object' && f !== null && Array.isArray(f.b)) return f.b.every(isFrame) ? f : null;
    return isFrame(f) ? f : null;
  } catch {
    return null;
  }
}

/** The frames a down frame carries: itself, or each of a coalesced frame's. */
export function framesOf(f: DownFrame): DownFrame[] {
  return f.b ?? [f];
}

/** WebSocket close codes the server uses (4000–4999 is the application range). */
export const CLOSE = {
  replaced: 4001,
  slowConsumer: 4002,
  shuttingDown: 4003,
} as const;
