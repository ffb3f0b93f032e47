import { BadRequestException, ServiceUnavailableException, StreamableFile } from '@nestjs/common';
import { z } from 'zod';
import {
  buildReport,
  CUTOFFS,
  LANGUAGES,
  localDay,
  parseReportPeriod,
  PeriodError,
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  reportFigures,
  reportOutput,
  ReportFontError,
} from '@xb/read-models';
import { parseBody } from '../http/responses';
import type { AgencyNode } from '../runtime/agency-node';

const reportQuery = z.object({
  period: z.string().max(40),
  cutoff: z.enum(CUTOFFS as [string, ...string[]]).optional(),
  lang: z.enum(LANGUAGES as [string, ...string[]]).optional(),
  format: z.enum(REPORT_FORMATS as [string, ...string[]]).optional(),
  number: z.string().max(60).optional(),
});

/**
 * `GET /api/reports/counts`: the periodic report of a period from the read models, as JSON (figure rows
 * by direction, indicators) or rendered (`format=md|csv|pdf`, `lang=vi|en`). The same computation as
 * the auditor's `report`, which replays the event store instead.
 */
export async function periodicReport(node: AgencyNode, query: unknown): Promise<StreamableFile> {
  const asked = parseBody(reportQuery, query);
  const config = node.config;
  let period;
  try {
    period = parseReportPeriod(
      asked.period,
      config.reportTimeZone,
      (asked.cutoff ?? config.reportCutoff) as 'calendar' | 'statutory',
    );
  } catch (error) {
    if (!(error instanceof PeriodError)) throw error;
    throw new BadRequestException({ code: error.code, field: error.field, reason: error.message });
  }
  const figures = await reportFigures(await node.readModels.db(), period);
  const data = buildReport(figures, period, config.reportTargets, 'read_models');
  const format = (asked.format ?? 'json') as keyof typeof REPORT_CONTENT_TYPES;
  const body = await reportOutput(data, {
    format,
    language: (asked.lang ?? 'vi') as 'vi' | 'en',
    fontDir: config.reportFontDir,
    heading: {
      issuer: config.reportIssuer,
      ...(asked.number ? { number: asked.number } : {}),
      ...(config.reportPlace ? { place: config.reportPlace } : {}),
      issuedOn: localDay(node.now().toISOString(), config.reportTimeZone),
    },
  }).catch((error: unknown) => {
    // The node's set-up, not the request, is at fault: named by its setting.
    if (error instanceof ReportFontError)
      throw new ServiceUnavailableException({
        code: error.code,
        field: error.setting,
        reason: error.message,
      });
    throw error;
  });
  return new StreamableFile(body, {
    type: REPORT_CONTENT_TYPES[format],
    disposition: format === 'json' ? undefined : `inline; filename="report-${period.label}.${format}"`,
  });
}
