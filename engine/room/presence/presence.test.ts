import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closeAll, createPresence, join, leave, watchedMs } from './presence.ts';

describe('presence', () => {
  it('tracks concurrency, peak and watch time like a plain model', () => {
    const step = fc.record({ viewer: fc.integer({ min: 0, max: 7 }), join: fc.boolean(), dt: fc.integer({ min: 0, max: 5000 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200, size: 'max' }), (steps) => {
        // Arrange
        const p = createPresence();
        const inRoom = new Map<number, number>();
        const total = new Map<number, number>();
        let now = 0;
        let peak = 0;
        // Act
        for (const s of steps) {
          now += s.dt;
          if (s.join) {
            join(p, s.viewer, now);
            if (!inRoom.has(s.viewer)) inRoom.set(s.viewer, now);
            if (!total.has(s.viewer)) total.set(s.viewer, 0);
          } else {
            leave(p, s.viewer, now);
            const since = inRoom.get(s.viewer);
            if (since !== undefined) {
              total.set(s.viewer, total.get(s.viewer)! + now - since);
              inRoom.delete(s.viewer);
            }
          }
          peak = Math.max(peak, inRoom.size);
          // Assert
          expect(p.joinedAt.size).toBe(inRoom.size);
          expect(p.peak).toBe(peak);
        }
        for (const [v, ms] of total) expect(watchedMs(p, v, now + 10)).toBe(ms + (inRoom.has(v) ? now + 10 - inRoom.get(v)! : 0));
        expect(p.watchMs.size).toBe(total.size);
      }),
    );
  });

  it('counts duplicate joins and stray leaves without changing presence', () => {
    const p = createPresence();
    join(p, 1, 0);
    join(p, 1, 100);
    leave(p, 2, 200);
    expect(p.duplicateJoins).toBe(1);
    expect(p.strayLeaves).toBe(1);
    expect(watchedMs(p, 1, 1000)).toBe(1000);
  });

  it('counts sessions under 3 s as negative watches and closes all sessions at the end', () => {
    const p = createPresence();
    join(p, 1, 0);
    join(p, 2, 0);
    leave(p, 1, 2_999);
    expect(p.negativeWatches).toBe(1);
    expect(closeAll(p, 10_000)).toBe(1);
    expect(p.joinedAt.size).toBe(0);
    expect(p.negativeWatches).toBe(1);
    expect(watchedMs(p, 2, 99_999)).toBe(10_000);
  });
});
