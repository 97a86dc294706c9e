// Idempotent orders across a server restart: the server is a real child process (`livelab serve` with a
// journal), killed with SIGKILL and started again on the same port. A client that reconnects and retries
// its checkout with the same key gets the order it already had, exactly one order per key; a cart filled
// before the crash is still there after it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duplicateKeys, Journal, JOURNAL_FILE, newSecret, viewerToken } from '../../engine/server/index.ts';
import { freePort, ServerProcess } from '../../runner/stress/server-process.ts';
import { firstSku, STRESS_SCENARIO, TestClient } from './helpers.ts';

let dir: string;
let server: ServerProcess;
let url: string;
const secret = newSecret();
const logs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'livelab-restart-'));
  server = new ServerProcess({ port: await freePort(), scenarioFile: STRESS_SCENARIO, stateDir: dir, secret, fanoutTickMs: 200, maxPeers: 0, log: (l) => logs.push(l) });
  url = (await server.start()).url;
  await server.prepareSpare();
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function client(viewer: number): Promise<TestClient> {
  for (let i = 0; ; i++) {
    const c = new TestClient(url, viewerToken(secret, viewer, Date.now()));
    try {
      await c.opened;
      c.send({ type: 'room.join', viewer, network: '4g', follower: false });
      return c;
    } catch (e) {
      if (i > 100) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('orders across a server restart (SIGKILL, journal replay)', () => {
  it('a retried checkout after the restart answers with the same order; a cart survives; no key makes two orders', async () => {
    const sku = firstSku();
    // viewer 1 orders before the crash
    const a = await client(1);
    a.send({ type: 'cart.added', viewer: 1, sku: sku.id, qty: 2 });
    a.send({ type: 'checkout.submitted', viewer: 1, idempotencyKey: 'v1-o1' });
    const before = await a.waitFor((f) => f.m.type === 'order.confirmed', 10_000, 'the first confirmation');
    // viewer 2 fills a cart, and submits a checkout whose answer it never reads before the crash
    const b = await client(2);
    b.send({ type: 'cart.added', viewer: 2, sku: sku.id, qty: 1 });
    const c = await client(3);
    c.send({ type: 'cart.added', viewer: 3, sku: sku.id, qty: 1 });
    c.send({ type: 'checkout.submitted', viewer: 3, idempotencyKey: 'v3-o1' });
    await c.waitFor((f) => f.m.type === 'order.confirmed', 10_000);
    // the crash
    const { info, warm } = await server.restart();
    expect(warm).toBe(true);
    expect(info.replayed.orders).toBe(2);
    await Promise.all([a.closed, b.closed, c.closed]);

    // reconnect and retry with the same keys
    const a2 = await client(1);
    a2.send({ type: 'checkout.submitted', viewer: 1, idempotencyKey: 'v1-o1' });
    const after = await a2.waitFor((f) => f.m.type === 'order.confirmed', 10_000, 'the replayed confirmation');
    expect(after.m).toEqual(before.m);
    const c2 = await client(3);
    c2.send({ type: 'checkout.submitted', viewer: 3, idempotencyKey: 'v3-o1' });
    await c2.waitFor((f) => f.m.type === 'order.confirmed', 10_000);
    // viewer 2's cart was journaled before the crash: its first checkout after it places the order
    const b2 = await client(2);
    b2.send({ type: 'checkout.submitted', viewer: 2, idempotencyKey: 'v2-o1' });
    const placed = await b2.waitFor((f) => f.m.type === 'order.confirmed' || f.m.type === 'order.rejected', 10_000);
    expect(placed.m.type).toBe('order.confirmed');

    const orders = Journal.read(join(dir, JOURNAL_FILE)).orders;
    expect(orders.map((o) => o.key).sort()).toEqual(['v1-o1', 'v2-o1', 'v3-o1']);
    expect(duplicateKeys(orders)).toEqual([]);
    for (const x of [a2, b2, c2]) x.close();
  }, 180_000);

  it('a second, cold restart replays the same journal: still one order per key', async () => {
    await server.kill();
    const info = await server.start();
    expect(info.replayed.orders).toBe(3);
    const a = await client(1);
    a.send({ type: 'checkout.submitted', viewer: 1, idempotencyKey: 'v1-o1' });
    await a.waitFor((f) => f.m.type === 'order.confirmed', 10_000);
    const r = await fetch(`${url}/orders`, { headers: { authorization: `Bearer ${info.hostToken}` } });
    const audit = (await r.json()) as { orders: { key: string }[]; duplicateKeys: string[] };
    expect(audit.orders).toHaveLength(3);
    expect(audit.duplicateKeys).toEqual([]);
    a.close();
  }, 180_000);
});
