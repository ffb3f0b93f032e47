/**
 * The co-signing of hand-over minutes, one module for every process that hands persons over at a gate
 * (repatriations, suspect hand-overs; docs/protocol.md section 5a). A process names its commands and
 * events after itself (`ProposeRepatriationMinutes`, `SuspectHandoverMinutesCoSigned`) and gives its view
 * of the case (`MinutesCase`); the steps, refusals and the record kept are the same for all. Signatures
 * are made by the node holding the agency key (`Sign<Process>Minutes`, run by the gateway's minutes
 * signer) and checked by the gateway before an inbound one is applied: the domain decides on content.
 */
import { Command, DomainError, domainError, DomainEvent, isDomainError } from '../decider';
import {
  AgreedHandover,
  agreedMinutesProblems,
  draftMinutes,
  HandoverMinutes,
  isSignatureText,
  minutesDiffer,
  minutesDifferences,
  MinutesOfficer,
  MinutesRecord,
  MinutesSignature,
  minutesShapeProblems,
} from './minutes';
import { Inbound, Outbound } from './outbound';
import { messageMarker, Origin } from './steps';
import { bothLocalTimes } from './zones';
import { refuseIf } from './refusals';
import { instant, isIsoDateTime, isUuid, Problems, problems } from './values';

/** The processes with co-signed minutes, by the prefix of their command and event names. */
export const MINUTES_PROCESSES = ['Repatriation', 'SuspectHandover'] as const;
export type MinutesProcess = (typeof MINUTES_PROCESSES)[number];

export interface ProposeMinutesData {
  /** Default: the command's first new id. */
  readonly minutesId?: string;
  readonly handedOverAt: string;
  /** Persons handed over, by the case's person ids. Default: every person the case hands over. */
  readonly personIds?: readonly string[];
  readonly documents: readonly string[];
  readonly belongings: readonly string[];
  readonly officers: readonly MinutesOfficer[];
}
export interface SignedMinutesData {
  readonly minutes: HandoverMinutes;
  readonly signature: string;
}

/** An officer draws up the minutes (the gate and both local times come from the case). */
export type ProposeMinutes<P extends MinutesProcess> = Command<`Propose${P}Minutes`, ProposeMinutesData>;
/** The node holding the agency key: its signature over the canonical minutes (system, not officers). */
export type SignMinutes<P extends MinutesProcess> = Command<
  `Sign${P}Minutes`,
  { readonly minutesId: string; readonly signature: string }
>;
/** Inbound `<Process>MinutesProposal`: the counterpart's minutes and signature. */
export type ReceiveMinutesProposal<P extends MinutesProcess> = Command<
  `Receive${P}MinutesProposal`,
  SignedMinutesData
>;
/** Our officer agrees the counterpart's minutes, giving them as agreed: they must be the same record. */
export type CountersignMinutes<P extends MinutesProcess> = Command<
  `Countersign${P}Minutes`,
  { readonly minutes: HandoverMinutes }
>;
/** Inbound `<Process>MinutesCountersignature`: the counterpart's signature over our minutes. */
export type ReceiveMinutesCountersignature<P extends MinutesProcess> = Command<
  `Receive${P}MinutesCountersignature`,
  SignedMinutesData
>;
export type MinutesCommandOf<P extends MinutesProcess> =
  | ProposeMinutes<P>
  | SignMinutes<P>
  | ReceiveMinutesProposal<P>
  | CountersignMinutes<P>
  | ReceiveMinutesCountersignature<P>;

/** A signature this node made, with the minutes it signs, queued to the counterpart. */
export interface SentSignature {
  readonly minutesId: string;
  /** The minutes signed, as sent (the event is all the message needs, and all an auditor needs). */
  readonly minutes: HandoverMinutes;
  readonly signature: MinutesSignature;
  readonly outbound: Outbound;
}
/** Minutes drafted by this side's officer (local); this node's key signs them next. */
export type MinutesProposed<P extends MinutesProcess> = DomainEvent<
  `${P}MinutesProposed`,
  { readonly minutes: HandoverMinutes }
>;
/** Our signature over minutes we proposed; queues them with it (`<Process>MinutesProposal`). */
export type MinutesSigned<P extends MinutesProcess> = DomainEvent<`${P}MinutesSigned`, SentSignature>;
/** The counterpart's proposed minutes with its signature (checked by the gateway before applying). */
export type MinutesReceived<P extends MinutesProcess> = DomainEvent<
  `${P}MinutesReceived`,
  { readonly minutes: HandoverMinutes; readonly signature: MinutesSignature; readonly inbound: Inbound }
