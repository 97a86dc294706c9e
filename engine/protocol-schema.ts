// Validation of incoming frames: the typed messages of engine/protocol.ts as zod schemas, inside the wire
// envelope that `livelab serve` speaks. A frame is JSON text, at most `maxBytes` long:
//
//   { "m": <ViewerUp | HostUp | signalling>, "t"?: emit time, "w"?: write time }
//
// `t` and `w` are the sender's wall-clock times (ms since the Unix epoch) at which the agent emitted the
// message and at which it was written to the socket; they are measurement metadata, carried through to
// the receivers of a danmaku or of a push caused by the message, never read by the services.
// Everything else is rejected with a reason (oversized, binary, json, schema) that the server counts.
// The limits are assumptions sized for chat and commerce messages, stated here once.
import { z } from 'zod';
import { COMMENT_INTENTS, type HostUp, type ViewerUp } from './protocol.ts';

/** Largest frame accepted (bytes of UTF-8 text); a viewer's largest legitimate frame is a ~300-byte comment. */
export const MAX_FRAME_BYTES = 4096;
/** Longest comment (characters): long enough for any real danmaku (platforms cap at 20–100 characters). */
export const MAX_COMMENT_CHARS = 200;
const MAX_ID = 128;
/** A signalling payload (SDP offer/answer or ICE candidate) is a few KB at most. */
export const MAX_SIGNAL_BYTES = 16_384;

const viewer = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const id = z.string().min(1).max(MAX_ID);
const ms = z.number().finite().min(0);
const intent = z.enum(COMMENT_INTENTS);

const ViewerUpSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('room.join'), viewer, network: z.enum(['4g', 'weak-4g', '3g', 'wifi']), follower: z.boolean(), spendTier: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional() }),
  z.strictObject({
    type: z.literal('room.leave'),
    viewer,
    reason: z.enum(['startup', 'stall', 'boredom', 'content', 'done', 'end', 'dropped']),
    watchedMs: ms,
  }),
  z.strictObject({
    type: z.literal('danmaku.sent'),
    viewer,
    text: z.string().min(1).max(MAX_COMMENT_CHARS),
    lang: z.enum(['zh', 'en']),
    truth: intent.optional(),
  }),
  z.strictObject({ type: z.literal('like.sent'), viewer }),
  z.strictObject({ type: z.literal('gift.sent'), viewer, value: z.number().finite().positive().max(1_000_000) }),
  z.strictObject({ type: z.literal('follow.sent'), viewer }),
  z.strictObject({ type: z.literal('product.viewed'), viewer, sku: id }),
  z.strictObject({ type: z.literal('product.closed'), viewer, sku: id, dwellMs: ms }),
  z.strictObject({ type: z.literal('cart.added'), viewer, sku: id, qty: z.number().int().min(1).max(999) }),
  z.strictObject({ type: z.literal('cart.removed'), viewer, sku: id }),
  z.strictObject({ type: z.literal('checkout.submitted'), viewer, idempotencyKey: id, couponId: id.optional() }),
  z.strictObject({ type: z.literal('coupon.claimed'), viewer, couponId: id }),
  z.strictObject({ type: z.literal('return.requested'), viewer, orderId: id, sku: id }),
  z.strictObject({
    type: z.literal('qoe.report'),
    viewer,
    startupMs: ms,
    stalls: z.number().int().min(0),
    rebufferMs: ms,
    bitrateKbps: ms,
    latencyMs: ms,
  }),
]);

const HostUpSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('host.pitch'), sku: id }),
  z.strictObject({ type: z.literal('host.answer'), promptId: id, intent, sku: id.optional() }),
  z.strictObject({
    type: z.literal('host.flashsale'),
    sku: id,
    price: z.number().finite().positive(),
    stock: z.number().int().positive(),
    durationMs: z.number().finite().positive(),
  }),
  z.strictObject({ type: z.literal('host.segment'), sku: id }),
]);

