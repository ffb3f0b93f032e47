import { describeEvent } from '@xb/domain';
import type { AuditParticularsErasedData } from '@xb/audit';
import type { RecordedEvent } from '@xb/event-store';
import type { CaseStream } from './case-stream';
import type { CaseAt } from './fold';

export interface TimelineLine {
  readonly position: string;
  readonly revision: string;
  readonly occurredAt: string;
  readonly actor: string;
  readonly type: string;
  readonly description: string;
  readonly causationId?: string;
}

export interface ReplayView {
  readonly case: string;
  readonly category: string;
  /** The moment replayed (ISO), or undefined for the latest state. */
  readonly at: string | undefined;
  readonly eventsFolded: number;
  readonly eventsInStream: number;
  readonly state: unknown;
  /** Paths withheld from `state`; empty when particulars are shown. */
  readonly withheld: readonly string[];
  readonly particularsShown: boolean;
  /** Paths of particulars erased (their key destroyed): they read `[erased]` whoever asks. */
  readonly erased: readonly string[];
  /** The erasures that touched the case: who, when, on what ground, which keys. */
  readonly erasures: readonly AuditParticularsErasedData[];
  readonly timeline: readonly TimelineLine[];
  /** Events past the cut whose occurredAt is not later than `at` (clock disagreement), not folded. */
  readonly outOfOrder: readonly TimelineLine[];
}

export const timelineLine = (event: RecordedEvent): TimelineLine => ({
  position: event.position.toString(),
  revision: event.revision.toString(),
  occurredAt: event.metadata.occurredAt,
  actor: event.metadata.actor,
  type: event.type,
  description: describeEvent({ type: event.type, data: event.data }) ?? event.type,
  ...(event.metadata.causationId ? { causationId: event.metadata.causationId } : {}),
});

export function replayView(
  found: CaseStream,
  at: string | undefined,
  folded: CaseAt<unknown>,
  shown: {
    state: unknown;
    withheld: readonly string[];
    particularsShown: boolean;
    erased: readonly string[];
    erasures: readonly AuditParticularsErasedData[];
  },
): ReplayView {
  return {
    case: found.streamId,
    category: found.category,
    at,
    eventsFolded: folded.events.length,
    eventsInStream: found.events.length,
    ...shown,
    timeline: folded.events.map(timelineLine),
    outOfOrder: folded.outOfOrder.map(timelineLine),
  };
}

const indent = (text: string, by = '  '): string =>
  text
    .split('\n')
    .map((line) => by + line)
    .join('\n');

const renderLine = (line: TimelineLine): string =>
  `${line.occurredAt}  #${line.position.padEnd(5)} ${line.actor.padEnd(27)} ${line.description}` +
  (line.causationId ? `  (caused by ${line.causationId})` : '');

/** `path: value` lines of a state, leaves only, in the state's own key order. */
export function flatten(value: unknown, path: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${path}: (none)`];
    return value.flatMap((item, i) => flatten(item, `${path}[${i}]`));
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return [`${path}: (none)`];
    return entries.flatMap(([key, v]) => flatten(v, path ? `${path}.${key}` : key));
  }
  return [`${path}: ${typeof value === 'string' ? value : JSON.stringify(value)}`];
}

/** The replay for a person: header, state (one `path: value` line per field), timeline with actor, time and causation. */
export function renderReplay(view: ReplayView): string {
  const lines = [
    `case ${view.case} (${view.category}) ${view.at ? `as at ${view.at}` : 'now'}`,
    `events folded: ${view.eventsFolded} of ${view.eventsInStream} (stream order, metadata.occurredAt <= at)`,
    '',
    'state:',
    ...flatten(view.state, '').map((line) => indent(line)),
  ];
  if (view.withheld.length > 0)
    lines.push(
      `particulars withheld: ${view.withheld.join(', ')} (--show-particulars shows them; the view is recorded)`,
    );
  if (view.particularsShown)
    lines.push('particulars shown: this view was recorded as AuditParticularsViewed');
  if (view.erased.length > 0) lines.push(`particulars erased: ${view.erased.join(', ')}`);
  for (const e of view.erasures)
    lines.push(`erasure: ${e.erasedAt} by ${e.erasedBy}, ground ${e.ground}, keys ${e.keyIds.join(', ')}`);
  lines.push('', 'timeline:', ...view.timeline.map((l) => indent(renderLine(l))));
  if (view.outOfOrder.length > 0) {
    lines.push('', 'not folded: later in the stream but stamped at or before the moment (clocks disagree):');
    lines.push(...view.outOfOrder.map((l) => indent(renderLine(l))));
  }
  return lines.join('\n');
}
