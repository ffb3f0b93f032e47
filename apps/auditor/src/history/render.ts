import type { ExchangeEntry, HistoryWindow } from './exchange-log';

const ARROW = { out: '->', in: '<-', refused: 'x-' } as const;

/** The exchange log as a fixed-width table for a person. */
export function renderHistory(entries: readonly ExchangeEntry[], window: HistoryWindow): string {
  const span = `${window.from ?? 'the start'} to ${window.to ?? 'now'}`;
  const counts = (d: ExchangeEntry['direction']) => entries.filter((e) => e.direction === d).length;
  const lines = [
    `exchange with ${window.counterpart}, ${span}: ${counts('out')} sent, ${counts('in')} received, ${counts('refused')} refused`,
    '',
  ];
  for (const e of entries) {
    const extra = [
      e.resends ? `${e.resends} re-send${e.resends === 1 ? '' : 's'}` : undefined,
      e.receiptAt ? `receipt ${e.receiptAt}` : undefined,
      e.correlationId ? `case ${e.correlationId}` : undefined,
    ].filter(Boolean);
    lines.push(
      `${e.at}  ${ARROW[e.direction]}  ${(e.payloadType ?? '(unreadable)').padEnd(34)} ${(e.messageId ?? '(no id)').padEnd(36)} ${e.outcome}` +
        (extra.length ? `  [${extra.join(', ')}]` : ''),
    );
  }
  return lines.join('\n');
}
