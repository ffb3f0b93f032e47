import type { Configuration } from 'openid-client';
import { Role, ROLES } from '../auth/roles';

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly rolesClaim: string;
}

/** What the callback needs back: kept in a short-lived HttpOnly cookie between the two legs. */
interface Pending {
  readonly verifier: string;
  readonly state: string;
  readonly nonce: string;
}

export type OidcOutcome =
  | { readonly ok: true; readonly officer: { id: string; displayName: string; roles: readonly Role[] } }
  | {
      readonly ok: false;
      readonly code: 'OIDC_FAILED' | 'OIDC_NO_ROLE' | 'WRONG_AGENCY';
      readonly reason: string;
    };

// openid-client is an ES module: loaded on first use, so nodes without an identity provider never load it.
const library = () => import('openid-client');

/**
 * Signing in at the agency's OpenID Connect provider: authorization code flow with PKCE (S256), state
 * and nonce, with openid-client. The ID token names the officer (`sub`), their roles (XB_OIDC_ROLES_CLAIM)
 * and, when it carries an `agency` claim, it must be this node's.
 */
export class OidcSignIn {
  private configuration?: Promise<Configuration>;

  constructor(
    private readonly settings: OidcSettings,
    private readonly agencyId: string,
  ) {}

  private config(): Promise<Configuration> {
    this.configuration ??= library().then((oidc) =>
      oidc.discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        this.settings.clientSecret,
        this.settings.clientSecret ? undefined : oidc.None(),
        // A plain-HTTP issuer only on loopback (tests, a lab): discovery refuses it otherwise.
        this.settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : undefined,
      ),
    );
    this.configuration.catch(() => (this.configuration = undefined));
    return this.configuration;
  }

  /** The provider's authorization URL for this sign-in, and the pending state to keep until the callback. */
  async start(redirectUri: string): Promise<{ url: string; pending: string }> {
    const oidc = await library();
    const pending: Pending = {
      verifier: oidc.randomPKCECodeVerifier(),
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
    };
    const url = oidc.buildAuthorizationUrl(await this.config(), {
      redirect_uri: redirectUri,
      scope: 'openid profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url: url.href, pending: Buffer.from(JSON.stringify(pending)).toString('base64url') };
  }

  /** Exchanges the code of the callback URL for tokens and reads the officer from the ID token. */
  async finish(callbackUrl: URL, pendingCookie: string | undefined): Promise<OidcOutcome> {
    let claims: Record<string, unknown> | undefined;
    try {
      if (!pendingCookie)
        return { ok: false, code: 'OIDC_FAILED', reason: 'no sign-in under way in this browser' };
      const pending = JSON.parse(Buffer.from(pendingCookie, 'base64url').toString('utf8')) as Pending;
      const oidc = await library();
      const tokens = await oidc.authorizationCodeGrant(await this.config(), callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims() as Record<string, unknown> | undefined;
    } catch (error) {
      return {
        ok: false,
        code: 'OIDC_FAILED',
        reason: error instanceof Error ? error.message.slice(0, 200) : 'sign-in failed',
      };
    }
    if (!claims || typeof claims.sub !== 'string')
      return { ok: false, code: 'OIDC_FAILED', reason: 'no ID token subject' };
    if (typeof claims.agency === 'string' && claims.agency !== this.agencyId)
      return {
        ok: false,
        code: 'WRONG_AGENCY',
        reason: `the provider says ${claims.agency}, this node is ${this.agencyId}`,
      };
    const listed = claims[this.settings.rolesClaim];
    const roles = (Array.isArray(listed) ? listed : []).filter((r): r is Role =>
      (ROLES as readonly string[]).includes(r),
    );
    if (roles.length === 0)
      return {
        ok: false,
        code: 'OIDC_NO_ROLE',
        reason: `no known role in the ${this.settings.rolesClaim} claim`,
      };
    const name = [claims.name, claims.preferred_username].find((n): n is string => typeof n === 'string');
    return { ok: true, officer: { id: claims.sub, displayName: name ?? claims.sub, roles } };
  }
}
