/**
 * What may be said of a failure where a record or an event failed (health, metrics, parked events,
 * dead-letter details): its kind, never its message. A message can echo what failed to parse or to
 * store (a JSON parser quotes the text around the fault, a database the value it refused), and a
 * victim's particulars are never to appear outside the protected store (docs/conventions.md). The
 * kind is the error's name, and its code when it has a plain one: `TypeError`, `error 22021`
 * (PostgreSQL: a NUL in text), `Error ECONNREFUSED`.
 */
export function failureKind(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = 'code' in error ? error.code : undefined;
  return typeof code === 'string' && /^[0-9A-Z_]{1,40}$/.test(code) ? `${error.name} ${code}` : error.name;
}
