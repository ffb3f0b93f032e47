import { describeRange, type VerifyFailure, type VerifyReport } from '@xb/audit';
import type { OutsideChecks } from './outside-checks';
import type { Verdict } from './verdict';

/** The verify report for a person: verdict, counts, the last verified seal, each failure, the outside checks. */
export function renderVerifyReport(
  report: VerifyReport,
  storeDescription: string,
  { verdict, reason }: { readonly verdict: Verdict; readonly reason: string | undefined },
  outside: OutsideChecks,
): string {
  const lines = [`store: ${storeDescription}`, `result: ${verdict}`];
  if (reason) lines.push(`  ${reason}`);
  lines.push(
    `agency: ${report.agencyId ?? '-'}`,
    `events checked: ${report.eventsChecked} (up to position ${report.endPosition ?? '-'})`,
    `seals checked: ${report.sealsChecked}`,
    `chain head: ${report.chainHead}`,
  );
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
  if (outside.anchors) {
    const a = outside.anchors;
    lines.push(
      `cross-anchors: ${a.anchored} seal heads acknowledged by counterparts, ${a.unread} receipted with the head unread, ` +
        `${a.pending} awaiting a receipt (receipt keys ${outside.receiptKeysIndependent ? 'from the auditor' : 'from the audited data'})`,
    );
  }
  for (const { file, report: copy } of outside.copies)
    lines.push(
      `counterpart copy ${file}: ${copy.matched} of our seal heads match, last held at position ${copy.lastHeld ?? '-'}`,
    );
  for (const failure of report.failures) lines.push('', ...renderFailure(failure));
  for (const finding of outside.findings) lines.push('', `${finding.code}: ${finding.message}`);
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
export function verifyReportJson(report: object): string {
  return JSON.stringify(report, (_key, value) => (typeof value === 'bigint' ? value.toString() : value), 2);
}
