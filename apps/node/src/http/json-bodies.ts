import { HttpException, INestApplication } from '@nestjs/common';
import express, { NextFunction, Request, Response } from 'express';
import type { ApiError } from './error-filter';

/**
 * Largest request body the API reads. A command's free-text fields are bounded at 10,000 characters
 * (libs/domain text.ts), at most 40 kB each in UTF-8; a command with several of them fits well within.
 */
export const API_BODY_LIMIT = '512kb';

/** body-parser's errors by type; their messages quote the request, so only the type is read. */
const PARSER_ERRORS: Record<string, ApiError> = {
  'entity.parse.failed': { code: 'MALFORMED_JSON', reason: 'the body is not a JSON object or array' },
  'entity.too.large': { code: 'BODY_TOO_LARGE', reason: `the body is larger than ${API_BODY_LIMIT}` },
  'encoding.unsupported': { code: 'UNSUPPORTED_ENCODING', reason: 'the body’s encoding is not supported' },
  'charset.unsupported': { code: 'UNSUPPORTED_ENCODING', reason: 'the body’s charset is not supported' },
  'request.aborted': { code: 'REQUEST_ABORTED', reason: 'the request ended before its body' },
  'request.size.invalid': { code: 'MALFORMED_BODY', reason: 'the body’s length is not what its header said' },
};

/**
 * JSON request bodies, parsed strictly (an object or array only, so `null` is malformed). Nest's own
 * parser hands its errors on as the framework's default body quoting the request text; here each
 * becomes an HttpException in the API's format, which the error filter answers like any other.
 * Call before the app starts listening, with Nest's parser off (`bodyParser: false`).
 */
export function useJsonBodies(app: INestApplication): void {
  app.use(express.json({ limit: API_BODY_LIMIT, strict: true }));
  app.use((error: unknown, _request: Request, _response: Response, next: NextFunction) => {
    const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
    const known = typeof type === 'string' ? PARSER_ERRORS[type] : undefined;
    next(known && typeof status === 'number' ? new HttpException(known, status) : error);
  });
}
