import { DomainEvent } from './decider';
import {
  describeSuspectHandoverEvent,
  SUSPECT_HANDOVER_EVENT_TYPES,
  SuspectHandoverEvent,
  suspectHandoverDecider,
} from './handover';
import {
  describeJointOperationEvent,
  JOINT_OPERATION_EVENT_TYPES,
  JointOperationEvent,
  jointOperationDecider,
} from './jointop';
import { describeNoticeEvent, NOTICE_EVENT_TYPES, NoticeEvent, noticeDecider } from './notice';
import {
  describeRepatriationEvent,
  REPATRIATION_EVENT_TYPES,
  RepatriationEvent,
  repatriationDecider,
} from './repatriation';
import {
  describeVerificationEvent,
  VERIFICATION_EVENT_TYPES,
  VerificationEvent,
  verificationDecider,
} from './verification';

/** Every process's decider by stream category. */
export const DECIDERS = {
  verification: verificationDecider,
  repatriation: repatriationDecider,
  handover: suspectHandoverDecider,
  jointop: jointOperationDecider,
  notice: noticeDecider,
} as const;

export type ProcessCategory = keyof typeof DECIDERS;
export const PROCESS_CATEGORIES = Object.keys(DECIDERS) as readonly ProcessCategory[];

/** Any event of any process. */
export type CooperationEvent =
  VerificationEvent | RepatriationEvent | SuspectHandoverEvent | JointOperationEvent | NoticeEvent;

const timelines: {
  readonly [C in ProcessCategory]: {
    readonly types: readonly string[];
    readonly describe: (event: never) => string;
  };
} = {
  verification: { types: VERIFICATION_EVENT_TYPES, describe: describeVerificationEvent },
  repatriation: { types: REPATRIATION_EVENT_TYPES, describe: describeRepatriationEvent },
  handover: { types: SUSPECT_HANDOVER_EVENT_TYPES, describe: describeSuspectHandoverEvent },
  jointop: { types: JOINT_OPERATION_EVENT_TYPES, describe: describeJointOperationEvent },
  notice: { types: NOTICE_EVENT_TYPES, describe: describeNoticeEvent },
};

/** The process an event type belongs to, or undefined for a type no process knows. */
export const categoryOfEventType = (type: string): ProcessCategory | undefined =>
  PROCESS_CATEGORIES.find((category) => timelines[category].types.includes(type));

/**
 * A short timeline line for any process event, without personal particulars; undefined for an event
 * type no process knows (e.g. audit seals), so callers can skip or label it themselves.
 */
export const describeEvent = (event: DomainEvent): string | undefined => {
  const category = categoryOfEventType(event.type);
  return category === undefined ? undefined : timelines[category].describe(event as never);
};
