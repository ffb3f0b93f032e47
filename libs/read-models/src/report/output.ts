import type { ReportConfig } from '@xb/config';
import { composeReport, ReportHeading } from './document';
import type { FigureRow } from './figures';
import { Cutoff, localDay, parseReportPeriod, ReportPeriod } from './period';
import { buildReport } from './report';
import type { Language } from './labels';
import { renderCsv, renderJson, renderMarkdown, ReportFormat } from './render';
import { renderPdf } from './render-pdf';
import type { ReportData } from './report';

export interface ReportOutputOptions {
  readonly format: ReportFormat;
  readonly language: Language;
  readonly heading: ReportHeading;
  /** Where the PDF's fonts are (XB_REPORT_FONT_DIR). */
  readonly fontDir: string;
}

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
};

/** A report in the asked format and language: the one rendering path of the auditor's tool and the API. */
export async function reportOutput(data: ReportData, options: ReportOutputOptions): Promise<Buffer> {
  switch (options.format) {
    case 'json':
      return Buffer.from(renderJson(data));
    case 'csv':
      return Buffer.from(renderCsv(data));
    case 'md':
      return Buffer.from(
        renderMarkdown(composeReport(data, options.heading, options.language), options.language),
      );
    case 'pdf':
      return renderPdf(composeReport(data, options.heading, options.language), options.fontDir);
  }
}

/** What a reader asks for: a period text and, optionally, the convention, language, format and number. */
export interface ReportRequest {
  readonly period: string;
  readonly cutoff?: Cutoff;
  readonly language?: Language;
  readonly format?: ReportFormat;
  readonly number?: string;
}

/**
 * A report as asked, from a source of figure rows (the read models' SQL or the event store's replay)
 * and the node's report settings, issued on the local date of `now`. Throws `PeriodError` for a bad
 * period and `ReportFontError` when the PDF's fonts are missing; each caller says them its own way.
 */
export async function makeReport(
  request: ReportRequest,
  settings: ReportConfig,
  now: Date,
  source: ReportData['source'],
  figuresOf: (period: ReportPeriod) => Promise<readonly FigureRow[]> | readonly FigureRow[],
): Promise<{ period: ReportPeriod; format: ReportFormat; body: Buffer }> {
  const cutoff = request.cutoff ?? (settings.reportCutoff as Cutoff);
  const period = parseReportPeriod(request.period, settings.timeZone, cutoff);
  const data = buildReport(await figuresOf(period), period, settings.reportTargets, source);
  const format = request.format ?? 'json';
  const body = await reportOutput(data, {
    format,
    language: request.language ?? 'vi',
    fontDir: settings.reportFontDir,
    heading: {
      issuer: settings.reportIssuer,
      ...(request.number ? { number: request.number } : {}),
      ...(settings.reportPlace ? { place: settings.reportPlace } : {}),
      issuedOn: localDay(now.toISOString(), settings.timeZone),
    },
  });
  return { period, format, body };
}
