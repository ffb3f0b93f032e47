import type { SessionAnswer } from '@xb/console-contract';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
  ForbiddenException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import { OFFICER_ACCOUNTS } from '../auth/auth.guard';
import { clearedSessionCookie, csrfProblem, sessionCookie, sessionTokenOf } from '../auth/session-cookie';
import { parseBody } from '../http/responses';
import type { OfficerAccounts } from './officer-accounts';
import { CLOCK, Clock, SIGN_IN_AUDIT } from '../console-api/ports';
import {
  AUDIT_OFFICER_SIGN_IN_REFUSED,
  AUDIT_OFFICER_SIGNED_IN,
  AUDIT_OFFICER_SIGNED_OUT,
  SignInAudit,
  sourceAddressOf,
} from './sign-in-audit';

const signInBody = z.object({ officerId: z.string().min(1).max(100), password: z.string().min(1).max(200) });

/**
 * The console's sign-in with a local officer account: `POST /api/session` sets the session cookie and
 * answers the officer and the session's CSRF token; `GET` gives them again (after a reload); `DELETE`
 * signs out. Every sign-in, refusal and sign-out goes to the audit trail.
 */
@Controller('api/session')
export class SessionController {
  constructor(
    @Inject(OFFICER_ACCOUNTS) private readonly accounts: OfficerAccounts,
    @Inject(SIGN_IN_AUDIT) private readonly audit: SignInAudit,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
  ) {}

  @Post()
  @HttpCode(200)
  async signIn(
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionAnswer> {
    const origin = csrfProblem(request.headers, request.method);
    if (origin) throw new ForbiddenException({ code: 'CSRF_REFUSED', reason: origin });
    const { officerId, password } = parseBody(signInBody, body);
    const outcome = await this.accounts.signIn(officerId, password);
    const at = this.clock().toISOString();
    const sourceAddress = sourceAddressOf(request);
    if (!outcome.ok) {
      await this.audit(AUDIT_OFFICER_SIGN_IN_REFUSED, {
        officerId,
        method: 'password',
        code: outcome.code,
        sourceAddress,
        at,
      });
      const { ok: _ok, ...refusal } = outcome;
      throw new UnauthorizedException(refusal);
    }
    await this.audit(AUDIT_OFFICER_SIGNED_IN, { officerId, method: 'password', sourceAddress, at });
    response.setHeader(
      'Set-Cookie',
      sessionCookie(outcome.token, outcome.expiresAt, this.config.sessionCookieSecure),
    );
    response.setHeader('Cache-Control', 'no-store');
    return { officer: outcome.officer, csrfToken: outcome.csrfToken, expiresAt: outcome.expiresAt };
  }

  @Get()
  current(@Req() request: Request, @Res({ passthrough: true }) response: Response): SessionAnswer {
    const token = sessionTokenOf(request.headers);
    const session = token ? this.accounts.session(token) : undefined;
    if (!session) throw new UnauthorizedException({ code: 'SESSION_INVALID', reason: 'not signed in' });
    response.setHeader('Cache-Control', 'no-store');
    return session;
  }

  @Delete()
  @HttpCode(204)
  async signOut(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const token = sessionTokenOf(request.headers);
    const session = token ? this.accounts.session(token) : undefined;
    if (token && session) {
      const problem = csrfProblem(request.headers, request.method, session.csrfToken);
      if (problem) throw new ForbiddenException({ code: 'CSRF_REFUSED', reason: problem });
      this.accounts.signOut(token);
      await this.audit(AUDIT_OFFICER_SIGNED_OUT, {
        officerId: session.officer.id,
        method: 'password',
        sourceAddress: sourceAddressOf(request),
        at: this.clock().toISOString(),
      });
    }
    response.setHeader('Set-Cookie', clearedSessionCookie(this.config.sessionCookieSecure));
  }
}
