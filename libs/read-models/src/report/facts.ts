import type {
  JointOperationState,
  LiaisonMeetingState,
  LocateRescueState,
  MissionState,
  NoticeState,
  PersonParticulars,
  ProcessCategory,
  RepatriationState,
  SuspectHandoverState,
  VerificationState,
  WantedPersonState,
} from '@xb/domain';
import { pointsOfAnswers } from '@xb/domain';
import { utcTime } from '../times';
import { ageGroupOn } from './people';

/**
 * One countable thing that happened, as the periodic reports count it. Facts are derived from one event
 * and the case's state just after it, by this module only: the auditor derives them replaying the event
 * store, the read models store them (`report_facts`), and both tally them the same way. Facts carry no
 * particulars: a person is reduced to a sex and an age group.
 */
export interface ReportFact {
  readonly fact: FactKind;
  /** Who did it: this node's agency or the counterpart (directions are never added together). */
  readonly by: 'us' | 'counterpart';
  /** The other agency ('' for our hotline's tips). */
  readonly counterpart: string;
  readonly borderGate: string;
  /** For facts about a person ('' otherwise). */
  readonly sex: string;
  readonly ageGroup: string;
  /** A sub-kind: support service, timeliness, notice category ('' when none). */
  readonly detail: string;
  /** When it happened (UTC ISO with ms): the time the domain states, else the event's. */
  readonly at: string;
  readonly value: number;
}

export const FACT_KINDS = [
  'verification.request',
  'verification.answer',
  'victim.verified',
  'verification.purpose',
  'verification.purpose_established',
  'verification.purpose_not_established',
  'repatriation.request',
  'victim.handover',
  'child.handover',
  'victim.reception',
  'victim.supported',
  'victim.support_service',
  'suspect.request',
  'suspect.handover',
  'notice.sent',
  'notice.received',
  'notice.classified',
  'notice.processed',
  'tip.received',
  'tip.classified',
  'tip.processed',
  'jointop.agreed',
  'jointop.closed',
  'jointop.victims_rescued',
  'jointop.suspects_arrested',
  'jointop.cases_investigated',
  'rescue.request',
  'person.located',
  'victim.rescued',
  'rescue.not_found',
  'wanted.request',
  'suspect.arrested',
  'wanted.not_found',
  'victim.identified',
  'victim.not_identified',
  'victim.identification_criterion',
  'tip.forwarded',
  'liaison.proposed',
  'liaison.held',
  'liaison.action_item',
  'liaison.action_item_done',
  'mission.request',
  'mission.refused',
  'mission.arrived',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** What a fact needs of an event: its type, data and (for its time) metadata. */
export interface FactEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: { readonly occurredAt: string };
}

type Place = Pick<ReportFact, 'counterpart' | 'borderGate'>;
/** A list of ids in event data (an event stored before the field existed has none). */
const ids = (value: unknown): readonly string[] => (Array.isArray(value) ? value.map(String) : []);
const NOBODY = { sex: '', ageGroup: '' };
const byWhom = (data: Record<string, unknown>): ReportFact['by'] =>
  'inbound' in data ? 'counterpart' : 'us';
const onTime = (at: string, deadline: string | undefined) =>
  deadline === undefined ? '' : Date.parse(at) <= Date.parse(deadline) ? 'on_time' : 'late';

function fact(
  kind: FactKind,
  by: ReportFact['by'],
  place: Place,
  at: string,
  extra: Partial<Pick<ReportFact, 'detail' | 'value'>> & { person?: PersonParticulars } = {},
): ReportFact {
  const time = utcTime(at);
  const person = extra.person
    ? { sex: extra.person.sex ?? 'unknown', ageGroup: ageGroupOn(extra.person.dateOfBirth, time) }
    : NOBODY;
  return {
    fact: kind,
    by,
    ...place,
    ...person,
    detail: extra.detail ?? '',
    at: time,
    value: extra.value ?? 1,
  };
}

