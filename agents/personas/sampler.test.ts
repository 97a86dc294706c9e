import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INTEREST_SIZE } from './categories.ts';
import { DEFAULT_PERSONA_CONFIG, type PersonaConfig } from './config.ts';
import { PersonaSampler } from './sampler.ts';

const numeric = (p: ReturnType<PersonaSampler['persona']>) => ({ ...p, name: '', region: '', city: '', interests: Array.from(p.interests) });

describe('PersonaSampler', () => {
  it('gives the same persona for the same (seed, viewer), whatever was sampled before (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.nat(1e7), fc.array(fc.nat(1e7), { maxLength: 5 }), (seed, viewer, others) => {
        const a = new PersonaSampler(seed);
        const b = new PersonaSampler(seed);
        for (const o of others) b.persona(o); // other viewers in between change nothing
        const pa = a.persona(viewer), pb = b.persona(viewer);
        expect({ ...pb, interests: Array.from(pb.interests) }).toEqual({ ...pa, interests: Array.from(pa.interests) });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps behaviour traits identical when identity (faker) is switched off', () => {
    const withNames = new PersonaSampler(5);
    const without = new PersonaSampler(5, { ...DEFAULT_PERSONA_CONFIG, identity: false });
    for (let v = 0; v < 200; v++) expect(numeric(without.persona(v))).toEqual(numeric(withNames.persona(v)));
  });

  it('gives different viewers and different seeds different personas', () => {
    const s = new PersonaSampler(1);
    expect(numeric(s.persona(1))).not.toEqual(numeric(s.persona(2)));
    expect(numeric(new PersonaSampler(2).persona(1))).not.toEqual(numeric(s.persona(1)));
  });

  it('fills every field within its range', () => {
    const s = new PersonaSampler(9);
    for (let v = 0; v < 300; v++) {
      const p = s.persona(v);
      expect(p.interests).toHaveLength(INTEREST_SIZE);
      for (const x of p.interests) expect(Math.abs(x)).toBeLessThanOrEqual(1);
      expect(p.budgetMonthly).toBeGreaterThan(0);
      expect(p.priceSensitivity).toBeGreaterThan(0);
      expect(p.decisionCycle).toBeGreaterThan(0);
      expect(p.decisionCycle).toBeLessThan(1);
      expect(p.chattiness).toBeGreaterThan(0);
      expect(p.stayMinutes).toBeGreaterThan(0);
      expect(p.name.length).toBeGreaterThan(0);
      if (p.device === 'desktop') expect(p.network).toBe('wifi');
      if (p.lang === 'zh') expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
    }
  });

  it('follows the configured mix (weights) within sampling error', () => {
    const cfg: PersonaConfig = {
      ...DEFAULT_PERSONA_CONFIG,
      identity: false,
      segments: [
        { ...DEFAULT_PERSONA_CONFIG.segments[0]!, name: 'a', weight: 3 },
        { ...DEFAULT_PERSONA_CONFIG.segments[1]!, name: 'b', weight: 1, followerShare: 1 },
      ],
    };
    const s = new PersonaSampler(3, cfg);
    const n = 8000;
    let a = 0, followersB = 0, b = 0;
    for (let v = 0; v < n; v++) {
      const p = s.persona(v);
      if (p.segment === 'a') a++;
      else (b++, (followersB += p.follower ? 1 : 0));
    }
    expect(a / n).toBeCloseTo(0.75, 1); // ± 0.05; binomial sd is 0.005
    expect(followersB).toBe(b);
  });

  it('shifts interests by the segment bias (beauty fans like lipstick more than lurkers do)', () => {
    const s = new PersonaSampler(11, { ...DEFAULT_PERSONA_CONFIG, identity: false });
    const mean = (seg: string) => {
      let sum = 0, k = 0;
      for (let v = 0; v < 6000; v++) {
        const p = s.persona(v);
        if (p.segment === seg) (sum += p.interests[0]!), k++;
      }
      return sum / k;
    };
    expect(mean('beauty-fan') - mean('lurker')).toBeGreaterThan(0.4);
  });

  it('makes weak networks commoner in small towns (tier 5) than in tier-1 cities', () => {
    const s = new PersonaSampler(13, { ...DEFAULT_PERSONA_CONFIG, identity: false });
    const weak = [0, 0], all = [0, 0];
    for (let v = 0; v < 20000; v++) {
      const p = s.persona(v);
      const k = p.cityTier === 1 ? 0 : p.cityTier === 5 ? 1 : -1;
      if (k < 0) continue;
      all[k]!++;
      if (p.network === 'weak-4g' || p.network === '3g') weak[k]!++;
    }
    expect(weak[1]! / all[1]!).toBeGreaterThan(weak[0]! / all[0]!);
  });

  it('refuses a bad config, naming every problem', () => {
    const bad = { ...DEFAULT_PERSONA_CONFIG, zhShare: 2, segments: [{ ...DEFAULT_PERSONA_CONFIG.segments[0]!, interestBias: { nope: 1 } as never }] };
    expect(() => new PersonaSampler(1, bad)).toThrow(/personas\.zhShare: expected a share in \[0, 1\], got 2[\s\S]*interestBias\.nope/);
  });
});
