import type { PeriodStatistics } from './tally';

export type ReportFormat = 'md' | 'csv' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['md', 'csv', 'json'];

export function renderStatistics(stats: PeriodStatistics, format: ReportFormat): string {
  if (format === 'json') return JSON.stringify(stats, null, 2);
  return format === 'csv' ? renderCsv(stats) : renderMarkdown(stats);
}

const DIRECTION = { handed_over: 'handed over', received: 'received' } as const;
const sum = <T>(rows: readonly T[], of: (row: T) => number): number => rows.reduce((n, r) => n + of(r), 0);
const cell = (value: string | number): string => String(value).replace(/\|/g, '\\|');
const table = (head: readonly string[], rows: readonly (readonly (string | number)[])[]): string[] =>
  rows.length === 0
    ? ['(none)']
    : [
        `| ${head.join(' | ')} |`,
        `| ${head.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ];

/** Markdown for the standing office: one section per kind of cooperation. */
export function renderMarkdown(s: PeriodStatistics): string {
  const v = s.verification;
  const handedOver = s.repatriation.filter((r) => r.direction === 'handed_over');
  const received = s.repatriation.filter((r) => r.direction === 'received');
  return [
    `# Cooperation report ${s.period.label}`,
    '',
    `Period ${s.period.from} to ${s.period.to} (UTC, end exclusive), computed by replaying the event store.`,
    '',
    '## Verification requests',
    '',
    `Sent ${sum(v, (r) => r.sent)}, received ${sum(v, (r) => r.received)}; answers received ` +
      `${sum(v, (r) => r.answersReceived)} (${sum(v, (r) => r.answersReceivedOnTime)} on time); answers given ` +
      `${sum(v, (r) => r.answersGiven)} (${sum(v, (r) => r.answersGivenOnTime)} on time).`,
    '',
    ...table(
      ['counterpart', 'sent', 'received', 'answers received', 'on time', 'answers given', 'on time'],
      v.map((r) => [
        r.counterpart,
        r.sent,
        r.received,
        r.answersReceived,
        r.answersReceivedOnTime,
        r.answersGiven,
        r.answersGivenOnTime,
      ]),
    ),
    '',
    '## Victims repatriated',
    '',
    `Handed over ${sum(handedOver, (r) => r.victims)} victims with ${sum(handedOver, (r) => r.children)} children; ` +
      `received ${sum(received, (r) => r.victims)} victims with ${sum(received, (r) => r.children)} children; ` +
      `reception at a support facility confirmed for ${s.receptionsConfirmed.victims} victims with ${s.receptionsConfirmed.children} children.`,
    '',
    ...table(
      ['direction', 'counterpart', 'border gate', 'victims', 'children'],
      s.repatriation.map((r) => [DIRECTION[r.direction], r.counterpart, r.borderGate, r.victims, r.children]),
    ),
    '',
    '## Suspects handed over',
    '',
    ...table(
      ['direction', 'counterpart', 'border gate', 'suspects'],
      s.suspects.map((r) => [DIRECTION[r.direction], r.counterpart, r.borderGate, r.suspects]),
    ),
    '',
    '## Joint crackdown periods',
    '',
    ...table(
      [
        'case',
        'name',
        'counterpart',
        'period',
        'status',
        'units',
        'linked cases',
        'victims rescued',
        'suspects arrested',
        'cases investigated',
      ],
      s.jointOperations.map((r) => [
        r.caseId,
        r.name,
        r.counterpart,
        `${r.startDate} to ${r.endDate}`,
        r.status,
        r.units,
        r.linkedCases,
        r.results?.victimsRescued ?? '-',
        r.results?.suspectsArrested ?? '-',
        r.results?.casesInvestigated ?? '-',
      ]),
    ),
    '',
  ].join('\n');
}

const csvField = (value: string | number): string => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * CSV in long form (one figure per line: section, metric, counterpart, border gate, case, value), so a
 * spreadsheet can pivot it whatever the set of counterparts and gates.
 */
export function renderCsv(s: PeriodStatistics): string {
  const rows: (string | number)[][] = [
    ['period', 'section', 'metric', 'counterpart', 'border_gate', 'case', 'value'],
  ];
  const add = (
    section: string,
    metric: string,
    counterpart: string,
    gate: string,
    caseId: string,
    value: number,
  ) => rows.push([s.period.label, section, metric, counterpart, gate, caseId, value]);
  for (const r of s.verification)
    for (const metric of [
      'sent',
      'received',
      'answersReceived',
      'answersReceivedOnTime',
      'answersGiven',
      'answersGivenOnTime',
    ] as const)
      add('verification', metric, r.counterpart, '', '', r[metric]);
  for (const r of s.repatriation) {
    add('repatriation', `victims_${r.direction}`, r.counterpart, r.borderGate, '', r.victims);
    add('repatriation', `children_${r.direction}`, r.counterpart, r.borderGate, '', r.children);
  }
  add('repatriation', 'victims_reception_confirmed', '', '', '', s.receptionsConfirmed.victims);
  add('repatriation', 'children_reception_confirmed', '', '', '', s.receptionsConfirmed.children);
  for (const r of s.suspects)
    add('suspects', `suspects_${r.direction}`, r.counterpart, r.borderGate, '', r.suspects);
  for (const r of s.jointOperations) {
    add('joint_operation', `${r.status}_linked_cases`, r.counterpart, '', r.caseId, r.linkedCases);
    if (r.results)
      for (const metric of ['victimsRescued', 'suspectsArrested', 'casesInvestigated'] as const)
        add('joint_operation', metric, r.counterpart, '', r.caseId, r.results[metric]);
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}
