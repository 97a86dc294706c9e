import { describe, expect, it } from 'vitest';
import { InputError, formatProblem } from '../engine/kernel/index.ts';
import { PROFILE_NAMES, editDistance, getProfile, lookupProfile, profileProblem, suggestProfiles } from './registry.ts';

describe('profile registry', () => {
  it('builds every listed profile under its own name', () => {
    for (const name of PROFILE_NAMES) expect(getProfile(name).name).toBe(name);
  });

  it.each([
    { name: 'fast-5g', near: 'fast-4g', reason: 'one character off' },
    { name: 'Fast-4G', near: 'fast-4g', reason: 'case is ignored' },
    { name: 'mmsys20-cascde', near: 'mmsys20-cascade', reason: 'a dropped letter' },
    { name: 'weak4g', near: 'weak-4g', reason: 'a missing dash' },
  ])("'$name' suggests '$near' ($reason)", ({ name, near }) => {
    expect(suggestProfiles(name)[0]).toBe(near);
  });

  it('says nothing when no name is close', () => {
    expect(suggestProfiles('satellite-geo-uplink')).toEqual([]);
    expect(profileProblem('satellite-geo-uplink', 'audience.network')?.hint).toBeUndefined();
  });

  it('throws an InputError naming the value, the expectation and the closest name', () => {
    let err: unknown;
    try {
      lookupProfile('fast-5g', 'network.profile');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect(formatProblem((err as InputError).problems[0]!)).toBe(
      `network.profile: expected a network profile name (livelab profiles list), got "fast-5g" (did you mean 'fast-4g'?)`,
    );
  });

  it('edit distance counts inserts, deletes and substitutions, ignores case, and ranks near digits closer', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('SAME', 'same')).toBe(0);
    expect(editDistance('fast-5g', 'fast-4g')).toBeLessThan(editDistance('fast-5g', 'fast-3g'));
    expect(editDistance('fast-3g', 'fast-4g')).toBeLessThan(editDistance('fast-4g', 'fast-xg'));
  });
});