>;
/** Our officer agreed the counterpart's minutes as they are (local); this node's key countersigns next. */
export type MinutesAgreed<P extends MinutesProcess> = DomainEvent<
  `${P}MinutesAgreed`,
  { readonly minutesId: string }
>;
/** Our countersignature; queues it with the minutes (`<Process>MinutesCountersignature`). */
export type MinutesCountersigned<P extends MinutesProcess> = DomainEvent<
  `${P}MinutesCountersigned`,
  SentSignature
>;
/** The counterpart's countersignature over the minutes we proposed: both signatures are in hand. */
export type MinutesCoSigned<P extends MinutesProcess> = DomainEvent<
  `${P}MinutesCoSigned`,
  {
    readonly minutesId: string;
    readonly minutes: HandoverMinutes;
    readonly signature: MinutesSignature;
    readonly inbound: Inbound;
  }
>;
export type MinutesEventOf<P extends MinutesProcess> =
  | MinutesProposed<P>
  | MinutesSigned<P>
  | MinutesReceived<P>
  | MinutesAgreed<P>
  | MinutesCountersigned<P>
  | MinutesCoSigned<P>;

/** The event types of a process's minutes, in the order they happen. */
export const minutesEventTypes = <P extends MinutesProcess>(p: P) =>
  [
    `${p}MinutesProposed`,
    `${p}MinutesSigned`,
    `${p}MinutesReceived`,
    `${p}MinutesAgreed`,
    `${p}MinutesCountersigned`,
    `${p}MinutesCoSigned`,
  ] as const;

/** The events that carry a signature over the minutes (what an auditor checks), of every process. */
export const MINUTES_SIGNATURE_EVENT_TYPES: readonly string[] = MINUTES_PROCESSES.flatMap((p) => [
  `${p}MinutesSigned`,
  `${p}MinutesReceived`,
  `${p}MinutesCountersigned`,
  `${p}MinutesCoSigned`,
]);

/** The events after which this node's signature is due (ours drafted, or theirs agreed), of every process. */
export const MINUTES_SIGNATURE_DUE_EVENT_TYPES: readonly string[] = MINUTES_PROCESSES.flatMap((p) => [
  `${p}MinutesProposed`,
  `${p}MinutesAgreed`,
]);

/** What a process tells the minutes steps about its case. */
export interface MinutesCase {
  readonly minutes?: MinutesRecord;
  /** What the case agreed: the sides, the gate (once scheduled), who may be handed over. */
  readonly agreed: AgreedHandover;
  readonly us: string;
  readonly counterpart: string;
  /** Who a proposal names when it names nobody: every person the case hands over. */
  readonly everyone: readonly string[];
}

type Decision<P extends MinutesProcess> = readonly MinutesEventOf<P>[] | DomainError;

const notNow = (command: string, status: string): DomainError =>
  domainError('INVALID_TRANSITION', `${command} is not allowed when the minutes are ${status}`);
const alreadyDrawnUp = (): DomainError =>
  domainError('ALREADY_EXISTS', 'the case already has hand-over minutes');

/**
 * The one rule of both processes for a step that records the person as handed over (ours or the
 * counterpart's hand-over; a repatriation's reception, which says the victim was handed over): while the
 * case is `scheduled` it waits for the minutes both sides signed, so an auditor never finds a person
 * handed over with no co-signed record of it (docs/protocol.md section 5a). Only from `scheduled`, the
 * one status in which nothing yet records the hand-over: a case handed over or received before the rule
 * keeps taking its later steps (a late hand-over message, a reception) whatever its minutes, so what
 * stores already hold decides as it did. Not a status refusal: the case is at the right step, it waits on
 * the signatures. `MINUTES_NOT_COSIGNED` on `minutes` (API 409, receipt `MINUTES_NOT_COSIGNED:minutes`).
 */
export const refuseHandoverUnlessCoSigned = (c: {
  readonly status: string;
  readonly minutes?: MinutesRecord;
}): DomainError | undefined =>
  c.status !== 'scheduled' || c.minutes?.status === 'co_signed'
    ? undefined
    : domainError(
        'MINUTES_NOT_COSIGNED',
        `the hand-over is recorded once both sides have signed its minutes; they are ${c.minutes?.status ?? 'not drafted'}`,
        ['minutes'],
      );

