import { describe, expect, it } from 'vitest';
import { shardOfViewer } from './partition.ts';

describe('shardOfViewer', () => {
  it('one shard owns everyone', () => {
    for (let id = 0; id < 100; id++) expect(shardOfViewer(id, 1)).toBe(0);
  });

  it('every viewer has exactly one shard in range; shard 0 (next to the stack) gets the smaller slice', () => {
    for (const shards of [2, 3, 4, 7]) {
      const counts = new Array<number>(shards).fill(0);
      for (let id = 0; id < 16 * 8 * shards; id++) {
        const s = shardOfViewer(id, shards);
        expect(Number.isInteger(s) && s >= 0 && s < shards).toBe(true);
        counts[s]!++;
      }
      const total = 16 * 8 * shards;
      expect(counts[0]! / total).toBeCloseTo(7 / (8 * shards), 10);
      for (let s = 1; s < shards; s++) expect(counts[s]!).toBeGreaterThanOrEqual(counts[0]!);
      // the worker shards within one viewer per round of each other
      expect(Math.max(...counts.slice(1)) - Math.min(...counts.slice(1))).toBeLessThanOrEqual(16);
    }
  });

  it('two shards: 7 of every 16 ids on shard 0', () => {
    expect(Array.from({ length: 16 }, (_, id) => shardOfViewer(id, 2))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });
});
