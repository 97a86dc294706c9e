import { describe, expect, it } from 'vitest';
import { generateCatalog, type Order } from '../commerce/index.ts';
import { DEFAULT_MARKETING_CONFIG } from '../marketing/index.ts';
import type { ViewerUp } from '../protocol.ts';
import { StackHost, isCommerceInput, type CommerceInput, type StackOutbound } from './index.ts';

const catalog = generateCatalog({ seed: 7, size: 12, categories: { beauty: 1 } });
const sku = catalog.skus[0]!.id;

function stack(hooks = {}) {
  return new StackHost({ seed: 7, catalog, marketing: DEFAULT_MARKETING_CONFIG, tickOnMessage: true }, hooks);
}
const join = (viewer: number): ViewerUp => ({ type: 'room.join', viewer, network: '4g', follower: false });
const types = (out: readonly StackOutbound[]) => out.map((o) => `${String(o.to)}:${o.msg.type}`);

describe('StackHost', () => {
  it('routes a pitch to everyone and an order to its viewer, exactly once per idempotency key', () => {
    const s = stack();
    s.viewer(join(1), 0);
    expect(types(s.host({ type: 'host.pitch', sku }, 100))).toContain('all:product.pitched');
    s.viewer({ type: 'cart.added', viewer: 1, sku, qty: 1 }, 200);
    const first = s.viewer({ type: 'checkout.submitted', viewer: 1, idempotencyKey: 'k1' }, 300);
    const conf = first.find((o) => o.msg.type === 'order.confirmed');
    expect(conf?.to).toBe(1);
    const again = s.viewer({ type: 'checkout.submitted', viewer: 1, idempotencyKey: 'k1' }, 400);
    const conf2 = again.find((o) => o.msg.type === 'order.confirmed');
    expect(conf2?.msg).toEqual(conf?.msg);
    expect(s.commerce.orders.list).toHaveLength(1);
    // marketing counts the order once, not once per retry
    expect(s.summary().marketing?.funnel.paid).toBe(1);
  });

  it('turns three viewers asking alike into a host prompt in the same call as the third question', () => {
    const s = stack();
    s.host({ type: 'host.pitch', sku }, 0);
    for (const v of [1, 2, 3]) s.viewer(join(v), 10);
    const outs = [1, 2, 3].map((v, i) => s.viewer({ type: 'danmaku.sent', viewer: v, text: '敏感肌能用吗', lang: 'zh' }, 100 + i * 50));
    expect(outs[0]!.some((o) => o.to === 'host')).toBe(false);
    expect(outs[1]!.some((o) => o.to === 'host')).toBe(false);
    const prompt = outs[2]!.find((o) => o.to === 'host');
    expect(prompt?.msg).toMatchObject({ type: 'host.prompt', intent: 'suitability', viewers: 3 });
    // danmaku leave as one batch at the end of the room's tick
    expect(s.nextDueAt()).toBe(400);
    const batch = s.advance(400).find((o) => o.msg.type === 'danmaku.batch');
    expect(batch?.to).toBe('all');
  });

  it('calls the journal hooks before answering, and a replay of the journal rebuilds commerce exactly', () => {
    const inputs: [CommerceInput, number][] = [];
    const orders: Order[] = [];
    const s = stack({ commerceInput: (m: CommerceInput, t: number) => inputs.push([m, t]), orderPlaced: (o: Order) => orders.push(o) });
    s.viewer(join(1), 0);
    s.viewer({ type: 'danmaku.sent', viewer: 1, text: 'hello', lang: 'en' }, 10);
    s.host({ type: 'host.pitch', sku }, 20);
    s.viewer({ type: 'cart.added', viewer: 1, sku, qty: 2 }, 30);
    s.viewer({ type: 'checkout.submitted', viewer: 1, idempotencyKey: 'a' }, 40);
    s.viewer({ type: 'cart.added', viewer: 1, sku, qty: 1 }, 50);
    expect(orders.map((o) => o.idempotencyKey)).toEqual(['a']);
    expect(inputs.every(([m]) => isCommerceInput(m))).toBe(true);
    expect(inputs.some(([m]) => m.type === 'danmaku.sent' || m.type === 'room.join')).toBe(false);

    const r = stack();
    for (const [m, t] of inputs) r.replayCommerce(m, t);
    expect(r.commerce.orders.list).toEqual(s.commerce.orders.list);
    expect([...r.commerce.carts.entries()]).toEqual([...s.commerce.carts.entries()]);
    // the retried key after the "restart" answers with the same order; the cart survived as well
    const again = r.viewer({ type: 'checkout.submitted', viewer: 1, idempotencyKey: 'a' }, 60);
    expect(again.find((o) => o.msg.type === 'order.confirmed')?.msg).toMatchObject({ orderId: orders[0]!.id });
    const second = r.viewer({ type: 'checkout.submitted', viewer: 1, idempotencyKey: 'b' }, 70);
    expect(second.find((o) => o.msg.type === 'order.confirmed')?.to).toBe(1);
    expect(r.commerce.orders.list).toHaveLength(2);
  });

  it('never lets time go back and never ticks marketing per message unless asked', () => {
    const s = new StackHost({ seed: 1, catalog, marketing: DEFAULT_MARKETING_CONFIG });
    s.viewer(join(1), 1000);
    expect(() => s.viewer({ type: 'like.sent', viewer: 1 }, 500)).not.toThrow();
    expect(s.now).toBe(1000);
    for (const v of [2, 3, 4]) s.viewer(join(v), 1000);
    const outs = [2, 3, 4].flatMap((v) => s.viewer({ type: 'danmaku.sent', viewer: v, text: '敏感肌能用吗', lang: 'zh' }, 1100));
    expect(outs.some((o) => o.to === 'host')).toBe(false);
    expect(s.advance(1200).some((o) => o.to === 'host')).toBe(true);
  });

  it('runs without a marketing engine', () => {
    const s = new StackHost({ seed: 1, catalog, marketing: null, tickOnMessage: true });
    s.viewer(join(1), 0);
    expect(s.host({ type: 'host.pitch', sku }, 1).length).toBeGreaterThan(0);
    expect(s.summary().marketing).toBeNull();
  });
});