/** Content refusals of minutes: malformed, then contradicting the case. */
const contentRefusal = (minutes: HandoverMinutes | undefined, agreed: AgreedHandover) => {
  const shape = minutesShapeProblems(minutes);
  if (shape.length > 0 || !minutes) return refuseIf(shape);
  const differs = agreedMinutesProblems(minutes, agreed);
  return differs.length > 0 ? minutesDiffer(differs) : undefined;
};

/** An officer draws the minutes up from the data given and what the case fixes. */
export const proposeMinutes = <P extends MinutesProcess>(
  p: P,
  command: ProposeMinutes<P>,
  c: MinutesCase,
): Decision<P> => {
  if (c.minutes) return alreadyDrawnUp();
  const borderGate = c.agreed.borderGate;
  if (borderGate === undefined) return notNow(command.type, 'not drafted and no gate is agreed');
  const data = {
    ...command.data,
    minutesId: command.data?.minutesId ?? command.metadata.newIds?.[0],
    personIds: command.data?.personIds ?? c.everyone,
  };
  const roles = new Map(c.agreed.persons.map((person) => [person.personId, person.role]));
  const ids: unknown = data.personIds;
  const personIdsOk = Array.isArray(ids) && ids.length > 0 && ids.every((id) => roles.has(id));
  const minutesId = data.minutesId;
  const invalid = refuseIf(
    problems({
      minutesId: isUuid(minutesId),
      handedOverAt:
        isIsoDateTime(data.handedOverAt) && instant(data.handedOverAt) <= instant(command.metadata.now),
      personIds: personIdsOk,
    }),
  );
  if (invalid) return invalid;
  const persons = data.personIds.flatMap((personId) => {
    const role = roles.get(personId);
    return role ? [{ personId, role }] : [];
  });
  const minutes = draftMinutes(
    { ...data, minutesId: String(minutesId), persons },
    { ...c.agreed, borderGate },
  );
  const refused = contentRefusal(minutes, c.agreed);
  if (refused) return refused;
  return [{ type: `${p}MinutesProposed` as const, data: { minutes } }];
};

/** This node's signature: over minutes we drew up (a proposal) or agreed (a countersignature). */
export const signMinutes = <P extends MinutesProcess>(
  p: P,
  command: SignMinutes<P>,
  c: MinutesCase,
  origin: Origin,
): Decision<P> => {
  const current = c.minutes;
  if (current?.status !== 'awaiting_our_signature')
    return notNow(command.type, current?.status ?? 'not drafted');
  const { minutesId, signature } = command.data ?? {};
  const invalid = refuseIf(
    problems({ minutesId: minutesId === current.minutes.minutesId, signature: isSignatureText(signature) }),
  );
  if (invalid) return invalid;
  const proposing = current.proposedBy === c.us;
  const kind = proposing ? (`${p}MinutesProposal` as const) : (`${p}MinutesCountersignature` as const);
  const marker = messageMarker(command, origin, c.counterpart, kind);
  if (isDomainError(marker) || !('outbound' in marker)) return isDomainError(marker) ? marker : [];
  const data = {
    minutesId,
    minutes: current.minutes,
    signature: { agency: c.us, signature },
    outbound: marker.outbound,
  };
  return proposing
    ? [{ type: `${p}MinutesSigned` as const, data }]
    : [{ type: `${p}MinutesCountersigned` as const, data }];
};

/** The counterpart's signed proposal: kept when it agrees with the case. */
export const receiveMinutesProposal = <P extends MinutesProcess>(
  p: P,
  command: ReceiveMinutesProposal<P>,
  c: MinutesCase,
  origin: Origin,
): Decision<P> => {
  if (c.minutes) return alreadyDrawnUp();
  const { minutes, signature } = command.data ?? {};
  const refused =
    refuseIf(problems({ signature: isSignatureText(signature) })) ?? contentRefusal(minutes, c.agreed);
  if (refused || !('inbound' in origin)) return refused ?? [];
  const data = { minutes, signature: { agency: c.counterpart, signature }, inbound: origin.inbound };
  return [{ type: `${p}MinutesReceived` as const, data }];
};

/** Our officer agrees the counterpart's minutes, exactly as received. */
export const countersignMinutes = <P extends MinutesProcess>(
  p: P,
  command: CountersignMinutes<P>,
  c: MinutesCase,
): Decision<P> => {
  const current = c.minutes;
  if (current?.status !== 'awaiting_our_agreement')
    return notNow(command.type, current?.status ?? 'not drafted');
  const differs: Problems = minutesDifferences(current.minutes, command.data?.minutes);
  if (differs.length > 0) return minutesDiffer(differs);
  return [{ type: `${p}MinutesAgreed` as const, data: { minutesId: current.minutes.minutesId } }];
};

