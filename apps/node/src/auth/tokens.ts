import { errors, jwtVerify, JWTVerifyGetKey, SignJWT } from 'jose';
import { localSigningKey, TOKEN_ALG } from './token-keys';
import { Officer, Role, ROLES } from './roles';

export const TOKEN_ISSUER_DEFAULT = 'xborder-local';
export const TOKEN_AUDIENCE = 'xborder';

export type TokenRefusal = {
  readonly ok: false;
  readonly code: 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED';
  readonly reason: string;
};

/** Verifies a bearer token into the officer it names, or a refusal (401). */
export async function verifyToken(
  token: string | undefined,
  keys: JWTVerifyGetKey,
  issuer: string,
): Promise<{ readonly ok: true; readonly officer: Officer } | TokenRefusal> {
  if (!token) return { ok: false, code: 'TOKEN_MISSING', reason: 'no bearer token' };
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer,
      audience: TOKEN_AUDIENCE,
      algorithms: [TOKEN_ALG, 'RS256', 'ES256'],
    });
    const roles = Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r))
      : [];
    if (typeof payload.sub !== 'string' || typeof payload.agency !== 'string' || roles.length === 0) {
      return { ok: false, code: 'TOKEN_INVALID', reason: 'token lacks sub, agency or a known role' };
    }
    return { ok: true, officer: { id: payload.sub, agency: payload.agency, roles } };
  } catch (error) {
    if (error instanceof errors.JWTExpired)
      return { ok: false, code: 'TOKEN_EXPIRED', reason: 'token expired' };
    return { ok: false, code: 'TOKEN_INVALID', reason: 'token signature or claims invalid' };
  }
}

/** Mints a token with the node's local key (local use and tests; production tokens come from the IdP). */
export async function mintLocalToken(
  localDir: string,
  officer: Officer,
  { issuer = TOKEN_ISSUER_DEFAULT, ttlSeconds = 8 * 3600 }: { issuer?: string; ttlSeconds?: number } = {},
): Promise<string> {
  const { key, kid } = await localSigningKey(localDir);
  return new SignJWT({ agency: officer.agency, roles: [...officer.roles] })
    .setProtectedHeader({ alg: TOKEN_ALG, kid })
    .setSubject(officer.id)
    .setIssuer(issuer)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key);
}
