import { Command, DomainError, isDomainError } from '../decider';
import { inboundOf, outboundOf, refuseUnlessLocal } from './actors';
import { Inbound, Outbound, OutboundKind } from './outbound';
import { invalidTransition, notPermitted } from './refusals';

/**
 * Who may take a step and when. Every process except verification describes its commands with a
 * table of these rules, so the side and status checks read the same everywhere.
 */
export interface StepRule<Status extends string, Side extends string> {
  /** The side that takes the step; `either` for steps both sides may take. */
  readonly by: Side | 'either';
  /** Statuses that allow the step. */
  readonly from: readonly Status[];
  /** Whether the step arrives as a counterpart's message (`agency:<id>` actor + messageId). */
  readonly inbound: boolean;
}

/** The parts of a case a step check needs. */
export interface CaseView<Status extends string, Side extends string> {
  readonly status: Status;
  readonly ourSide: Side;
  readonly theirSide: Side;
  readonly counterpart: string;
}

/** What a passed check says about where the step came from. */
export type Origin = { readonly inbound: Inbound } | { readonly local: true };

/**
 * Checks, in order: the origin (a counterpart's message from this case's counterpart, or a local
 * officer), the acting side (NOT_PERMITTED), and the status (INVALID_TRANSITION).
 */
export const checkStep = <Status extends string, Side extends string>(
  command: Command,
  rule: StepRule<Status, Side>,
  view: CaseView<Status, Side>,
): Origin | DomainError => {
  let origin: Origin;
  if (rule.inbound) {
    const inbound = inboundOf(command, view.counterpart);
    if (isDomainError(inbound)) return inbound;
    origin = { inbound };
  } else {
    const refusal = refuseUnlessLocal(command);
    if (refusal) return refusal;
    origin = { local: true };
  }
  const acting = rule.inbound ? view.theirSide : view.ourSide;
  if (rule.by !== 'either' && rule.by !== acting) {
    return notPermitted(`${command.type} is taken by the ${rule.by} side, not the ${acting} side`);
  }
  if (!rule.from.includes(view.status)) return invalidTransition(command.type, view.status);
  return origin;
};

/** Where an event of a two-sided step came from or what it queues. */
export type MessageMarker = { readonly inbound: Inbound } | { readonly outbound: Outbound };

/**
 * The marker an event of a two-sided step carries: `inbound` when the step came from the counterpart,
 * else `outbound` for the envelope it queues (message id from `metadata.newIds[0]`).
 */
export const messageMarker = (
  command: Command,
  origin: Origin,
  counterpart: string,
  kind: OutboundKind,
  inReplyTo?: string,
): MessageMarker | DomainError => {
  if ('inbound' in origin) return { inbound: origin.inbound };
  const outbound = outboundOf(command, counterpart, kind, inReplyTo);
  return isDomainError(outbound) ? outbound : { outbound };
};
