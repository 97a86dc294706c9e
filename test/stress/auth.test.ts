// Authentication and authorisation of `livelab serve`: signed tokens at the upgrade, the host's powers,
// and that no viewer can act for another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signToken, type RunningServer } from '../../engine/server/index.ts';
import { firstSku, host, sleep, testServer, viewer } from './helpers.ts';

let srv: RunningServer;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

function upgradeStatus(url: string, token: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}`);
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('error', () => {});
  });
}

describe('join tokens', () => {
  it('refuses a missing, malformed, tampered, foreign or expired token at the upgrade (401)', async () => {
    const good = srv.viewerToken(5);
    const [body, sig] = good.split('.') as [string, string];
    const tampered = `${Buffer.from(JSON.stringify({ role: 'host', viewer: -1, exp: Date.now() + 60_000 })).toString('base64url')}.${sig}`;
    expect(await upgradeStatus(srv.url, '')).toBe(401);
    expect(await upgradeStatus(srv.url, 'not-a-token')).toBe(401);
    expect(await upgradeStatus(srv.url, tampered)).toBe(401);
    expect(await upgradeStatus(srv.url, `${body}.${sig.slice(0, -2)}xx`)).toBe(401);
    expect(await upgradeStatus(srv.url, signToken('another-secret', { role: 'viewer', viewer: 5, exp: Date.now() + 60_000 }))).toBe(401);
    expect(await upgradeStatus(srv.url, signToken(srv.secret, { role: 'viewer', viewer: 5, exp: Date.now() - 1 }))).toBe(401);
    expect(await upgradeStatus(srv.url, good)).toBe(101);
    expect(srv.metrics.value('livelab_connections_refused_total', { reason: 'token' })).toBe(6);
  });

  it('hands out a fresh viewer id with its token (POST /join), never one a client picks', async () => {
    const a = (await (await fetch(`${srv.url}/join`, { method: 'POST' })).json()) as { viewer: number; token: string };
    const b = (await (await fetch(`${srv.url}/join`, { method: 'POST' })).json()) as { viewer: number; token: string };
    expect(b.viewer).not.toBe(a.viewer);
    expect(await upgradeStatus(srv.url, a.token)).toBe(101);
  });
});

describe('what a token allows', () => {
  it('a viewer cannot push products, pitch or answer prompts: only the host can', async () => {
    const sku = firstSku();
    const v = await viewer(srv, 11);
    const w = await viewer(srv, 12);
    await sleep(50);
    v.send({ type: 'host.pitch', sku: sku.id });
    v.send({ type: 'host.flashsale', sku: sku.id, price: 1, stock: 1000, durationMs: 60_000 });
    const err = await v.waitFor((f) => f.m.type === 'error', 5000, 'an error frame');
    expect(err.m).toMatchObject({ type: 'error', reason: 'auth' });
    await sleep(200);
    expect(w.count('product.pitched')).toBe(0);
    expect(w.count('flashsale.started')).toBe(0);

    const h = await host(srv);
    h.send({ type: 'host.pitch', sku: sku.id });
    const pitched = await w.waitFor((f) => f.m.type === 'product.pitched', 5000, 'the host pitch');
    expect(pitched.m).toMatchObject({ type: 'product.pitched', sku: sku.id });
    // and the host cannot act as a viewer
    h.send({ type: 'cart.added', viewer: 11, sku: sku.id, qty: 1 });
    expect((await h.waitFor((f) => f.m.type === 'error', 5000)).m).toMatchObject({ reason: 'auth' });
    for (const c of [v, w, h]) c.close();
  });

  it('a viewer cannot fill another viewer\'s cart, order for them, or use their idempotency key', async () => {
    const sku = firstSku();
    const a = await viewer(srv, 21);
    const b = await viewer(srv, 22);
    await sleep(50);
    const before = srv.stack.commerce.orders.list.length;
    // b acts in a's name: refused at the door, nothing reaches commerce
    b.send({ type: 'cart.added', viewer: 21, sku: sku.id, qty: 3 });
    b.send({ type: 'checkout.submitted', viewer: 21, idempotencyKey: 'steal-1' });
    await b.waitFor((f) => f.m.type === 'error' && (f.m as { reason: string }).reason === 'auth', 5000);
    await sleep(200);
    expect(srv.stack.commerce.carts.get(21)).toBeUndefined();
    expect(srv.stack.commerce.orders.list.length).toBe(before);

    // a orders with key K; b replays K in b's own name: commerce refuses (the key is a's)
    a.send({ type: 'cart.added', viewer: 21, sku: sku.id, qty: 1 });
    a.send({ type: 'checkout.submitted', viewer: 21, idempotencyKey: 'k-21' });
    const ok = await a.waitFor((f) => f.m.type === 'order.confirmed', 5000, 'a\'s order');
    b.send({ type: 'cart.added', viewer: 22, sku: sku.id, qty: 1 });
    b.send({ type: 'checkout.submitted', viewer: 22, idempotencyKey: 'k-21' });
    const rej = await b.waitFor((f) => f.m.type === 'order.rejected', 5000, 'the refusal');
    expect(rej.m).toMatchObject({ reason: 'invalid' });
    expect(srv.stack.commerce.orders.list.filter((o) => o.idempotencyKey === 'k-21')).toHaveLength(1);
    expect(b.count('order.confirmed')).toBe(0);
    expect(ok.m).toMatchObject({ idempotencyKey: 'k-21' });
    a.close();
    b.close();
  });

  it('the order audit and the control endpoint need the host token', async () => {
    expect((await fetch(`${srv.url}/orders`)).status).toBe(401);
    expect((await fetch(`${srv.url}/orders`, { headers: { authorization: `Bearer ${srv.viewerToken(1)}` } })).status).toBe(401);
    const r = await fetch(`${srv.url}/orders`, { headers: { authorization: `Bearer ${srv.hostToken}` } });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { duplicateKeys: string[] }).duplicateKeys).toEqual([]);
    expect((await fetch(`${srv.url}/control`, { method: 'POST', body: JSON.stringify({ type: 'payment.outage', active: true }) })).status).toBe(401);
  });
});
