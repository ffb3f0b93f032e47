import {
  deciderOf,
  PROCESS_CATEGORIES,
  type CaseState,
  type JointOperationState,
  type ProcessCategory,
  type RepatriationState,
  type SuspectHandoverState,
  type VerificationState,
} from '@xb/domain';
import type { RecordedEvent } from '@xb/event-store';
import { inPeriod, overlapsPeriod, type Period } from './period';
import { StatisticsTally, type PeriodStatistics } from './tally';

/** The streams the report replays: the processes' own, never read models or projections. */
export const REPORT_STREAM_PREFIXES = PROCESS_CATEGORIES.map((c) => `${c}-`);

export type ReportEvent = Pick<RecordedEvent, 'streamId' | 'type' | 'data' | 'metadata'>;

const categoryOf = (streamId: string): ProcessCategory | undefined =>
  PROCESS_CATEGORIES.find((c) => streamId.startsWith(`${c}-`));

const d = (event: ReportEvent) => event.data as Record<string, unknown>;
const texts = (value: unknown): readonly string[] => (Array.isArray(value) ? value : []);

/**
 * Computes a period's statistics by replaying the process streams in global order: each event is folded
 * with its process's evolve, and counted against the case's state just before it (the round's deadline,
 * the schedule's border gate, our side of the case). Times: the domain's own (`handedOverAt`,
 * `receivedAt`) where the event states one, else `metadata.occurredAt`.
 */
export function computeStatistics(events: Iterable<ReportEvent>, period: Period): PeriodStatistics {
  const states = new Map<string, CaseState>();
  const jointOpsAtEnd = new Map<string, JointOperationState>();
  const tally = new StatisticsTally(period);
  for (const event of events) {
    const category = categoryOf(event.streamId);
    if (!category) continue;
    const decider = deciderOf(category);
    const before = states.get(event.streamId) ?? decider.initialState();
    const after = decider.evolve(before, { type: event.type, data: event.data });
    states.set(event.streamId, after);
    if (category === 'verification') countVerification(tally, event, before as VerificationState, period);
    if (category === 'repatriation') countRepatriation(tally, event, before as RepatriationState, period);
    if (category === 'handover') countSuspect(tally, event, before as SuspectHandoverState, period);
    if (category === 'jointop' && Date.parse(event.metadata.occurredAt) < Date.parse(period.to))
      jointOpsAtEnd.set(event.streamId, after as JointOperationState);
  }
  for (const state of jointOpsAtEnd.values()) countJointOperation(tally, state, period);
  return tally.result();
}

function countVerification(
  tally: StatisticsTally,
  event: ReportEvent,
  before: VerificationState,
  period: Period,
) {
  if (!inPeriod(event.metadata.occurredAt, period)) return;
  const data = d(event);
  if (event.type === 'VerificationRequestSent') tally.verification(String(data.responder), 'sent');
  if (event.type === 'VerificationRequestReceived') tally.verification(String(data.requester), 'received');
  if (event.type === 'VerificationAnswered' && before.status !== 'none') {
    const onTime = Date.parse(event.metadata.occurredAt) <= Date.parse(before.deadline);
    const side = before.direction === 'outgoing' ? 'answersReceived' : 'answersGiven';
    tally.verification(before.counterpart, side, onTime);
  }
}

function countRepatriation(
  tally: StatisticsTally,
  event: ReportEvent,
  before: RepatriationState,
  period: Period,
) {
  if (before.status === 'none') return;
  const data = d(event);
  const gate = before.schedule?.borderGate;
  if (event.type === 'RepatriationHandedOver' && inPeriod(String(data.handedOverAt), period)) {
    const direction = before.ourSide === 'requesting' ? 'handed_over' : 'received';
    tally.repatriation(direction, before.counterpart, gate, texts(data.childIds).length);
  }
  if (event.type === 'RepatriationReceptionConfirmed' && inPeriod(String(data.receivedAt), period))
    tally.reception(texts(data.childIds).length);
}

function countSuspect(
  tally: StatisticsTally,
  event: ReportEvent,
  before: SuspectHandoverState,
  period: Period,
) {
  if (before.status === 'none' || event.type !== 'SuspectHandedOver') return;
  if (!inPeriod(String(d(event).handedOverAt), period)) return;
  const direction = before.ourSide === 'holding' ? 'handed_over' : 'received';
  tally.suspect(direction, before.counterpart, before.schedule?.borderGate);
}

function countJointOperation(tally: StatisticsTally, state: JointOperationState, period: Period) {
  if (state.status !== 'agreed' && state.status !== 'closed') return;
  if (!overlapsPeriod(state.terms.startDate, state.terms.endDate, period)) return;
  tally.jointOperation({
    caseId: state.caseId,
    name: state.terms.name,
    counterpart: state.counterpart,
    startDate: state.terms.startDate,
    endDate: state.terms.endDate,
    status: state.status,
    units: state.terms.units.length,
    linkedCases: state.linkedCases.length,
    ...(state.report
      ? {
          results: {
            victimsRescued: state.report.victimsRescued,
            suspectsArrested: state.report.suspectsArrested,
            casesInvestigated: state.report.casesInvestigated,
          },
        }
      : {}),
  });
}
