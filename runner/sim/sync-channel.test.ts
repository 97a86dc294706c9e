// The blocking shared-memory channel against a real worker thread (testing/echo-worker.ts): many
// thousands of round trips finish (a lost wake-up would hang one at a random trip), payloads of any
// size cross, and a worker that fails or exits makes the main thread throw instead of hang.
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { ChannelError, SyncChannel } from './sync-channel.ts';

const BOOT = new URL('../worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./testing/echo-worker.ts', import.meta.url).href;
const started: Worker[] = [];

async function echo(spin?: number, initialBytes?: number): Promise<SyncChannel> {
  const c = SyncChannel.create({ ...(spin !== undefined ? { spin } : {}), ...(initialBytes !== undefined ? { initialBytes } : {}) });
  const w = new Worker(BOOT, { workerData: { buffer: c.buffer, entry: ENTRY, ...(spin !== undefined ? { spin } : {}) } });
  w.on('error', () => undefined); // reported through the channel
  started.push(w);
  await new Promise((resolve) => w.once('online', resolve));
  return c;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((w) => w.terminate()));
});

describe('SyncChannel', () => {
  for (const spin of [0, 200]) {
    it(`${spin === 0 ? 'sleeping only' : 'spinning (200 µs) then sleeping'}: 20,000 round trips all come back, in order`, async () => {
      const c = await echo(spin);
      let sum = 0;
      let x = 1;
      for (let i = 0; i < 20_000; i++) {
        // a pseudo-random pause of 0–1023 polls, so requests land at every point of the worker's loop
        x = (x * 1103515245 + 12345) & 0x7fffffff;
        for (let k = 0, n = x & 0x3ff; k < n; k++) void Atomics.load(c.ctrl, 7);
        // an empty frame most of the time, a payload now and then (like epochs)
        c.request({ op: 1, a: i, b: -i, ...(i % 97 === 0 ? { payload: { i, text: '弹幕' } } : {}) });
        const f = c.response();
        expect(f.a).toBe(i + 1);
        if (f.b !== 1 - i) throw new Error(`trip ${i}: b = ${f.b}`);
        if (i % 97 === 0) expect(f.payload).toEqual({ i, text: '弹幕' });
        else if (f.payload !== undefined) throw new Error(`trip ${i}: unexpected payload`);
        sum += f.a;
      }
      expect(sum).toBe((20_000 * 20_001) / 2);
    }, 60_000);
  }

  it('grows its buffer for a payload larger than it', async () => {
    const c = await echo(undefined, 64);
    const big = { items: Array.from({ length: 20_000 }, (_, i) => ({ i, s: `v${i}·` })) };
    c.request({ op: 1, a: 0, b: 0, payload: big });
    expect(c.response().payload).toEqual(big);
    c.request({ op: 1, a: 1, b: 0 });
    expect(c.response()).toEqual({ op: 1, a: 2, b: 1 });
  }, 30_000);

  it('a failure in the worker is thrown on the main thread, and the channel stays usable', async () => {
    const c = await echo();
    c.request({ op: 2, a: 0, b: 0 });
    expect(() => c.response()).toThrow(ChannelError);
    c.request({ op: 1, a: 41, b: 0 });
    expect(c.response().a).toBe(42);
  }, 30_000);

  for (const spin of [0, 200]) {
    it(`a worker that exits while the main thread waits is an error, not a hang (${spin === 0 ? 'sleeping' : 'spinning'})`, async () => {
      const c = await echo(spin);
      c.request({ op: 1, a: 0, b: 0 });
      c.response();
      c.request({ op: 3, a: 0, b: 0 });
      const t0 = Date.now();
      // alive() never says no: only the worker's exit handler can end this wait
      expect(() => c.response(() => true, 60_000)).toThrow(/exited \(code 7\)/);
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(() => c.request({ op: 1, a: 0, b: 0 })).toThrow(/exited/);
    }, 30_000);
  }

  it('after a worker has answered and gone, the next request fails at once', async () => {
    const c = await echo();
    c.request({ op: 4, a: 0, b: 0 }); // answered, then the thread ends
    expect(c.response().a).toBe(1);
    const w = started.at(-1)!;
    await new Promise((resolve) => (w.threadId === -1 ? resolve(null) : w.once('exit', resolve)));
    expect(() => c.request({ op: 1, a: 0, b: 0 })).toThrow(/exited/);
  }, 30_000);
});
