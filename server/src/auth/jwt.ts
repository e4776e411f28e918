/**
 * JSON Web Tokens, HS256 only (RFC 7519 / 7515), with node:crypto. The header is fixed, so
 * a token claiming another algorithm (or "none") never verifies.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What Gridwarden puts in a token: the user id as `sub`; role and scope are read fresh from the database. */
export interface TokenClaims {
  sub: string;
  iat: number;
  exp: number;
}

/** Why a token was refused, in words a user can act on. */
export class TokenError extends Error {}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function sign(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

/** A token for user `sub`, valid `ttlSeconds` from `now` (ms). */
export function signToken(
  sub: string,
  secret: string,
  ttlSeconds: number,
  now = Date.now(),
): string {
  const iat = Math.floor(now / 1000);
  const payload = base64url(JSON.stringify({ sub, iat, exp: iat + ttlSeconds }));
  const input = `${HEADER}.${payload}`;
  return `${input}.${sign(input, secret).toString('base64url')}`;
}

/** The claims of a valid, unexpired token signed with `secret`; TokenError otherwise. */
export function verifyToken(token: string, secret: string, now = Date.now()): TokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3)
    throw new TokenError('the token is not a JWT (expected three dot-separated parts)');
  const [header, payload, signature] = parts;
  if (header !== HEADER) {
    let alg: unknown;
    try {
      alg = (JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: unknown })
        .alg;
    } catch {
      throw new TokenError('the token header is not valid JSON');
    }
    throw new TokenError(
      `the token must be signed with HS256; it names ${JSON.stringify(alg ?? null)}`,
    );
  }
  const expected = sign(`${header}.${payload}`, secret);
  const actual = Buffer.from(signature, 'base64url');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new TokenError(
      'the token signature is invalid (it was not issued by this server, or was altered)',
    );
  }
  let claims: Partial<TokenClaims>;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<TokenClaims>;
  } catch {
    throw new TokenError('the token payload is not valid JSON');
  }
  if (
    typeof claims.sub !== 'string' ||
    !Number.isInteger(claims.exp) ||
    !Number.isInteger(claims.iat)
  ) {
    throw new TokenError('the token lacks its subject or expiry');
  }
  const nowSeconds = Math.floor(now / 1000);
  if (nowSeconds >= (claims.exp as number)) {
    const at = new Date((claims.exp as number) * 1000).toISOString();
    throw new TokenError(`the token expired at ${at}; log in again`);
  }
  return claims as TokenClaims;
}
