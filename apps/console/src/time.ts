/**
 * Formatters made once per language, zone and kind: making one costs far more than using it (ICU loads
 * the locale's and zone's data), and a board formats a hundred dates or more per page.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, timeZone: string, dateOnly: boolean): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${dateOnly}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(
      language,
      dateOnly
        ? { dateStyle: 'medium', timeZone: 'UTC' }
        : { dateStyle: 'medium', timeStyle: 'short', timeZone },
    );
    formatters.set(key, made);
  }
  return made;
}

/** Dates in the node's time zone, whatever the browser's. */
export function formatTime(iso: string | null | undefined, language: string, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(language, timeZone, /^\d{4}-\d{2}-\d{2}$/.test(iso)).format(date);
}

const partsIn = (ms: number, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
};

/** An ISO instant as a `datetime-local` value in the zone. */
export const toZonedInput = (iso: string, timeZone: string) => partsIn(Date.parse(iso), timeZone);

/** A `datetime-local` value (with or without seconds) read in the zone, as an ISO instant (two passes settle a DST edge). */
export function fromZonedInput(local: string, timeZone: string): string {
  const wall = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - (Date.parse(`${partsIn(guess, timeZone)}Z`) - guess);
  return new Date(guess).toISOString();
}
