import type { Request } from 'express';
import { v7 as uuidv7 } from 'uuid';
import { actorOf, Officer } from '../auth/roles';

/** Who asked, from where, under which request id: what the audit trail records of every API call. */
export interface RequestContext {
  readonly officer: Officer;
  readonly actor: string;
  readonly requestId: string;
  readonly sourceAddress: string;
}

export function requestContext(officer: Officer, request: Request): RequestContext {
  const given = request.headers['x-request-id'];
  return {
    officer,
    actor: actorOf(officer),
    requestId: typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : uuidv7(),
    sourceAddress: `${request.socket.remoteAddress ?? 'unknown'}:${request.socket.remotePort ?? 0}`,
  };
}
