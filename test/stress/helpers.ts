// Test helpers for the stress runtime: an in-process server for the stress scenario (ephemeral port) and
// a small WebSocket client that records every frame and waits for the one a test expects.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { decodeDown, framesOf, startServer, type DownFrame, type RunningServer, type ServerOptions } from '../../engine/server/index.ts';
import type { HostUp, ViewerUp } from '../../engine/protocol.ts';
import { loadScenario } from '../../scenarios/schema/index.ts';
import { buildWorld, type StressWorld } from '../../runner/stress/world.ts';

export const STRESS_SCENARIO = fileURLToPath(new URL('../../runner/stress/stress.yaml', import.meta.url));
export const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

let world: StressWorld | null = null;
export function stressWorld(): StressWorld {
  return (world ??= buildWorld(loadScenario(readFileSync(STRESS_SCENARIO, 'utf8'), STRESS_SCENARIO)));
}

export function testServer(opts: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const w = stressWorld();
  return startServer({ port: 0, stack: w.stack, timeline: w.timeline, webDir: WEB_DIR, ...opts });
}

export class TestClient {
  readonly frames: DownFrame[] = [];
  readonly ws: WebSocket;
  private waiters: { pred: (f: DownFrame) => boolean; resolve: (f: DownFrame) => void }[] = [];
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(url: string, token: string) {
    this.ws = new WebSocket(`${url.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(token)}`, { perMessageDeflate: false });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => this.ws.once('close', (code) => resolve(code)));
    this.ws.on('error', () => {});
    this.ws.on('message', (d: Buffer) => {
      const whole = decodeDown(d.toString('utf8'));
      if (whole === null) return;
      for (const f of framesOf(whole)) {
        this.frames.push(f);
        this.waiters = this.waiters.filter((w) => {
          if (!w.pred(f)) return true;
          w.resolve(f);
          return false;
        });
      }
    });
  }

  send(m: ViewerUp | HostUp | { type: 'ping' }): void {
    this.ws.send(JSON.stringify({ m, t: Date.now(), w: Date.now() }));
  }

  raw(data: string | Buffer, binary = false): void {
    this.ws.send(data, { binary });
  }

  /** the first frame (already received or to come) whose message matches */
  waitFor(pred: (f: DownFrame) => boolean, timeoutMs = 10_000, what = 'a frame'): Promise<DownFrame> {
    const have = this.frames.find(pred);
    if (have) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (f) => {
          clearTimeout(t);
          resolve(f);
        },
      });
    });
  }

  /** waits for the next frame of a type (received after this call) */
  next(type: string, timeoutMs = 10_000): Promise<DownFrame> {
    const seen = this.frames.length;
    return this.waitFor((f) => f.m.type === type && this.frames.indexOf(f) >= seen, timeoutMs, type);
  }

  count(type: string): number {
    return this.frames.filter((f) => f.m.type === type).length;
  }

  close(): void {
    this.ws.terminate();
  }
}

export async function viewer(srv: RunningServer, id: number, join = true): Promise<TestClient> {
  const c = new TestClient(srv.url, srv.viewerToken(id));
  await c.opened;
  if (join) c.send({ type: 'room.join', viewer: id, network: 'wifi', follower: false });
  return c;
}

export async function host(srv: RunningServer): Promise<TestClient> {
  const c = new TestClient(srv.url, srv.hostToken);
  await c.opened;
  return c;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function firstSku(): { id: string; price: number } {
  const k = stressWorld().catalog.skus[0]!;
  return { id: k.id, price: k.price };
}
