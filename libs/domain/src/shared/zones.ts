/**
 * Each side's local time. Hand-overs are agreed in each side's own time (China UTC+8, Vietnam and Laos
 * UTC+7), so the zone is a property of the agency's country, read from the agency id's first two
 * letters. A fixed table, not the runtime's time-zone database (the domain uses no Intl: its verdicts
 * must not depend on the machine): none of these countries observes daylight saving time, so one
 * offset per zone is exact. A country missing here is shown in UTC until it is added.
 */
import { instant } from './values';

export interface AgencyZone {
  /** IANA name, for people and tools (`Asia/Shanghai`). */
  readonly zone: string;
  /** Minutes east of UTC (no daylight saving time in these zones). */
  readonly utcOffsetMinutes: number;
}

export const AGENCY_ZONES: Readonly<Record<string, AgencyZone>> = {
  VN: { zone: 'Asia/Ho_Chi_Minh', utcOffsetMinutes: 420 },
  CN: { zone: 'Asia/Shanghai', utcOffsetMinutes: 480 },
  LA: { zone: 'Asia/Vientiane', utcOffsetMinutes: 420 },
};

const UTC: AgencyZone = { zone: 'UTC', utcOffsetMinutes: 0 };

/** The zone of an agency (by its country code), UTC for a country the table does not know. */
export const zoneOf = (agencyId: string): AgencyZone => AGENCY_ZONES[agencyId.slice(0, 2)] ?? UTC;

/** One side's local time of an instant. */
export interface LocalTime {
  readonly agency: string;
  readonly zone: string;
  /** `YYYY-MM-DDTHH:MM:SS+HH:MM`, the wall-clock time on that side with its offset. */
  readonly local: string;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `+08:00` for 480 minutes. */
export const offsetText = (minutes: number): string =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

/** The wall-clock time of `isoDateTime` on `agencyId`'s side. */
export const localTimeOf = (isoDateTime: string, agencyId: string): LocalTime => {
  const { zone, utcOffsetMinutes } = zoneOf(agencyId);
  const wall = new Date(instant(isoDateTime) + utcOffsetMinutes * 60_000).toISOString().slice(0, 19);
  return { agency: agencyId, zone, local: `${wall}${offsetText(utcOffsetMinutes)}` };
};

/** The UTC instant (ISO, seconds, `Z`) of a gate-local `date` + `HH:MM` on `agencyId`'s side. */
export const instantOfLocal = (date: string, time: string, agencyId: string): string =>
  new Date(Date.parse(`${date}T${time}:00Z`) - zoneOf(agencyId).utcOffsetMinutes * 60_000)
    .toISOString()
    .replace('.000Z', 'Z');

/** `2026-12-03 10:00 Asia/Shanghai / 2026-12-03 09:00 Asia/Ho_Chi_Minh`. */
export const localTimesLine = (times: readonly LocalTime[]): string =>
  times.map((time) => `${time.local.slice(0, 10)} ${time.local.slice(11, 16)} ${time.zone}`).join(' / ');

/** The same instant in each side's local time, in the order the agencies are given. */
export const localTimesOf = (isoDateTime: string, agencies: readonly string[]): readonly LocalTime[] =>
  agencies.map((agency) => localTimeOf(isoDateTime, agency));

/** Both sides' wall-clock times of one instant, as a timeline line shows them. */
export const bothLocalTimes = (isoDateTime: string, first: string, second: string): string =>
  localTimesLine(localTimesOf(isoDateTime, [first, second]));
