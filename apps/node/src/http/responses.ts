import { BadRequestException, ConflictException, HttpException, NotFoundException } from '@nestjs/common';
import { ZodType } from 'zod';
import { DomainError, isDomainError } from '@xb/domain';

/**
 * Validates a request body: a bad request gets 400 naming the first bad field, never echoing its value
 * (it may be a victim's particulars).
 */
export function parseBody<T>(schema: ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.length > 0 ? issue.path.join('.') : '(body)';
  throw new BadRequestException({ code: 'VALIDATION_FAILED', field, reason: `${field}: ${issue.message}` });
}

/** Maps a domain refusal to its HTTP status: unknown case 404, bad input 400, refused transition 409. */
export function httpErrorOf(error: DomainError): HttpException {
  // A refusal naming one field (e.g. an asked purpose left unanswered, `answers.family`) names it.
  const field = error.field ?? (error.fields?.length === 1 ? error.fields[0] : undefined);
  const body = {
    code: error.code,
    reason: error.reason,
    ...(field ? { field } : {}),
    ...(error.rule ? { rule: error.rule } : {}),
  };
  switch (error.code) {
    case 'NOT_FOUND':
      return new NotFoundException(body);
    case 'VALIDATION_FAILED':
      return new BadRequestException(body);
    default:
      return new ConflictException(body);
  }
}

/** Returns the value, or throws the HTTP error of a domain refusal. */
export function orHttpError<T>(result: T | DomainError): Exclude<T, DomainError> {
  if (isDomainError(result)) throw httpErrorOf(result);
  return result as Exclude<T, DomainError>;
}