/** The counterpart's countersignature over the minutes we proposed: co-signed. */
export const receiveMinutesCountersignature = <P extends MinutesProcess>(
  p: P,
  command: ReceiveMinutesCountersignature<P>,
  c: MinutesCase,
  origin: Origin,
): Decision<P> => {
  const current = c.minutes;
  if (current?.status !== 'awaiting_their_signature')
    return notNow(command.type, current?.status ?? 'not drafted');
  const { minutes, signature } = command.data ?? {};
  const invalid = refuseIf(problems({ signature: isSignatureText(signature) }));
  if (invalid) return invalid;
  const differs = minutesDifferences(current.minutes, minutes);
  if (differs.length > 0) return minutesDiffer(differs);
  if (!('inbound' in origin)) return [];
  const data = {
    minutesId: current.minutes.minutesId,
    minutes: current.minutes,
    signature: { agency: c.counterpart, signature },
    inbound: origin.inbound,
  };
  return [{ type: `${p}MinutesCoSigned` as const, data }];
};

const MINUTES_STEPS = ['Proposed', 'Signed', 'Received', 'Agreed', 'Countersigned', 'CoSigned'] as const;
type MinutesStep = (typeof MINUTES_STEPS)[number];
/** Which step a minutes event of process `p` records (`<p>Minutes<step>`). */
const stepOf = <P extends MinutesProcess>(p: P, event: MinutesEventOf<P>): MinutesStep | undefined =>
  MINUTES_STEPS.find((step) => event.type === `${p}Minutes${step}`);

/** The minutes record after one of its events; `us` is this node's agency. */
export const evolveMinutesRecord = <P extends MinutesProcess>(
  p: P,
  record: MinutesRecord | undefined,
  event: MinutesEventOf<P>,
  us: string,
): MinutesRecord | undefined => {
  const { data } = event;
  const step = stepOf(p, event);
  switch (step) {
    case 'Proposed':
      return 'minutes' in data
        ? { minutes: data.minutes, proposedBy: us, status: 'awaiting_our_signature', signatures: [] }
        : record;
    case 'Received':
      return 'minutes' in data && 'signature' in data
        ? {
            minutes: data.minutes,
            proposedBy: data.signature.agency,
            status: 'awaiting_our_agreement',
            signatures: [data.signature],
          }
        : record;
    case 'Agreed':
      return record && { ...record, status: 'awaiting_our_signature' };
    case 'Signed':
    case 'Countersigned':
    case 'CoSigned': {
      if (!record || !('signature' in data)) return record;
      const status = step === 'Signed' ? 'awaiting_their_signature' : 'co_signed';
      return { ...record, signatures: [...record.signatures, data.signature], status };
    }
    case undefined:
      return record;
    default: {
      const unhandled: never = step;
      return unhandled;
    }
  }
};

const line = (minutes: HandoverMinutes): string =>
  `at ${minutes.borderGate} on ${bothLocalTimes(minutes.handedOverAt, minutes.handingOverAgency, minutes.receivingAgency)}`;

/** A timeline line for a minutes event (no particulars: the minutes name persons by id). */
export const describeMinutesEvent = <P extends MinutesProcess>(p: P, event: MinutesEventOf<P>): string => {
  const { data } = event;
  const by = 'signature' in data ? data.signature.agency : '';
  const step = stepOf(p, event);
  switch (step) {
    case 'Proposed':
      return 'minutes' in data
        ? `Hand-over minutes drafted ${line(data.minutes)}`
        : 'Hand-over minutes drafted';
    case 'Received':
      return 'minutes' in data
        ? `Hand-over minutes signed by ${by} received ${line(data.minutes)}`
        : `Hand-over minutes signed by ${by} received`;
    case 'Agreed':
      return 'Hand-over minutes agreed';
    case 'Signed':
      return `Hand-over minutes signed by ${by} and sent`;
    case 'Countersigned':
      return `Hand-over minutes countersigned by ${by} and sent`;
    case 'CoSigned':
      return `Hand-over minutes countersigned by ${by}: co-signed by both sides`;
    case undefined:
      return event.type;
    default: {
      const unhandled: never = step;
      return unhandled;
    }
  }
};
