import { Command, DomainError } from '../decider';
import type { Evaluation, HandlingCode } from './handling';
import { headerCodeProblems } from './annex-rules';
import { Inbound, Outbound, OutboundKind } from './outbound';
import { notPermitted, validationFailed } from './refusals';
import { isAgencyId } from './values';

const AGENCY_ACTOR = 'agency:';

/** The agency behind an `agency:<id>` actor, or undefined for an officer or the system. */
export const counterpartActor = (actor: string): string | undefined =>
  actor.startsWith(AGENCY_ACTOR) ? actor.slice(AGENCY_ACTOR.length) : undefined;

/**
 * Checks that a command carries a counterpart's message: `metadata.actor = 'agency:<id>'` and
 * `metadata.messageId`. When the case already names its counterpart, the sender must be that agency.
 */
export const inboundOf = (command: Command, expectedCounterpart?: string): Inbound | DomainError => {
  const counterpart = counterpartActor(command.metadata.actor);
  if (counterpart === undefined || !isAgencyId(counterpart)) {
    return notPermitted(`${command.type} must come from a counterpart agency`);
  }
  if (expectedCounterpart !== undefined && counterpart !== expectedCounterpart) {
    return notPermitted(`${command.type} came from an agency that is not this case's counterpart`);
  }
  if (counterpart === command.metadata.agencyId) {
    return notPermitted(`${command.type} came from this node's own agency`);
  }
  const messageId = command.metadata.messageId;
  if (typeof messageId !== 'string' || messageId.length === 0)
    return validationFailed(['metadata.messageId']);
  // The header's handling code and evaluation come with the message (metadata) and stay with the event.
  const codes = headerCodeProblems(command.metadata);
  return codes.length > 0 ? validationFailed(codes) : { messageId, counterpart, ...headerCodesOf(command) };
};

/** Refuses a command meant for this node's officers when it arrives as a counterpart's message. */
export const refuseUnlessLocal = (command: Command): DomainError | undefined =>
  counterpartActor(command.metadata.actor) === undefined
    ? undefined
    : notPermitted(`${command.type} is taken by this agency, not by a counterpart`);

/**
 * The outbound descriptor for the envelope a command queues: its message id is `metadata.newIds[0]`,
 * chosen outside so that a retried command queues the same message.
 */
export const outboundOf = (
  command: Command,
  counterpart: string,
  kind: OutboundKind,
  inReplyTo?: string,
): Outbound | DomainError => {
  const messageId = command.metadata.newIds?.[0];
  if (typeof messageId !== 'string' || messageId.length === 0)
    return validationFailed(['metadata.newIds[0]']);
  const codes = headerCodeProblems(command.metadata);
  if (codes.length > 0) return validationFailed(codes);
  return {
    messageId,
    counterpart,
    kind,
    ...(inReplyTo === undefined ? {} : { inReplyTo }),
    ...headerCodesOf(command),
  };
};

/** The handling code and evaluation a command's metadata carries for its message, if any. */
const headerCodesOf = (command: Command): { handling?: HandlingCode; evaluation?: Evaluation } => {
  const { handling, evaluation } = command.metadata as { handling?: HandlingCode; evaluation?: Evaluation };
  return {
    ...(handling === undefined ? {} : { handling }),
    ...(evaluation === undefined ? {} : { evaluation }),
  };
};
