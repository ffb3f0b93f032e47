import { BadRequestException, ServiceUnavailableException, StreamableFile } from '@nestjs/common';
import { z } from 'zod';
import {
  CUTOFFS,
  LANGUAGES,
  makeReport,
  PeriodError,
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  reportFigures,
  ReportFontError,
  type Cutoff,
  type Language,
  type ReportFormat,
} from '@xb/read-models';
import { parseBody } from '../http/responses';
import type { NodeConfig } from '@xb/config';
import type { ReadModels } from '../runtime/read-models';

/** What a report needs of the node: its settings, its clock and its read models. */
export interface ReportSources {
  readonly config: NodeConfig;
  readonly now: Date;
  readonly readModels: ReadModels;
}

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
export async function periodicReport(node: ReportSources, query: unknown): Promise<StreamableFile> {
  const asked = parseBody(reportQuery, query);
  const made = await makeReport(
    {
      period: asked.period,
      ...(asked.cutoff ? { cutoff: asked.cutoff as Cutoff } : {}),
      ...(asked.lang ? { language: asked.lang as Language } : {}),
      ...(asked.format ? { format: asked.format as ReportFormat } : {}),
      ...(asked.number ? { number: asked.number } : {}),
    },
    node.config,
    node.now,
    'read_models',
    async (period) => reportFigures(await node.readModels.db(), period),
  ).catch((error: unknown) => {
    if (error instanceof PeriodError)
      throw new BadRequestException({ code: error.code, field: error.field, reason: error.message });
    // The node's set-up, not the request, is at fault: named by its setting.
    if (error instanceof ReportFontError)
      throw new ServiceUnavailableException({
        code: error.code,
        field: error.setting,
        reason: error.message,
      });
    throw error;
  });
  return new StreamableFile(made.body, {
    type: REPORT_CONTENT_TYPES[made.format],
    disposition:
      made.format === 'json' ? undefined : `inline; filename="report-${made.period.label}.${made.format}"`,
  });
}
