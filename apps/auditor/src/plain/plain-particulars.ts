/**
 * Which events predate sealing (docs/confidentiality.md, "Events written before sealing"): the events
 * whose stored data still holds particulars in plain text, by stream, position and path, never by value.
 * History is not re-written (the chain covers the stored bytes); this tells an auditor what an erasure
 * cannot reach.
 */
import { mapParticulars } from '@xb/domain';
import type { RecordedEvent } from '@xb/event-store';

export interface PlainStream {
  readonly streamId: string;
  readonly events: number;
  readonly firstPosition: string;
  readonly lastPosition: string;
  /** The paths of the plain particulars met, e.g. `victim`, `circumstances`. */
  readonly paths: readonly string[];
}

export interface PlainParticularsReport {
  readonly eventsRead: number;
  readonly eventsWithPlainParticulars: number;
  /** The last position holding a plain particular: every event after it was sealed. */
  readonly lastPlainPosition?: string;
  readonly streams: readonly PlainStream[];
}

/** The paths of the particulars stored in plain text in `data` (sealed ones are not particulars by shape). */
export const plainPathsOf = (data: unknown): string[] => {
  const paths: string[] = [];
  mapParticulars(data, (particular, path) => {
    paths.push(path);
    return particular;
  });
  return paths;
};

export async function plainParticularsReport(
  events: AsyncIterable<RecordedEvent>,
): Promise<PlainParticularsReport> {
  let eventsRead = 0;
  let withPlain = 0;
  let last: bigint | undefined;
  const streams = new Map<string, { events: number; first: bigint; last: bigint; paths: Set<string> }>();
  for await (const event of events) {
    eventsRead++;
    const paths = plainPathsOf(event.data);
    if (paths.length === 0) continue;
    withPlain++;
    last = event.position;
    const stream = streams.get(event.streamId) ?? {
      events: 0,
      first: event.position,
      last: event.position,
      paths: new Set(),
    };
    stream.events++;
    stream.last = event.position;
    for (const path of paths) stream.paths.add(path);
    streams.set(event.streamId, stream);
  }
  return {
    eventsRead,
    eventsWithPlainParticulars: withPlain,
    ...(last === undefined ? {} : { lastPlainPosition: last.toString() }),
    streams: [...streams].map(([streamId, s]) => ({
      streamId,
      events: s.events,
      firstPosition: s.first.toString(),
      lastPosition: s.last.toString(),
      paths: [...s.paths].sort(),
    })),
  };
}

export const renderPlainParticulars = (report: PlainParticularsReport): string =>
  [
    `events read: ${report.eventsRead}; with particulars in plain text: ${report.eventsWithPlainParticulars}` +
      (report.lastPlainPosition ? ` (the last at position ${report.lastPlainPosition})` : ''),
    ...report.streams.map(
      (s) =>
        `  ${s.streamId}: ${s.events} event(s), positions ${s.firstPosition}-${s.lastPosition}: ${s.paths.join(', ')}`,
    ),
  ].join('\n');
