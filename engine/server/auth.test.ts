import { describe, expect, it } from 'vitest';
import { hostToken, newSecret, signToken, verifyToken, viewerToken } from './auth.ts';

describe('join tokens', () => {
  const secret = newSecret();
  const now = 1_700_000_000_000;

  it('round-trips viewer and host claims', () => {
    expect(verifyToken(secret, viewerToken(secret, 42, now), now)).toEqual({ role: 'viewer', viewer: 42, exp: now + 86_400_000 });
    expect(verifyToken(secret, hostToken(secret, now), now)).toMatchObject({ role: 'host', viewer: -1 });
  });

  it('rejects another secret, a changed claim, an expired token, bad shapes and impossible claims', () => {
    const t = viewerToken(secret, 42, now);
    expect(verifyToken(newSecret(), t, now)).toBeNull();
    const [, sig] = t.split('.');
    const forged = `${Buffer.from(JSON.stringify({ role: 'viewer', viewer: 43, exp: now + 1000 })).toString('base64url')}.${sig}`;
    expect(verifyToken(secret, forged, now)).toBeNull();
    expect(verifyToken(secret, t, now + 86_400_001)).toBeNull();
    for (const bad of ['', '.', 'a.b.c', 'x'.repeat(2000), `${t}x`]) expect(verifyToken(secret, bad, now)).toBeNull();
    expect(verifyToken(secret, signToken(secret, { role: 'viewer', viewer: -5, exp: now + 1 }), now)).toBeNull();
    expect(verifyToken(secret, signToken(secret, { role: 'admin' as never, viewer: 1, exp: now + 1 }), now)).toBeNull();
    expect(verifyToken(secret, signToken(secret, { role: 'viewer', viewer: 1.5, exp: now + 1 }), now)).toBeNull();
  });
});
