// The named profiles scenarios may use, as an `as const` list so a name is checked by the type system
// and by `lookupProfile` at load time ("unknown profile 'fast-5g', did you mean 'fast-4g'").
import { InputError, type InputProblem } from '../engine/kernel/index.ts';
import { CHROME_PRESETS, FAMILY_PRESETS, MMSYS20_PRESETS } from './presets/index.ts';
import type { NetworkProfile } from './types.ts';

export const PROFILE_NAMES = [
  'slow-3g',
  'fast-3g',
  'slow-4g',
  'fast-4g',
  'mmsys20-cascade',
  'mmsys20-intra-cascade',
  'mmsys20-spike',
  'mmsys20-slow-jitters',
  'mmsys20-fast-jitters',
  'mmsys20-cascade-fast',
  'mmsys20-intra-cascade-fast',
  'mmsys20-spike-fast',
  'mmsys20-slow-jitters-fast',
  'mmsys20-fast-jitters-fast',
  '4g',
  'weak-4g',
  '3g',
  'wifi',
] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

const BY_NAME: ReadonlyMap<string, NetworkProfile> = new Map(
  [...CHROME_PRESETS, ...MMSYS20_PRESETS, ...FAMILY_PRESETS].map((p) => [p.name, p] as const),
);

export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}

export function getProfile(name: ProfileName): NetworkProfile {
  const p = BY_NAME.get(name);
  if (!p) throw new Error(`registry: profile ${name} is listed but not built`);
  return p;
}

/** Substituting one digit for another is a near miss, the nearer the likelier ('fast-5g' → 'fast-4g'). */
function substitution(x: string, y: string): number {
  if (x === y) return 0;
  const dx = x.charCodeAt(0) - 48, dy = y.charCodeAt(0) - 48;
  return dx >= 0 && dx <= 9 && dy >= 0 && dy <= 9 ? 0.5 + Math.abs(dx - dy) / 20 : 1;
}

/** Levenshtein distance, case-insensitive, with cheaper digit-for-digit substitutions. */
export function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + substitution(a[i - 1]!, b[j - 1]!));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** The closest names within a third of the name's length (at least 2 edits), best first. */
export function suggestProfiles(name: string): ProfileName[] {
  const limit = Math.max(2, Math.floor(name.length / 3));
  return PROFILE_NAMES.map((n) => [n, editDistance(name, n)] as const)
    .filter(([, d]) => d <= limit)
    .sort((x, y) => x[1] - y[1])
    .map(([n]) => n);
}

/** The problem for an unknown name, for callers that collect problems (scenario loader). */
export function profileProblem(name: string, path: string): InputProblem | null {
  if (isProfileName(name)) return null;
  const near = suggestProfiles(name);
  return {
    path,
    value: name,
    expected: 'a network profile name (livelab profiles list)',
    ...(near.length > 0 ? { hint: `did you mean '${near[0]}'?` } : {}),
  };
}

/** The named profile, or an InputError naming the value, the expectation and the closest name. */
export function lookupProfile(name: string, path = 'profile'): NetworkProfile {
  const problem = profileProblem(name, path);
  if (problem) throw new InputError([problem]);
  return getProfile(name as ProfileName);
}
