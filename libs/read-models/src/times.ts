/**
 * Times in the read models are UTC ISO 8601 text with milliseconds (`2026-03-02T01:00:00.000Z`), so that
 * comparing and ordering them as text, which both SQLite and PostgreSQL do alike, compares them as
 * instants. The domain accepts any offset (`2026-03-15T00:00+07:00`), hence the normalisation.
 */
export function utcTime(isoDateTime: string): string {
  const instant = Date.parse(isoDateTime);
  if (Number.isNaN(instant)) throw new Error('read models: not an ISO 8601 date-time');
  return new Date(instant).toISOString();
}

/** `utcTime` of an optional value: null when absent. */
export const utcTimeOrNull = (isoDateTime: string | undefined | null): string | null =>
  isoDateTime ? utcTime(isoDateTime) : null;
