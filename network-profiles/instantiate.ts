// A profile becomes one viewer's LinkTrace: a fixed trace is shared as is (no draws, no allocation);
// a family draws the viewer's own trace from the viewer's RNG stream (5 uniforms, fixed order).
import type { Rng } from '../engine/kernel/index.ts';
import { FamilyTrace } from './trace/index.ts';
import type { LinkTrace, NetworkProfile } from './types.ts';

export function instantiate(profile: NetworkProfile, rng: Rng): LinkTrace {
  return profile.kind === 'trace' ? profile.trace : new FamilyTrace(profile.family, profile.link, rng);
}