/** The facts an event makes, given its process and the case's state after it (none for most events). */
export function reportFactsOf(category: ProcessCategory, state: unknown, event: FactEvent): ReportFact[] {
  if ((state as { status: string }).status === 'none') return [];
  switch (category) {
    case 'verification':
      return verificationFacts(state as VerificationState, event);
    case 'repatriation':
      return repatriationFacts(state as RepatriationState, event);
    case 'handover':
      return suspectFacts(state as SuspectHandoverState, event);
    case 'notice':
      return noticeFacts(state as NoticeState, event);
    case 'jointop':
      return jointOperationFacts(state as JointOperationState, event);
    case 'rescue':
      return rescueFacts(state as LocateRescueState, event);
    case 'wanted':
      return wantedFacts(state as WantedPersonState, event);
    case 'liaison':
      return liaisonFacts(state as LiaisonMeetingState, event);
    case 'mission':
      return missionFacts(state as MissionState, event);
  }
}

function verificationFacts(state: VerificationState, event: FactEvent): ReportFact[] {
  if (state.status === 'none') return [];
  const place = { counterpart: state.counterpart, borderGate: '' };
  const at = event.metadata.occurredAt;
  const data = event.data as Record<string, unknown>;
  // Each purpose asked, and each answered (established or not), counted on its own (detail: purpose).
  const asked = (by: ReportFact['by']) =>
    state.purposes.map((purpose) => fact('verification.purpose', by, place, at, { detail: purpose }));
  switch (event.type) {
    case 'VerificationRequestSent':
      return [fact('verification.request', 'us', place, at), ...asked('us')];
    case 'VerificationRequestReceived':
      return [fact('verification.request', 'counterpart', place, at), ...asked('counterpart')];
    case 'VerificationAnswered': {
      const by = byWhom(data);
      const answers = state.answer?.answers ?? {};
      const points = pointsOfAnswers(answers);
      const answer = [
        fact('verification.answer', by, place, at, { detail: onTime(at, state.deadline) }),
        ...points.confirmed.map((p) =>
          fact('verification.purpose_established', by, place, at, { detail: p }),
        ),
        ...points.unconfirmed.map((p) =>
          fact('verification.purpose_not_established', by, place, at, { detail: p }),
        ),
      ];
      if (state.answer?.outcome !== 'confirmed' || state.subject.role !== 'victim') return answer;
      return [...answer, fact('victim.verified', by, place, at, { person: state.subject.person })];
    }
    default:
      return [];
  }
}

function repatriationFacts(state: RepatriationState, event: FactEvent): ReportFact[] {
  if (state.status === 'none') return [];
  const place = { counterpart: state.counterpart, borderGate: state.schedule?.borderGate ?? '' };
  const data = event.data as Record<string, unknown>;
  const weHandOver = state.ourSide === 'requesting';
  // The victim crossed once: at the hand-over, or at the reception when its confirmation came first.
  const crossing = (at: string, childIds: readonly string[]) => {
    const by = weHandOver ? 'us' : 'counterpart';
    const children = state.children.filter((c) => childIds.includes(c.childId));
    return [
      fact('victim.handover', by, place, at, { person: state.victim }),
      ...children.map((c) => fact('child.handover', by, place, at, { person: c.person })),
    ];
  };
  switch (event.type) {
    case 'RepatriationRequested':
      return [fact('repatriation.request', 'us', place, event.metadata.occurredAt)];
    case 'RepatriationRequestReceived':
      return [fact('repatriation.request', 'counterpart', place, event.metadata.occurredAt)];
    case 'RepatriationHandedOver':
      return state.reception ? [] : crossing(String(data.handedOverAt), ids(data.childIds));
    case 'RepatriationReceptionConfirmed': {
      const at = String(data.receivedAt);
      const reception = fact('victim.reception', weHandOver ? 'counterpart' : 'us', place, at, {
        person: state.victim,
      });
      const crossed = state.handedOverAt === undefined ? crossing(at, ids(data.childIds)) : [];
      return [...crossed, reception];
    }
    case 'RepatriationVictimIdentified': {
      // An identification decision, ours or the counterpart's (its notice): only the last one of a
      // case is the case's, so a revised decision is counted again; identification is recorded once
      // per side and case in practice.
      const at = event.metadata.occurredAt;
      const by = byWhom(data);
      const person = { person: state.victim };
      if (state.identification?.decision !== 'identified')
        return [fact('victim.not_identified', by, place, at, person)];
      return [
        fact('victim.identified', by, place, at, person),
        ...state.identification.criteria.map((c) =>
          fact('victim.identification_criterion', by, place, at, { ...person, detail: c }),
        ),
      ];
    }
    case 'RepatriationVictimReferred': {
      const at = event.metadata.occurredAt;
      const services = ids(data.services);
      return [
        fact('victim.supported', 'us', place, at, { person: state.victim }),
        ...services.map((s) =>
          fact('victim.support_service', 'us', place, at, { person: state.victim, detail: s }),
        ),
      ];
    }
    default:
      return [];
  }
}

