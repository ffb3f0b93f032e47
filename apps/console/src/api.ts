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

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
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
  if (response.status === 204) return undefined as T;
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
  return body as T;
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

export interface Officer {
  readonly id: string;
  readonly agency: string;
  readonly roles: readonly string[];
  readonly displayName: string;
}

export interface ConsoleSettings {
  readonly agencyId: string;
  readonly timeZone: string;
  readonly defaultLanguage: string;
  readonly signIn: readonly string[];
}

export interface CommandView {
  readonly resource: string;
  readonly action?: string;
  readonly category: string;
  readonly command: string;
  readonly roles: readonly string[];
  readonly summary: string;
  readonly example: Record<string, unknown>;
  readonly allowedNow?: boolean;
  readonly permitted?: boolean;
  /** The codes the command's message goes with unless the officer chooses others (none: it sends none). */
  readonly headerCodes?: HeaderCodes;
}

/** A message's handling code (who it may go on to, its use as evidence) and its grading. */
export interface HandlingCode {
  readonly dissemination: string;
  readonly evidentialUse: string;
  readonly conditions?: string;
}
export interface Evaluation {
  readonly source?: string;
  readonly information?: string;
}
export interface HeaderCodes {
  readonly handling: HandlingCode;
  readonly evaluation?: Evaluation;
}

export interface TimelineEntry {
  readonly position: string;
  readonly at: string;
  readonly actor: string;
  readonly type: string;
  readonly line: string;
  readonly messageId?: string;
  readonly direction?: 'out' | 'in';
  readonly handling?: HandlingCode;
  readonly evaluation?: Evaluation;
}
