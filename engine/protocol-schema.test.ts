import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES, parseUpFrame } from './protocol-schema.ts';

const frame = (m: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ m, ...extra });

describe('parseUpFrame', () => {
  it('accepts every kind of valid message, with measurement stamps', () => {
    const r = parseUpFrame(frame({ type: 'danmaku.sent', viewer: 3, text: '包邮吗', lang: 'zh', truth: 'shipping' }, { t: 1.7e12, w: 1.7e12 + 3 }));
    expect(r).toMatchObject({ ok: true, kind: 'viewer', frame: { t: 1.7e12, w: 1.7e12 + 3, m: { type: 'danmaku.sent', viewer: 3 } } });
    expect(parseUpFrame(frame({ type: 'host.pitch', sku: 'b-0001' }))).toMatchObject({ ok: true, kind: 'host' });
    expect(parseUpFrame(frame({ type: 'rtc.signal', data: { type: 'offer', sdp: 'v=0' } }))).toMatchObject({ ok: true, kind: 'signal' });
    expect(parseUpFrame(frame({ type: 'checkout.submitted', viewer: 1, idempotencyKey: 'k' }))).toMatchObject({ ok: true });
    expect(parseUpFrame(Buffer.from(frame({ type: 'like.sent', viewer: 1 })))).toMatchObject({ ok: true });
    // the viewer machine's join carries the platform's consumption-level tag (agents/personas/spend-tag.ts)
    expect(parseUpFrame(frame({ type: 'room.join', viewer: 1, network: '4g', follower: false, spendTier: 2 }))).toMatchObject({ ok: true });
    expect(parseUpFrame(frame({ type: 'room.join', viewer: 1, network: '4g', follower: false, spendTier: 3 }))).toMatchObject({ ok: false, reason: 'schema' });
  });

  it('rejects with a reason: oversized, binary, json, schema (unknown keys, wrong types, bounds)', () => {
    expect(parseUpFrame('x'.repeat(MAX_FRAME_BYTES + 1))).toMatchObject({ ok: false, reason: 'oversized' });
    expect(parseUpFrame(frame({ type: 'like.sent', viewer: 1 }), true)).toMatchObject({ ok: false, reason: 'binary' });
    expect(parseUpFrame('{"m":')).toMatchObject({ ok: false, reason: 'json' });
    const bad = [
      { type: 'like.sent', viewer: 1, extra: 1 },
      { type: 'like.sent', viewer: -1 },
      { type: 'like.sent', viewer: 1.5 },
      { type: 'danmaku.sent', viewer: 1, text: '', lang: 'zh' },
      { type: 'danmaku.sent', viewer: 1, text: 'x'.repeat(201), lang: 'zh' },
      { type: 'cart.added', viewer: 1, sku: 'a', qty: 0 },
      { type: 'gift.sent', viewer: 1, value: Number.MAX_VALUE },
      { type: 'host.flashsale', sku: 'a', price: -1, stock: 1, durationMs: 1 },
      { type: 'nope' },
      null,
      [],
    ];
    for (const m of bad) expect(parseUpFrame(frame(m))).toMatchObject({ ok: false, reason: 'schema' });
    expect(parseUpFrame(JSON.stringify({ m: { type: 'like.sent', viewer: 1 }, x: 1 }))).toMatchObject({ ok: false, reason: 'schema' });
    expect(parseUpFrame(JSON.stringify({ m: { type: 'like.sent', viewer: 1 }, t: 'soon' }))).toMatchObject({ ok: false, reason: 'schema' });
    expect(parseUpFrame('42')).toMatchObject({ ok: false, reason: 'schema' });
  });

  it('never throws, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.json().map((j) => `{"m":${j}}`), fc.uint8Array({ maxLength: 300 })), fc.boolean(), (data, binary) => {
        const r = parseUpFrame(data, binary);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
