import type { IncomingHttpHeaders } from 'node:http';

/** The console's session cookie: HttpOnly (no script reads it), SameSite=Strict, Secure unless configured off. */
export const SESSION_COOKIE = 'xb_session';
export const CSRF_HEADER = 'x-csrf-token';

export function sessionCookie(token: string, expiresAt: string, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
    `Expires=${new Date(expiresAt).toUTCString()}`,
  ].join('; ');
}

export const clearedSessionCookie = (secure: boolean) =>
  sessionCookie('', new Date(0).toISOString(), secure).replace('Expires=', 'Max-Age=0; Expires=');

/** The session token from the Cookie header, if any. */
export function sessionTokenOf(headers: IncomingHttpHeaders): string | undefined {
  for (const part of (headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.length > 0 && value.join('=')) return value.join('=');
  }
  return undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const isSafeMethod = (method: string | undefined) => SAFE_METHODS.has(method ?? 'GET');

/**
 * Cross-site request forgery, for requests that a cookie authenticates: the Origin (browsers send it on
 * every POST/DELETE) must be this node's own, and a state-changing request must carry the session's CSRF
 * token in X-CSRF-Token (a synchronizer token: kept with the session on the server, handed to the
 * console in the sign-in answer, never in a cookie). SameSite=Strict already keeps the cookie off
 * cross-site requests; these two hold where SameSite does not (older browsers, same-site subdomains).
 */
export function csrfProblem(
  headers: IncomingHttpHeaders,
  method: string | undefined,
  expectedToken?: string,
): string | undefined {
  const origin = headers.origin;
  if (origin !== undefined && origin !== 'null') {
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== headers.host) return `Origin ${origin.slice(0, 100)} is not this node`;
  } else if (origin === 'null') return 'Origin null is not this node';
  if (isSafeMethod(method) || expectedToken === undefined) return undefined;
  const given = headers[CSRF_HEADER];
  return given === expectedToken ? undefined : `${CSRF_HEADER} missing or wrong`;
}
