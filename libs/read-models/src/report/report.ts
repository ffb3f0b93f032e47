import type { IndicatorTargets } from '@xb/config';
import { FigureRow } from './figures';
import { indicatorResults, IndicatorResult } from './indicators';
import type { ReportPeriod } from './period';

/**
 * The figures the reports of the standing office ask for that no process records yet, each with the
 * reason (docs/reports.md). They become figure rows of their own when their processes exist.
 */
export const NOT_COMPUTED = [
  'form_of_exploitation',
  'how_victims_returned',
  'cases_prosecuted_share',
  'victims_protected_on_request_share',
] as const;
export type NotComputedId = (typeof NOT_COMPUTED)[number];

/** A report, language-neutral: what the JSON output is and every rendering is made from. */
export interface ReportData {
  readonly period: ReportPeriod;
  /** Which source the figures were computed from. */
  readonly source: 'event_store' | 'read_models';
  readonly figures: readonly FigureRow[];
  readonly indicators: readonly IndicatorResult[];
  readonly notComputed: readonly NotComputedId[];
}

/** The report of a period from its figure rows; the plan year is the year of the period's last day. */
export function buildReport(
  figures: readonly FigureRow[],
  period: ReportPeriod,
  targets: IndicatorTargets,
  source: ReportData['source'],
): ReportData {
  const planYear = Number(period.lastDay.slice(0, 4));
  return {
    period,
    source,
    figures,
    indicators: indicatorResults(figures, targets, planYear),
    notComputed: [...NOT_COMPUTED],
  };
}
