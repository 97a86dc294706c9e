import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RngStreams } from '../../engine/kernel/index.ts';
import { getProfile } from '../../network-profiles/index.ts';
import { TimedHeap } from './heap.ts';
import { LinkShaper } from './shaper.ts';
import { parseDuration, parseFaults } from './options.ts';

describe('user-space shaper', () => {
  it('never delivers before half a round trip, keeps frame order, and is deterministic per viewer (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('4g', 'weak-4g', '3g', 'wifi'), fc.nat(1000), fc.array(fc.tuple(fc.nat(500), fc.integer({ min: 1, max: 20_000 })), { minLength: 1, maxLength: 40 }), (name, viewer, frames) => {
        const a = new LinkShaper(getProfile(name as never), new RngStreams(1), viewer);
        const b = new LinkShaper(getProfile(name as never), new RngStreams(1), viewer);
        let t = 0;
        let last = -Infinity;
        for (const [dt, bytes] of frames) {
          t += dt;
          const at = a.down.arrival(t, bytes);
          expect(b.down.arrival(t, bytes)).toBe(at);
          if (at === Infinity) continue;
          expect(at).toBeGreaterThanOrEqual(t);
          expect(at).toBeGreaterThanOrEqual(last);
          last = at;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a 3G uplink takes longer than Wi-Fi for the same frames, and big frames queue behind each other', () => {
    const mean = (name: string) => {
      let s = 0;
      for (let v = 0; v < 200; v++) {
        const l = new LinkShaper(getProfile(name as never), new RngStreams(3), v);
        s += l.up.arrival(10_000, 200) - 10_000;
      }
      return s / 200;
    };
    expect(mean('3g')).toBeGreaterThan(mean('wifi'));
    const l = new LinkShaper(getProfile('3g'), new RngStreams(1), 1);
    const first = l.up.arrival(0, 200_000);
    const second = l.up.arrival(0, 200_000);
    expect(second - first).toBeGreaterThan(100); // 200 KB at ~0.5 Mbit/s up: a second or more each
    expect(l.startupMs(5000, 150_000)).toBeGreaterThan(0);
  });
});

describe('agenda heap', () => {
  it('pops in (time, insertion) order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), (times) => {
        const h = new TimedHeap<number>();
        times.forEach((t, i) => h.push(t, i));
        const out: [number, number][] = [];
        while (h.size > 0) {
          const t = h.peekTime();
          out.push([t, h.pop()]);
        }
        const want = times.map((t, i) => [t, i] as [number, number]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        expect(out).toEqual(want);
      }),
    );
  });
});

describe('stress options', () => {
  it('parses durations and fault lists, naming every bad entry', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('12')).toBe(12_000);
    expect(parseDuration('soon')).toBeNull();
    expect(parseFaults('restart@30s,drop@0.1,flood,malformed@20s', 60_000)).toEqual([
      { kind: 'malformed', atMs: 20_000, ms: 5000 },
      { kind: 'flood', atMs: 24_000, ms: 5000, perSecond: 500 },
      { kind: 'restart', atMs: 30_000 },
      { kind: 'drop', fraction: 0.1, atMs: 36_000 },
    ]);
    expect(() => parseFaults('restart@2m,drop@3,explode', 60_000)).toThrow(/--fault\.0[\s\S]*--fault\.1[\s\S]*--fault\.2/);
  });
});

describe('danmaku frames decoded by their stamps only', () => {
  it('reads the stamps and the send time, whatever the comments say', async () => {
    const { danmakuStamps } = await import('./client.ts');
    const items = [{ viewer: 1, text: 'tricky },"it":[ and ,"s": 包邮吗' }, { viewer: 2, text: '"quoted"' }];
    const frame = `{"m":{"type":"danmaku.batch","items":[${items.map((x) => JSON.stringify(x)).join(',')}]},"it":[[1.5,2.5],[3,4]],"s":1700000000000.25}`;
    expect(JSON.parse(frame).it).toEqual([[1.5, 2.5], [3, 4]]);
    expect(danmakuStamps(Buffer.from(frame))).toEqual({ m: { type: 'danmaku.batch', items: [] }, it: [[1.5, 2.5], [3, 4]], s: 1700000000000.25 });
    expect(danmakuStamps(Buffer.from('{"m":{"type":"danmaku.batch","items":[]}}'))).toBeNull();
  });

  it('a cadence frame with ambient messages after the danmaku: the stamps, and the others decoded', async () => {
    const { danmakuWithAmbient } = await import('./client.ts');
    const items = [{ viewer: 1, text: 'tricky },"it":[ and ,"s": }, 包邮吗' }];
    const dm = `{"m":{"type":"danmaku.batch","items":[${items.map((x) => JSON.stringify(x)).join(',')}]},"it":[[1.5,2.5]],"s":1700000000000.25}`;
    const a1 = '{"m":{"type":"social.purchase","sku":"s-1","count":3},"s":17}';
    const a2 = '{"m":{"type":"social.purchase","sku":"s-2","count":1},"s":18}';
    const frame = `{"b":[${dm},${a1},${a2}]}`;
    const f = danmakuWithAmbient(Buffer.from(frame));
    expect(f?.b).toEqual([{ m: { type: 'danmaku.batch', items: [] }, it: [[1.5, 2.5]], s: 1700000000000.25 }, JSON.parse(a1), JSON.parse(a2)]);
    // what the full decoder sees in the same frame, stamps and messages alike
    expect(JSON.parse(frame).b.map((x: { it?: unknown; m: { type: string } }) => x.it ?? x.m.type)).toEqual([[[1.5, 2.5]], 'social.purchase', 'social.purchase']);
    expect(danmakuWithAmbient(Buffer.from(`{"b":[${dm}]}`))).toBeNull();
    expect(danmakuWithAmbient(Buffer.from(`{"b":[${dm},{"m":`))).toBeNull();
  });
});