function suspectFacts(state: SuspectHandoverState, event: FactEvent): ReportFact[] {
  if (state.status === 'none') return [];
  const place = { counterpart: state.counterpart, borderGate: state.schedule?.borderGate ?? '' };
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'SuspectHandoverRequested':
      return [fact('suspect.request', 'us', place, event.metadata.occurredAt)];
    case 'SuspectHandoverRequestReceived':
      return [fact('suspect.request', 'counterpart', place, event.metadata.occurredAt)];
    case 'SuspectHandedOver': {
      const by = state.ourSide === 'holding' ? 'us' : 'counterpart';
      return [fact('suspect.handover', by, place, String(data.handedOverAt), { person: state.suspect })];
    }
    default:
      return [];
  }
}

function noticeFacts(state: NoticeState, event: FactEvent): ReportFact[] {
  if (state.status === 'none') return [];
  const place = { counterpart: state.counterpart ?? '', borderGate: '' };
  const data = event.data as Record<string, unknown>;
  const at = event.metadata.occurredAt;
  const prefix = state.source === 'hotline' ? 'tip' : 'notice';
  switch (event.type) {
    case 'InformationNoticeSent':
      return [fact('notice.sent', 'us', place, at, { detail: state.category })];
    case 'InformationNoticeReceived':
      return [fact('notice.received', 'counterpart', place, at, { detail: state.category })];
    case 'HotlineTipRecorded':
      return [fact('tip.received', 'us', place, String(data.receivedAt), { detail: state.category })];
    case 'HotlineTipForwarded':
      // Forwarded to a counterpart, by how urgent the tip was (routine when not said).
      return [fact('tip.forwarded', 'us', place, at, { detail: state.urgency ?? 'routine' })];
    case 'InformationNoticeClassified':
      return [fact(`${prefix}.classified`, 'us', place, at, { detail: state.category })];
    case 'InformationNoticeProcessed':
      return [fact(`${prefix}.processed`, 'us', place, at, { detail: onTime(at, state.processingDeadline) })];
    default:
      return [];
  }
}

function jointOperationFacts(state: JointOperationState, event: FactEvent): ReportFact[] {
  if (state.status === 'none') return [];
  const place = { counterpart: state.counterpart, borderGate: '' };
  const at = event.metadata.occurredAt;
  const by = byWhom(event.data as Record<string, unknown>);
  if (event.type === 'JointOperationAgreed') return [fact('jointop.agreed', by, place, at)];
  if (event.type !== 'JointOperationClosed' || !state.report) return [];
  const report = state.report;
  return [
    fact('jointop.closed', by, place, at),
    fact('jointop.victims_rescued', by, place, at, { value: report.victimsRescued }),
    fact('jointop.suspects_arrested', by, place, at, { value: report.suspectsArrested }),
    fact('jointop.cases_investigated', by, place, at, { value: report.casesInvestigated }),
  ];
}

/**
 * Locate and rescue: requests each way; the requested side's outcome, done by whoever reported it (the
 * side searching), at the time it states; a rescued person by sex and age group.
 */
