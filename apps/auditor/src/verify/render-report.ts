import { describeRange, type VerifyFailure, type VerifyReport } from '@xb/audit';

/** The verify report for a person: verdict, counts, the last verified seal, and each failure. */
export function renderVerifyReport(report: VerifyReport, storeDescription: string): string {
  const lines = [
    `store: ${storeDescription}`,
    `result: ${report.ok ? 'INTACT' : 'INTEGRITY FAILURE'}`,
    `events checked: ${report.eventsChecked} (up to position ${report.endPosition ?? '-'})`,
    `seals checked: ${report.sealsChecked}`,
    `chain head: ${report.chainHead}`,
  ];
  if (report.lastSeal) {
    const s = report.lastSeal;
    lines.push(
      `last verified seal: at position ${s.sealPosition}, covers up to position ${s.position} ` +
        `(${s.count} events), head ${s.chainHead}, signed by ${s.signerFingerprint}`,
    );
  } else {
    lines.push('last verified seal: none: the chain proves nothing until a seal covers it');
  }
  lines.push(`unsealed events: ${report.unsealedEvents}`);
  lines.push(
    `time: ${(report.durationMs / 1000).toFixed(1)} s, ${Math.round(report.eventsPerSecond)} events/s`,
  );
  for (const failure of report.failures) lines.push('', ...renderFailure(failure));
  return lines.join('\n');
}

function renderFailure(failure: VerifyFailure): string[] {
  const lines = [`${failure.code} at position ${failure.position}: ${failure.message}`];
  if (failure.range)
    lines.push(`  events in doubt: ${describeRange(failure.range.after, failure.range.upTo)}`);
  if (failure.expected !== undefined) lines.push(`  expected: ${failure.expected}`);
  if (failure.actual !== undefined) lines.push(`  found:    ${failure.actual}`);
  return lines;
}

/** The report as JSON (bigints as decimal strings). */
export function verifyReportJson(report: VerifyReport): string {
  return JSON.stringify(report, (_key, value) => (typeof value === 'bigint' ? value.toString() : value), 2);
}
