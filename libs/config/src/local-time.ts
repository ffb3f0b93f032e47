import { parsers, Setting } from './settings';

const TIME_ZONES: Record<string, string> = {
  VN: 'Asia/Ho_Chi_Minh',
  CN: 'Asia/Shanghai',
  LA: 'Asia/Vientiane',
};
/** The agency's country's time zone (UTC for a country this table does not know). */
export const defaultTimeZone = (agencyId: string) => TIME_ZONES[agencyId.slice(0, 2)] ?? 'UTC';

/**
 * The node's local time, one setting for everything that speaks in it: the console's dates and the
 * reports' periods (a day starts at local midnight).
 */
export const timeZoneSetting: Setting<string> = {
  name: 'XB_TIME_ZONE',
  description:
    "IANA time zone of the node's local time: the console's dates, and the reports' periods (a day starts at local midnight)",
  defaultText: '(by agency: VN Asia/Ho_Chi_Minh, CN Asia/Shanghai, LA Asia/Vientiane)',
  parse: parsers.timeZone,
  fallback: (env) => defaultTimeZone(env.XB_AGENCY_ID ?? 'VN.BGC.LAICHAU'),
};
