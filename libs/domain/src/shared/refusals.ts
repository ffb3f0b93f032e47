import { domainError, DomainError } from '../decider';
import { describeTextRule, TextRefusal } from './text';
import { Problems } from './values';

/** The refusal codes deciders use. */
export type RefusalCode =
  | 'INVALID_TRANSITION'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'VALIDATION_FAILED'
  | 'NOT_PERMITTED'
  /** Passing a counterpart's message on that its handling code keeps from the recipient (dissemination.ts). */
  | 'HANDLING_RESTRICTED'
  /** Recording a hand-over before both sides signed its minutes (minutes-steps.ts). */
  | 'MINUTES_NOT_COSIGNED';

/** A command the current status does not allow. */
export const invalidTransition = (command: string, status: string): DomainError =>
  domainError('INVALID_TRANSITION', `${command} is not allowed when the case is ${status}`);

export const notFound = (command: string): DomainError =>
  domainError('NOT_FOUND', `${command} needs an existing case; there is none`);

export const alreadyExists = (command: string): DomainError =>
  domainError('ALREADY_EXISTS', `${command} would open a case that already exists`);

export const notPermitted = (reason: string): DomainError => domainError('NOT_PERMITTED', reason);

/** Names the malformed fields, never their values. */
export const validationFailed = (fields: Problems): DomainError =>
  domainError('VALIDATION_FAILED', `invalid or missing: ${fields.join(', ')}`, fields);

/**
 * The rule code a receipt names for a refusal (`Receipt.domain_code`): the code, then the paths of the
 * fields that broke it, e.g. `VALIDATION_FAILED:subject.person.dateOfBirth.month`. Paths only: a
 * receipt never carries payload content.
 */
export const receiptCodeOf = (error: DomainError): string =>
  error.fields && error.fields.length > 0 ? `${error.code}:${error.fields.join(',')}` : error.code;

/** The refusal for a list of problems, or undefined when there are none. */
export const refuseIf = (fields: Problems): DomainError | undefined =>
  fields.length > 0 ? validationFailed(fields) : undefined;

/** A field whose text breaks a rule of text.ts: named with the rule, never echoed. */
export const textRefused = ({ field, rule, kind }: TextRefusal): DomainError => ({
  ...domainError('VALIDATION_FAILED', `${field}: ${describeTextRule(rule, kind)}`),
  field,
  rule,
});
