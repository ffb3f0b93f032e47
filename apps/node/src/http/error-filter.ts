import { ArgumentsHost, Catch, ExceptionFilter, HttpException, LoggerService } from '@nestjs/common';
import type { Response } from 'express';

/** The API's one error body (docs/operations.md, "Errors of the API"): a code always, a field when one is to blame. */
export interface ApiError {
  readonly code: string;
  readonly reason: string;
  readonly field?: string;
  readonly rule?: string;
  readonly [fact: string]: unknown;
}

/** Bodies for the framework's own refusals, which carry no code and may quote the path. */
const BY_STATUS: Record<number, ApiError> = {
  400: { code: 'BAD_REQUEST', reason: 'the request is malformed' },
  401: { code: 'UNAUTHENTICATED', reason: 'a valid bearer token is required' },
  403: { code: 'FORBIDDEN', reason: 'not allowed' },
  404: { code: 'NO_SUCH_ROUTE', reason: 'no such route; see /openapi.json' },
  405: { code: 'METHOD_NOT_ALLOWED', reason: 'this route does not take that method' },
  413: { code: 'BODY_TOO_LARGE', reason: 'the body is larger than the API accepts' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'send application/json' },
};

const INTERNAL: ApiError = {
  code: 'INTERNAL_ERROR',
  reason: 'the node could not answer; the error is logged',
};

/** The status and body every error answers with, whatever threw it. */
export function apiErrorOf(exception: unknown): { status: number; body: ApiError } {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (isApiError(response)) return { status, body: withReason(response) };
    return { status, body: BY_STATUS[status] ?? (status >= 500 ? INTERNAL : BY_STATUS[400]) };
  }
  return { status: 500, body: INTERNAL };
}

/**
 * Every error of the API in its one format, echoing nothing of the request. Refusals with a code (client
 * errors, a 503 health answer) are expected and not logged; anything unexpected is logged once as an
 * error with its stack, without its message, which may quote a victim's particulars.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: LoggerService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<{ method?: string; route?: { path?: string } }>();
    const { status, body } = apiErrorOf(exception);
    if (body.code === INTERNAL.code) {
      const route = `${request.method ?? '?'} ${request.route?.path ?? '(no route)'}`;
      this.logger.error(`${route} failed: ${body.code}`, stackWithoutMessage(exception), 'ApiErrorFilter');
    }
    if (response.headersSent) return void response.end();
    response.status(status).json(body);
  }
}

const isApiError = (value: unknown): value is ApiError =>
  typeof value === 'object' && value !== null && typeof (value as ApiError).code === 'string';

// Our own exceptions carry a code, and may carry facts beside it (the health check's projector facts).
const withReason = (response: ApiError): ApiError => ({
  ...response,
  reason: typeof response.reason === 'string' ? response.reason : response.code,
});

function stackWithoutMessage(exception: unknown): string {
  if (!(exception instanceof Error)) return typeof exception;
  const frames = (exception.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [exception.name, ...frames].join('\n');
}
