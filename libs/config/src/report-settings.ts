import { timeZoneSetting } from './local-time';
import { failure, parsers, Setting } from './settings';

/** The plan's indicators (chỉ tiêu) the reports compute, by id. */
export const INDICATOR_IDS = [
  'tips_classified',
  'tips_processed',
  'verification_answers_on_time',
  'victims_supported',
  'identified_victims_supported',
  'action_items_done_on_time',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** A target: the indicator's share, in percent, must be at least (`>=`) or above (`>`) `percent`. */
export interface IndicatorTarget {
  readonly op: '>=' | '>';
  readonly percent: number;
}
/** Targets for every plan year (`all`), overridden per indicator for given years. */
export interface IndicatorTargets {
  readonly all: Partial<Record<IndicatorId, IndicatorTarget>>;
  readonly byYear: Readonly<Record<number, Partial<Record<IndicatorId, IndicatorTarget>>>>;
}

/** The targets in force for a plan year. */
export const targetsFor = (targets: IndicatorTargets, year: number) => ({
  ...targets.all,
  ...(targets.byYear[year] ?? {}),
});

const TARGET = /^([a-z_]+)(>=|>)(\d{1,3}(?:\.\d+)?)$/;
const EXPECTED_TARGETS = `groups "[YYYY:]indicator>=N,indicator>N" separated by ";", indicators ${INDICATOR_IDS.join(', ')}, N a percentage`;

/** Parses `tips_processed>90,tips_classified>=100;2027:tips_processed>=95`. */
export function parseIndicatorTargets(raw: string): IndicatorTargets | ReturnType<typeof failure> {
  const all: Partial<Record<IndicatorId, IndicatorTarget>> = {};
  const byYear: Record<number, Partial<Record<IndicatorId, IndicatorTarget>>> = {};
  for (const group of raw.split(';').map((g) => g.trim())) {
    const year = /^(\d{4}):(.*)$/.exec(group);
    const into = year ? (byYear[Number(year[1])] ??= {}) : all;
    for (const item of (year ? year[2] : group).split(',').map((i) => i.trim())) {
      const match = TARGET.exec(item);
      if (!match || !(INDICATOR_IDS as readonly string[]).includes(match[1]) || Number(match[3]) > 100)
        return failure(EXPECTED_TARGETS);
      into[match[1] as IndicatorId] = { op: match[2] as IndicatorTarget['op'], percent: Number(match[3]) };
    }
  }
  return { all, byYear };
}

const DEFAULT_TARGETS =
  'tips_classified>=100,tips_processed>90,verification_answers_on_time>=100,victims_supported>=100,' +
  'identified_victims_supported>=100,action_items_done_on_time>=100';

const s = <T>(setting: Setting<T>) => setting;

/** Settings of the periodic reports (docs/reports.md), read by the node's API and the auditor's tool. */
export const reportSettings = {
  timeZone: timeZoneSetting,
  reportCutoff: s({
    name: 'XB_REPORT_CUTOFF',
    description:
      'Default period convention of reports: calendar, or statutory (from the 15th of the month before the period to the 14th of its last month)',
    defaultText: 'calendar',
    parse: parsers.oneOf('calendar', 'statutory'),
    fallback: () => 'calendar',
  }),
  reportTargets: s({
    name: 'XB_REPORT_TARGETS',
    description:
      "Targets of the plan's indicators, for every year and per plan year (`[YYYY:]indicator>=N,...;...`, docs/reports.md)",
    defaultText: DEFAULT_TARGETS,
    parse: parseIndicatorTargets,
    fallback: () => DEFAULT_TARGETS,
  }),
  reportIssuer: s({
    name: 'XB_REPORT_ISSUER',
    description: 'Issuing body named at the head of reports',
    defaultText: '<agency id>',
    parse: parsers.text,
    fallback: (env) => env.XB_AGENCY_ID ?? 'VN.BGC.LAICHAU',
  }),
  reportPlace: s({
    name: 'XB_REPORT_PLACE',
    description: 'Place named beside the date of reports (e.g. Lai Châu)',
    defaultText: '(none)',
    optional: true,
    parse: parsers.text,
  }),
  reportFontDir: s({
    name: 'XB_REPORT_FONT_DIR',
    description: 'Directory of the DejaVu Serif fonts (regular and bold TTF) the PDF reports are set in',
    defaultText: '/usr/share/fonts/truetype/dejavu',
    parse: parsers.text,
    fallback: () => '/usr/share/fonts/truetype/dejavu',
  }),
};

type Parsed<T> = T extends Setting<infer V> ? V : never;
/** The report settings as loaded (`loadConfig(reportSettings, env)`). */
export type ReportConfig = {
  [K in keyof typeof reportSettings]: (typeof reportSettings)[K] extends { optional: true }
    ? Parsed<(typeof reportSettings)[K]> | undefined
    : Exclude<Parsed<(typeof reportSettings)[K]>, ReturnType<typeof failure>>;
};
