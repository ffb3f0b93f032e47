import { Controller, Get, Inject, NotFoundException, Optional, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import { OFFICER_ACCOUNTS } from '../auth/auth.guard';
import { sessionCookie } from '../auth/session-cookie';
import { CLOCK, Clock, SIGN_IN_AUDIT } from '../console-api/ports';
import type { OfficerAccounts } from './officer-accounts';
import type { OidcSignIn } from './oidc';
import {
  AUDIT_OFFICER_SIGN_IN_REFUSED,
  AUDIT_OFFICER_SIGNED_IN,
  SignInAudit,
  sourceAddressOf,
} from './sign-in-audit';

export const OIDC_SIGN_IN = Symbol('OIDC_SIGN_IN');
const PENDING_COOKIE = 'xb_oidc';
const CALLBACK = '/api/session/oidc/callback';

/**
 * Signing in at the agency's identity provider (when XB_OIDC_ISSUER is set): `GET /api/session/oidc`
 * sends the browser there; the provider sends it back to the callback, which opens the console session.
 * The pending PKCE verifier, state and nonce ride in an HttpOnly cookie for 10 minutes, SameSite=Lax
 * because the provider's redirect back is a cross-site navigation that a Strict cookie would miss.
 */
@Controller('api/session/oidc')
export class OidcController {
  constructor(
    @Inject(OFFICER_ACCOUNTS) private readonly accounts: OfficerAccounts,
    @Inject(SIGN_IN_AUDIT) private readonly audit: SignInAudit,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Optional() @Inject(OIDC_SIGN_IN) private readonly oidc?: OidcSignIn,
  ) {}

  @Get()
  async start(@Req() request: Request, @Res() response: Response) {
    const oidc = this.configured();
    const { url, pending } = await oidc.start(this.callbackUrl(request));
    response.setHeader('Set-Cookie', this.pendingCookie(pending, 600));
    response.redirect(302, url);
  }

  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response) {
    const oidc = this.configured();
    const pending = /(?:^|;\s*)xb_oidc=([\w-]+)/.exec(request.headers.cookie ?? '')?.[1];
    const outcome = await oidc.finish(new URL(request.originalUrl, this.callbackUrl(request)), pending);
    const at = this.clock().toISOString();
    const sourceAddress = sourceAddressOf(request);
    const cleared = this.pendingCookie('', 0);
    if (!outcome.ok) {
      await this.audit(AUDIT_OFFICER_SIGN_IN_REFUSED, {
        officerId: '(identity provider)',
        method: 'oidc',
        code: outcome.code,
        sourceAddress,
        at,
      });
      response.setHeader('Set-Cookie', cleared);
      return response.redirect(302, `/?signInRefused=${outcome.code}`);
    }
    const session = this.accounts.externalSession(outcome.officer);
    await this.audit(AUDIT_OFFICER_SIGNED_IN, {
      officerId: outcome.officer.id,
      method: 'oidc',
      sourceAddress,
      at,
    });
    response.setHeader('Set-Cookie', [
      cleared,
      sessionCookie(session.token, session.expiresAt, this.config.sessionCookieSecure),
    ]);
    response.redirect(302, '/');
  }

  private configured(): OidcSignIn {
    if (!this.oidc)
      throw new NotFoundException({ code: 'OIDC_NOT_CONFIGURED', reason: 'XB_OIDC_ISSUER is not set' });
    return this.oidc;
  }

  private callbackUrl(request: Request): string {
    // The provider checks it against the client's registered redirect URIs, so a forged Host gets nowhere.
    return `${request.protocol}://${request.headers.host}${CALLBACK}`;
  }

  private pendingCookie(value: string, maxAgeSeconds: number): string {
    return [
      `${PENDING_COOKIE}=${value}`,
      'Path=/api/session/oidc',
      'HttpOnly',
      'SameSite=Lax',
      ...(this.config.sessionCookieSecure ? ['Secure'] : []),
      `Max-Age=${maxAgeSeconds}`,
    ].join('; ');
  }
}
