import { appliedMessageOf, HandlingCode, headerCodesOf, queuedMessageOf, stricterHandling } from '@xb/domain';
import type { RecordedEvent } from '@xb/event-store';
import type { CaseStream } from '../replay/case-stream';

/** Version of the exported case file (`auditor case export`). */
export const CASE_FILE_FORMAT = 'xborder.case-export/1';

/**
 * One case as exported: its events in stream order, each with the exact stored data bytes (base64) so
 * that an auditor elsewhere works from what the store holds, not from a re-rendering of it.
 */
export interface CaseFile {
  readonly format: string;
  readonly streamId: string;
  readonly category: string;
  readonly caseId: string;
  readonly exportedAt: string;
  /**
   * The handling codes of the case's messages (docs/confidentiality.md, "Exports and reports"): the
   * highest restriction counterparts set, which binds whoever holds the file, and each message's code.
   * Absent in files exported before codes were kept.
   */
  readonly handling?: CaseFileHandling;
  readonly events: readonly {
    readonly revision: string;
    readonly position: string;
    readonly type: string;
    readonly recordedAt: string;
    readonly data: string;
  }[];
}

export interface CaseFileHandling {
  readonly received?: HandlingCode;
  readonly messages: readonly {
    readonly messageId: string;
    readonly direction: 'in' | 'out';
    readonly handling: HandlingCode;
  }[];
}

/**
 * Each message's code as the case recorded it (ours: the officer's choice over the kind's default;
 * theirs: as their header set it, or the contract's default when it set none) and the highest received.
 */
export const caseFileHandlingOf = (events: readonly { type: string; data: unknown }[]): CaseFileHandling => {
  const messages = events.flatMap((event): CaseFileHandling['messages'] => {
    const queued = queuedMessageOf(event);
    if (queued)
      return [
        {
          messageId: queued.messageId,
          direction: 'out' as const,
          handling: headerCodesOf(queued.kind, queued).handling,
        },
      ];
    const applied = appliedMessageOf(event);
    return applied?.handling
      ? [{ messageId: applied.messageId, direction: 'in' as const, handling: applied.handling }]
      : [];
  });
  const received = messages
    .filter((m) => m.direction === 'in')
    .reduce<HandlingCode | undefined>(
      (highest, m) => (highest ? stricterHandling(highest, m.handling) : m.handling),
      undefined,
    );
  return { ...(received ? { received } : {}), messages };
};

export const caseFileOf = (found: CaseStream, exportedAt: string): CaseFile => ({
  format: CASE_FILE_FORMAT,
  streamId: found.streamId,
  category: found.category,
  caseId: found.caseId,
  exportedAt,
  handling: caseFileHandlingOf(found.events),
  events: found.events.map((event: RecordedEvent) => ({
    revision: event.revision.toString(),
    position: event.position.toString(),
    type: event.type,
    recordedAt: event.recordedAt,
    data: Buffer.from(event.dataBytes).toString('base64'),
  })),
});

/** The events of a case file with their data parsed; undefined when the file is not one. */
export const eventsOfCaseFile = (
  file: unknown,
): { readonly type: string; readonly data: Record<string, unknown> }[] | undefined => {
  const candidate = file as CaseFile | undefined;
  if (candidate?.format !== CASE_FILE_FORMAT || !Array.isArray(candidate.events)) return undefined;
  try {
    return candidate.events.map((event) => ({
      type: event.type,
      data: JSON.parse(Buffer.from(event.data, 'base64').toString('utf8')) as Record<string, unknown>,
    }));
  } catch {
    return undefined;
  }
};
