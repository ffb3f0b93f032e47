import { everyTypeOf } from '../case-process';
import { DomainEvent } from '../decider';
import { LinkableProcess } from '../jointop/events';
import { BorderGateRef, DeliveryEvent, Inbound, Outbound, PersonParticulars } from '../shared';

type Marked = { readonly outbound: Outbound } | { readonly inbound: Inbound };

export const MISSION_KINDS = ['working_group', 'delegation'] as const;
/**
 * A working group sent to support a serious case (cử Tổ công tác sang hỗ trợ), or a delegation
 * exchange (trao đổi đoàn các cấp): one life cycle, the delegation's lighter (no case, no travel
 * documents required).
 */
export type MissionKind = (typeof MISSION_KINDS)[number];

/** A member: particulars (name, travel documents in `identityDocuments`), withheld like a victim's. */
export interface MissionMember {
  readonly person: PersonParticulars;
  readonly rank?: string;
  /** Role in the group, e.g. head. */
  readonly role?: string;
}

/** The case a working group supports. */
export interface SupportedCase {
  readonly process: LinkableProcess;
  readonly caseId: string;
}

export interface MissionRequestContent {
  readonly caseId: string;
  readonly requester: string;
  readonly host: string;
  readonly kind: MissionKind;
  readonly purpose: string;
  /** Required for a working group. */
  readonly supportedCase?: SupportedCase;
  readonly members: readonly MissionMember[];
  /** First and last day on the host side (ISO dates). */
  readonly arrivesOn: string;
  readonly departsOn: string;
  readonly entryGate: BorderGateRef;
  /** When the host's answer is due (ISO date-time). */
  readonly deadline: string;
}

export type MissionRequested = DomainEvent<
  'MissionRequested',
  MissionRequestContent & { readonly outbound: Outbound }
>;
export type MissionRequestReceived = DomainEvent<
  'MissionRequestReceived',
  MissionRequestContent & { readonly inbound: Inbound }
>;
export type MissionAccepted = DomainEvent<
  'MissionAccepted',
  { readonly decision: 'accepted'; readonly remarks?: string } & Marked
>;
export type MissionRefused = DomainEvent<
  'MissionRefused',
  { readonly decision: 'refused'; readonly reason: string } & Marked
>;
/** The host side saw the group cross in at `at`. */
export type MissionArrived = DomainEvent<
  'MissionArrived',
  { readonly movement: 'arrival'; readonly at: string; readonly gate: BorderGateRef } & Marked
>;
export type MissionDeparted = DomainEvent<
  'MissionDeparted',
  { readonly movement: 'departure'; readonly at: string; readonly gate: BorderGateRef } & Marked
>;
/** The sending side's outcome report, linked to the cases it fed into. */
export type MissionClosed = DomainEvent<
  'MissionClosed',
  { readonly summary: string; readonly linkedCaseIds: readonly string[] } & Marked
>;

export type MissionEvent =
  | MissionRequested
  | MissionRequestReceived
  | MissionAccepted
  | MissionRefused
  | MissionArrived
  | MissionDeparted
  | MissionClosed
  | DeliveryEvent<'Mission'>;

export const MISSION_EVENT_TYPES = everyTypeOf<MissionEvent>()([
  'MissionRequested',
  'MissionRequestReceived',
  'MissionAccepted',
  'MissionRefused',
  'MissionArrived',
  'MissionDeparted',
  'MissionClosed',
  'MissionMessageDelivered',
  'MissionMessageRejected',
]);

const label = (kind: MissionKind) => (kind === 'working_group' ? 'Working group' : 'Delegation');

/** A timeline line without particulars (members are counted, never named). */
export const describeMissionEvent = (event: MissionEvent): string => {
  switch (event.type) {
    case 'MissionRequested':
      return `${label(event.data.kind)} of ${event.data.members.length} requested to ${event.data.host} for ${event.data.arrivesOn} to ${event.data.departsOn}`;
    case 'MissionRequestReceived':
      return `${label(event.data.kind)} of ${event.data.members.length} requested by ${event.data.requester} for ${event.data.arrivesOn} to ${event.data.departsOn}`;
    case 'MissionAccepted':
      return 'Mission accepted';
    case 'MissionRefused':
      return 'Mission refused';
    case 'MissionArrived':
      return `Arrived at ${event.data.gate.code} at ${event.data.at}`;
    case 'MissionDeparted':
      return `Departed at ${event.data.gate.code} at ${event.data.at}`;
    case 'MissionClosed':
      return `Outcome reported, ${event.data.linkedCaseIds.length} linked cases`;
    case 'MissionMessageDelivered':
      return `${event.data.kind} delivered`;
    case 'MissionMessageRejected':
      return `${event.data.kind} rejected by the counterpart: ${event.data.reason}`;
  }
};
