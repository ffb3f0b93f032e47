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
  readonly events: readonly {
    readonly revision: string;
    readonly position: string;
    readonly type: string;
    readonly recordedAt: string;
    readonly data: string;
  }[];
}

export const caseFileOf = (found: CaseStream, exportedAt: string): CaseFile => ({
  format: CASE_FILE_FORMAT,
  streamId: found.streamId,
  category: found.category,
  caseId: found.caseId,
  exportedAt,
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
