// The server's connection admission: extra listening ports (Node accepts one connection per listening
// socket per event-loop iteration) and answers on the connection that asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../engine/server/index.ts';
import { firstSku, sleep, TestClient, testServer, viewer } from './helpers.ts';

let srv: RunningServer;
beforeAll(async () => {
  srv = await testServer({ listenPorts: [0, 0] });
});
afterAll(async () => {
  await srv.close();
});

describe('listening ports', () => {
  it('serves WebSockets and HTTP on every port, lists them on /health', async () => {
    expect(srv.ports).toHaveLength(3);
    expect(srv.ports[0]).toBe(srv.port);
    expect(new Set(srv.ports).size).toBe(3);
    const health = (await (await fetch(`${srv.url}/health`)).json()) as { ports: number[] };
    expect(health.ports).toEqual([...srv.ports]);
    const clients: TestClient[] = [];
    for (const [i, p] of srv.ports.entries()) {
      const c = new TestClient(`http://127.0.0.1:${p}`, srv.viewerToken(700 + i));
      await c.opened;
      c.send({ type: 'ping' });
      await c.waitFor((f) => f.m.type === 'pong', 5000, `pong on port ${p}`);
      clients.push(c);
    }
    expect(srv.metrics.value('livelab_connections', { role: 'all' })).toBe(3);
    for (const c of clients) c.close();
  });
});

describe('answers go back on the connection that asked', () => {
  it('a checkout from a connection that never joined (the viewer dropped after filling the cart) is answered on it', async () => {
    const a = await viewer(srv, 801);
    a.send({ type: 'cart.added', viewer: 801, sku: firstSku().id, qty: 1 });
    await sleep(200);
    a.close();
    await a.closed;
    // a fresh connection settles the order without joining the room (commerce does not need presence)
    const b = await viewer(srv, 801, false);
    b.send({ type: 'checkout.submitted', viewer: 801, idempotencyKey: 'k-801' });
    const f = await b.waitFor((x) => x.m.type === 'order.confirmed' || x.m.type === 'order.rejected', 5000, 'the answer');
    expect(f.m).toMatchObject({ type: 'order.confirmed', idempotencyKey: 'k-801' });
    b.close();
  });
});