/** Transport messages: WebRTC signalling relayed over the WebSocket, and a ping for liveness. */
export type SignalUp = { type: 'rtc.signal'; data: Record<string, unknown> } | { type: 'rtc.close' } | { type: 'ping' };
const SignalUpSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('rtc.signal'), data: z.record(z.string(), z.unknown()) }),
  z.strictObject({ type: z.literal('rtc.close') }),
  z.strictObject({ type: z.literal('ping') }),
]);

const stamp = z.number().finite().min(0).max(1e14);

export type UpFrameMessage = ViewerUp | HostUp | SignalUp;
export interface UpFrame {
  m: UpFrameMessage;
  t?: number;
  w?: number;
}

const FrameSchema = z.strictObject({ m: z.unknown(), t: stamp.optional(), w: stamp.optional() });

export type RejectReason = 'oversized' | 'binary' | 'json' | 'schema';
export const REJECT_REASONS: readonly RejectReason[] = ['oversized', 'binary', 'json', 'schema'];

export type ParsedFrame =
  | { ok: true; kind: 'viewer'; frame: UpFrame & { m: ViewerUp } }
  | { ok: true; kind: 'host'; frame: UpFrame & { m: HostUp } }
  | { ok: true; kind: 'signal'; frame: UpFrame & { m: SignalUp } }
  | { ok: false; reason: RejectReason; detail: string };

function reject(reason: RejectReason, detail: string): ParsedFrame {
  return { ok: false, reason, detail };
}

const HOST_TYPES = new Set(['host.pitch', 'host.answer', 'host.flashsale', 'host.segment']);
const SIGNAL_TYPES = new Set(['rtc.signal', 'rtc.close', 'ping']);

/**
 * Parses one incoming frame. `binary`: the transport delivered it as a binary frame (the protocol is text
 * only). Never throws: every way a frame can be wrong is a rejection with a reason.
 */
export function parseUpFrame(data: string | Uint8Array, binary = false, maxBytes = MAX_FRAME_BYTES): ParsedFrame {
  const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;
  if (bytes > maxBytes) return reject('oversized', `${bytes} bytes > ${maxBytes}`);
  if (binary) return reject('binary', 'binary frames are not part of the protocol');
  const text = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return reject('json', (e as Error).message);
  }
  const env = FrameSchema.safeParse(raw);
  if (!env.success) return reject('schema', `envelope: ${env.error.issues[0]?.message ?? 'invalid'}`);
  const m = env.data.m as { type?: unknown } | null;
  const type = typeof m === 'object' && m !== null && typeof m.type === 'string' ? m.type : '';
  const meta = { ...(env.data.t === undefined ? {} : { t: env.data.t }), ...(env.data.w === undefined ? {} : { w: env.data.w }) };
  if (HOST_TYPES.has(type)) {
    const r = HostUpSchema.safeParse(m);
    return r.success ? { ok: true, kind: 'host', frame: { m: r.data as HostUp, ...meta } } : reject('schema', `${type}: ${issue(r.error)}`);
  }
  if (SIGNAL_TYPES.has(type)) {
    const r = SignalUpSchema.safeParse(m);
    if (!r.success) return reject('schema', `${type}: ${issue(r.error)}`);
    if (r.data.type === 'rtc.signal' && JSON.stringify(r.data.data).length > MAX_SIGNAL_BYTES) return reject('oversized', 'signal payload');
    return { ok: true, kind: 'signal', frame: { m: r.data as SignalUp, ...meta } };
  }
  const r = ViewerUpSchema.safeParse(m);
  return r.success ? { ok: true, kind: 'viewer', frame: { m: r.data as ViewerUp, ...meta } } : reject('schema', `${type || '(no type)'}: ${issue(r.error)}`);
}

function issue(e: z.ZodError): string {
  const i = e.issues[0];
  return i === undefined ? 'invalid' : `${i.path.join('.') || '(message)'}: ${i.message}`;
}

/** The schemas, for tests and for clients that want to check what they send. */
export const schemas = { ViewerUp: ViewerUpSchema, HostUp: HostUpSchema, SignalUp: SignalUpSchema, Frame: FrameSchema };
