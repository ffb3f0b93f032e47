import { composeReport, ReportHeading } from './document';
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
