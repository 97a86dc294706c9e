// Signed join tokens: base64url(JSON claims) "." base64url(HMAC-SHA256(secret, claims part)). The secret is
// per run (random unless the operator passes one, e.g. so that a restarted server accepts the tokens it
// issued before). A viewer token names the one viewer it may act for; only a host token may act as host.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type Role = 'viewer' | 'host';

export interface TokenClaims {
  role: Role;
  /** the viewer the token acts for (-1 for the host) */
  viewer: number;
  /** expiry, ms since the Unix epoch */
  exp: number;
}

const b64 = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

export function signToken(secret: string, claims: TokenClaims): string {
  const body = b64(JSON.stringify(claims));
  return `${body}.${b64(mac(secret, body))}`;
}

/** The claims of a valid, unexpired token, or null (bad shape, bad signature, expired, bad claims). */
export function verifyToken(secret: string, token: string, nowEpochMs: number): TokenClaims | null {
  if (typeof token !== 'string' || token.length > 1024) return null;
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
  const body = token.slice(0, dot);
  const sig = Buffer.from(token.slice(dot + 1), 'base64url');
  const want = mac(secret, body);
  if (sig.length !== want.length || !timingSafeEqual(sig, want)) return null;
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const claims = c as Partial<TokenClaims>;
  if (claims.role !== 'viewer' && claims.role !== 'host') return null;
  if (!Number.isSafeInteger(claims.viewer) || typeof claims.exp !== 'number' || !(claims.exp > nowEpochMs)) return null;
  if (claims.role === 'viewer' && claims.viewer! < 0) return null;
  return { role: claims.role, viewer: claims.viewer!, exp: claims.exp };
}

/** A viewer token valid for `ttlMs` (default 24 h). */
export function viewerToken(secret: string, viewer: number, nowEpochMs: number, ttlMs = 86_400_000): string {
  return signToken(secret, { role: 'viewer', viewer, exp: nowEpochMs + ttlMs });
}

export function hostToken(secret: string, nowEpochMs: number, ttlMs = 86_400_000): string {
  return signToken(secret, { role: 'host', viewer: -1, exp: nowEpochMs + ttlMs });
}