function rescueFacts(state: LocateRescueState, event: FactEvent): ReportFact[] {
  if (state.status === 'none') return [];
  const place = { counterpart: state.counterpart, borderGate: '' };
  const data = event.data as Record<string, unknown>;
  const by = byWhom(data);
  switch (event.type) {
    case 'LocateRescueRequested':
    case 'LocateRescueRequestReceived':
      return [fact('rescue.request', by, place, event.metadata.occurredAt)];
    case 'MissingPersonLocated':
      return [fact('person.located', by, place, String(data.at), { person: state.missingPerson })];
    case 'MissingPersonRescued':
      return [
        fact('victim.rescued', by, place, String(data.at), {
          person: state.rescued?.person ?? state.missingPerson,
        }),
      ];
    case 'MissingPersonNotFound':
      return [fact('rescue.not_found', by, place, event.metadata.occurredAt)];
    default:
      return [];
  }
}

/** Wanted persons: requests each way; arrests (by sex and age group) and searches closed without one. */
function wantedFacts(state: WantedPersonState, event: FactEvent): ReportFact[] {
  if (state.status === 'none') return [];
  const place = { counterpart: state.counterpart, borderGate: '' };
  const data = event.data as Record<string, unknown>;
  const by = byWhom(data);
  switch (event.type) {
    case 'WantedPersonRequested':
    case 'WantedPersonRequestReceived':
      return [fact('wanted.request', by, place, event.metadata.occurredAt)];
    case 'WantedPersonArrested':
      return [fact('suspect.arrested', by, place, String(data.at), { person: state.suspect })];
    case 'WantedPersonNotFound':
      return [fact('wanted.not_found', by, place, event.metadata.occurredAt)];
    default:
      return [];
  }
}

/**
 * Liaison meetings: proposed by whom, held (by the host side, the meeting's kind as detail), the action
 * items agreed in the minutes and those done, each by the side that owns it, done on time or late
 * against its deadline at the time it states.
 */
function liaisonFacts(state: LiaisonMeetingState, event: FactEvent): ReportFact[] {
  if (state.status === 'none') return [];
  const place = { counterpart: state.counterpart, borderGate: '' };
  const data = event.data as Record<string, unknown>;
  const owner = (agency: string): ReportFact['by'] => (agency === state.counterpart ? 'counterpart' : 'us');
  switch (event.type) {
    case 'LiaisonMeetingProposed':
    case 'LiaisonMeetingProposalReceived':
      return [
        fact('liaison.proposed', byWhom(data), place, event.metadata.occurredAt, { detail: state.kind }),
      ];
    case 'LiaisonMeetingHeld':
      return [fact('liaison.held', owner(state.host), place, String(data.heldAt), { detail: state.kind })];
    case 'LiaisonMeetingMinutesRecorded':
      return state.actionItems.map((item) =>
        fact('liaison.action_item', owner(item.owner), place, event.metadata.occurredAt),
      );
    case 'LiaisonActionItemDone': {
      const item = state.actionItems.find((i) => i.number === Number(data.number));
      if (!item) return [];
      const at = String(data.doneAt);
      return [
        fact('liaison.action_item_done', owner(item.owner), place, at, { detail: onTime(at, item.deadline) }),
      ];
    }
    default:
      return [];
  }
}

/**
 * Working groups and delegations (the kind as detail): requested by us (we send) or by the counterpart
 * (we receive), refused, and arrived on the host side at the gate of entry. `by` is the sending side.
 */
function missionFacts(state: MissionState, event: FactEvent): ReportFact[] {
  if (state.status === 'none') return [];
  const by: ReportFact['by'] = state.ourSide === 'requester' ? 'us' : 'counterpart';
  const place = { counterpart: state.counterpart, borderGate: state.entryGate.code };
  const data = event.data as Record<string, unknown>;
  const detail = { detail: state.kind };
  switch (event.type) {
    case 'MissionRequested':
    case 'MissionRequestReceived':
      return [fact('mission.request', by, place, event.metadata.occurredAt, detail)];
    case 'MissionRefused':
      return [fact('mission.refused', by, place, event.metadata.occurredAt, detail)];
    case 'MissionArrived': {
      const gate = state.arrival?.gate.code ?? place.borderGate;
      return [fact('mission.arrived', by, { ...place, borderGate: gate }, String(data.at), detail)];
    }
    default:
      return [];
  }
}
