import { ReportDocument, ReportTable } from './document';
import { LABELS, Language } from './labels';
import type { ReportData } from './report';

export type ReportFormat = 'md' | 'csv' | 'json' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'csv', 'json', 'pdf'];

const cell = (value: string | number) => String(value).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const markdownTable = (table: ReportTable, none: string): string[] =>
  table.rows.length === 0
    ? [none]
    : [
        `| ${table.head.map(cell).join(' | ')} |`,
        `| ${table.head.map(() => '---').join(' | ')} |`,
        ...table.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ];

/** Markdown in the office's layout: issuing body and number, place and date, title, numbered sections. */
export function renderMarkdown(doc: ReportDocument, language: Language): string {
  const none = LABELS[language].none;
  return [
    `**${doc.issuer}**  `,
    `${doc.number}`,
    '',
    `*${doc.placeAndDate}*`,
    '',
    `# ${doc.title}`,
    '',
    `**${doc.subtitle}**`,
    '',
    doc.recipient,
    '',
    ...doc.intro.flatMap((line) => [line, '']),
    ...doc.sections.flatMap((section, n) => [
      `## ${n + 1}. ${section.title}`,
      '',
      ...section.paragraphs.flatMap((p) => [p]),
      ...(section.paragraphs.length > 0 ? [''] : []),
      ...section.tables.flatMap((table) => [
        ...(table.caption ? [`*${table.caption}*`, ''] : []),
        ...markdownTable(table, none),
        '',
      ]),
    ]),
  ].join('\n');
}

const csvField = (value: string | number): string => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * CSV in long form, one figure row per line with every dimension, then the indicators: a spreadsheet
 * pivots it whatever the counterparts and gates. Codes, not labels, so both languages read the same.
 */
export function renderCsv(data: ReportData): string {
  const lines: (string | number)[][] = [
    ['period', 'figure', 'window', 'by', 'counterpart', 'border_gate', 'sex', 'age_group', 'detail', 'value'],
    ...data.figures.map((r) => [
      data.period.label,
      r.fact,
      r.window,
      r.by,
      r.counterpart,
      r.borderGate,
      r.sex,
      r.ageGroup,
      r.detail,
      r.value,
    ]),
    ...data.indicators.flatMap((i) => [
      [
        data.period.label,
        `indicator.${i.id}.done`,
        'during',
        '',
        '',
        '',
        '',
        '',
        i.met === null ? '' : i.met ? 'met' : 'not_met',
        i.done,
      ],
      [
        data.period.label,
        `indicator.${i.id}.due`,
        'during',
        '',
        '',
        '',
        '',
        '',
        i.target ? `${i.target.op}${i.target.percent}` : '',
        i.due,
      ],
    ]),
  ];
  return lines.map((l) => l.map(csvField).join(',')).join('\n') + '\n';
}

export const renderJson = (data: ReportData): string => JSON.stringify(data, null, 2);
