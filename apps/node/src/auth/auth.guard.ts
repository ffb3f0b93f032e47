import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Optional,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { JWTVerifyGetKey } from 'jose';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import type { OfficerAccounts } from '../officers/officer-accounts';
import { Officer, Role } from './roles';
import { csrfProblem, sessionTokenOf } from './session-cookie';
import { verifyToken } from './tokens';

export const TOKEN_KEYS = Symbol('TOKEN_KEYS');
/** The embedded sign-in's accounts and sessions (absent: bearer tokens only). */
export const OFFICER_ACCOUNTS = Symbol('OFFICER_ACCOUNTS');
const ROLES_KEY = 'xb:roles';

/** The roles allowed to call a route (any one of them). Routes without it are open (health, docs). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/**
 * 401 without a valid bearer token or console session (cookie, with its CSRF checks); 403 when the
 * officer's agency is not this node's or it has none of the route's roles. The verified officer is put
 * on the request for handlers and the audit trail.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_KEYS) private readonly keys: JWTVerifyGetKey,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Optional() @Inject(OFFICER_ACCOUNTS) private readonly accounts?: OfficerAccounts,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed) return true;
    const request = context.switchToHttp().getRequest<Request & { officer?: Officer }>();
    const officer = await this.officerOf(request);
    if (officer.agency !== this.config.agencyId) {
      throw new ForbiddenException({
        code: 'WRONG_AGENCY',
        reason: `token is for ${officer.agency}, this node is ${this.config.agencyId}`,
      });
    }
    if (!officer.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenException({ code: 'WRONG_ROLE', reason: `requires one of: ${allowed.join(', ')}` });
    }
    request.officer = officer;
    return true;
  }

  /** A bearer token when one is given (API clients), else the console's session cookie. */
  private async officerOf(request: Request): Promise<Officer> {
    const header = request.headers.authorization;
    const sessionToken = sessionTokenOf(request.headers);
    if (!header && sessionToken && this.accounts) {
      const session = this.accounts.session(sessionToken);
      if (!session)
        throw new UnauthorizedException({ code: 'SESSION_INVALID', reason: 'session ended or expired' });
      const problem = csrfProblem(request.headers, request.method, session.csrfToken);
      if (problem) throw new ForbiddenException({ code: 'CSRF_REFUSED', reason: problem });
      return session.officer;
    }
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    const verified = await verifyToken(token, this.keys, this.config.tokenIssuer);
    if (!verified.ok) throw new UnauthorizedException({ code: verified.code, reason: verified.reason });
    return verified.officer;
  }
}
