/** The node's HTTP API, same origin. The session cookie goes by itself; the CSRF token goes as a header. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly reason: string,
    /** The fields the refusal names (the API's `field`, or those a domain refusal lists). */
    readonly fields: readonly string[] = [],
  ) {
    super(`${code}: ${reason}`);
  }
}

let csrfToken: string | undefined;
let onSignedOut: () => void = () => undefined;

export const setCsrfToken = (token: string | undefined) => (csrfToken = token);
export const whenSignedOut = (handler: () => void) => (onSignedOut = handler);

/** GETs started before the page that reads them was there (app.tsx), each taken once. */
const prefetched = new Map<string, Promise<unknown>>();

/**
 * Starts reading a path now, for the page that will ask for it once the session is known: the board's
 * first rows need not wait for the session's answer. A failure is forgotten (the page asks again).
 */
export function prefetch(path: string) {
  const early = request(path, {});
  prefetched.set(path, early);
  early.catch(() => prefetched.delete(path));
}

export const forgetPrefetched = () => prefetched.clear();

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const early = (init.method ?? 'GET') === 'GET' ? prefetched.get(path) : undefined;
  prefetched.delete(path);
  return (await (early ?? request(path, init))) as T;
}

async function request(path: string, init: { method?: string; body?: unknown }): Promise<unknown> {
  const method = init.method ?? 'GET';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  if (response.status === 204) return undefined;
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const error = new ApiError(
      response.status,
      String(body.code ?? `HTTP_${response.status}`),
      String(body.reason ?? body.message ?? response.statusText),
      typeof body.field === 'string' ? [body.field] : fieldsOfReason(String(body.reason ?? '')),
    );
    if (response.status === 401 && body.code === 'SESSION_INVALID' && path !== '/api/session') onSignedOut();
    throw error;
  }
  return body;
}

/** Refusals name their fields: `deadline: must lie ahead`, or `invalid or missing: deadline, subject.person`. */
function fieldsOfReason(reason: string): string[] {
  const listed = /^invalid or missing: (.+)$/.exec(reason);
  if (listed) return listed[1].split(', ');
  const prefixed = /^([\w.[\]]+): /.exec(reason);
  return prefixed ? [prefixed[1]] : [];
}

export const query = (params: Record<string, string | boolean | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '' && value !== false) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
};
