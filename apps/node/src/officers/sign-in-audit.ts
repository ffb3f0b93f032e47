import type { IncomingMessage } from 'node:http';
import type { EventStore } from '@xb/event-store';

/**
 * Sign-ins, refusals and sign-outs as events of the audit trail (hash-chained and sealed like every
 * event), one stream per UTC day: `audit-signins-<yyyy-mm-dd>`. The id an officer typed is kept (bounded)
 * so that guessing shows; the password never is.
 */
export const AUDIT_OFFICER_SIGNED_IN = 'AuditOfficerSignedIn';
export const AUDIT_OFFICER_SIGN_IN_REFUSED = 'AuditOfficerSignInRefused';
export const AUDIT_OFFICER_SIGNED_OUT = 'AuditOfficerSignedOut';

export interface SignInAuditData {
  /** The officer id as given (at most 100 characters). */
  readonly officerId: string;
  /** How: `password` (local account) or `oidc` (the agency's identity provider). */
  readonly method: 'password' | 'oidc';
  /** The refusal's reason code, for a refusal. */
  readonly code?: string;
  readonly sourceAddress: string;
  readonly at: string;
}

export type SignInAuditType =
  typeof AUDIT_OFFICER_SIGNED_IN | typeof AUDIT_OFFICER_SIGN_IN_REFUSED | typeof AUDIT_OFFICER_SIGNED_OUT;

/** Where sign-in events go: the node's event store. */
export type SignInAudit = (type: SignInAuditType, data: SignInAuditData) => Promise<void>;

export const signInAuditTo =
  (store: EventStore): SignInAudit =>
  async (type, data) => {
    const officerId = data.officerId.slice(0, 100);
    await store.appendToStream(
      `audit-signins-${data.at.slice(0, 10)}`,
      [
        {
          type,
          data: { ...data, officerId },
          metadata: {
            correlationId: `signin:${officerId}`,
            actor: type === AUDIT_OFFICER_SIGN_IN_REFUSED ? 'system:api' : `officer:${officerId}`,
            occurredAt: data.at,
            schemaVersion: 1,
            sourceAddress: data.sourceAddress,
          },
        },
      ],
      { expectedRevision: 'any' },
    );
  };

/** Client address and port, as the audit trail records them for HTTP. */
export const sourceAddressOf = (request: IncomingMessage) =>
  `${request.socket.remoteAddress ?? 'unknown'}:${request.socket.remotePort ?? 0}`;
