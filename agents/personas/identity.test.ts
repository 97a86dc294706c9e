import { describe, expect, it } from 'vitest';
import { IdentitySampler } from './identity.ts';
import { NEW_TIER1, TIER1 } from './cities.ts';

describe('IdentitySampler', () => {
  it('reseeds one faker per viewer: same (seed, viewer) → same identity, in any call order', () => {
    const a = new IdentitySampler(42), b = new IdentitySampler(42);
    const first = a.identity(7, 'zh', 'female', 4);
    b.identity(8, 'en', 'male', 1);
    expect(b.identity(7, 'zh', 'female', 4)).toEqual(first);
  });

  it('uses real tier-1 and new-tier-1 cities with their province', () => {
    const s = new IdentitySampler(1);
    for (let v = 0; v < 50; v++) {
      const t1 = s.identity(v, 'zh', 'male', 1);
      expect(TIER1.some(([c, r]) => c === t1.city && r === t1.region)).toBe(true);
      const t2 = s.identity(v, 'zh', 'male', 2);
      expect(NEW_TIER1.some(([c, r]) => c === t2.city && r === t2.region)).toBe(true);
    }
  });

  it('writes English names with a space and Chinese names without', () => {
    const s = new IdentitySampler(3);
    expect(s.identity(1, 'en', 'female', 3).name).toMatch(/^\S+ \S+/);
    expect(s.identity(1, 'zh', 'female', 3).name).not.toMatch(/\s/);
  });
});
