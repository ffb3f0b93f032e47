import type { Provider } from '@nestjs/common';
import { NodeConfig, officersFile } from '@xb/config';
import type { EventStore } from '@xb/event-store';
import { OFFICER_ACCOUNTS } from '../auth/auth.guard';
import { OfficerAccounts } from './officer-accounts';
import { OfficerStore } from './officer-store';
import { OidcSignIn } from './oidc';
import { OIDC_SIGN_IN } from './oidc.controller';
import { CLOCK, Clock, EVENT_STORE, READ_MODELS, ReadModelsDb, SIGN_IN_AUDIT } from '../console-api/ports';
import { signInAuditTo } from './sign-in-audit';

/** What the console's controllers and sign-in need from the node: its clock, event store and read models. */
export function officersProviders(
  config: NodeConfig,
  node: { clock: Clock; store: EventStore; readModels: ReadModelsDb },
): Provider[] {
  return [
    { provide: CLOCK, useValue: node.clock },
    { provide: EVENT_STORE, useValue: node.store },
    { provide: READ_MODELS, useValue: node.readModels },
    { provide: SIGN_IN_AUDIT, useValue: signInAuditTo(node.store) },
    ...(config.oidcIssuer
      ? [
          {
            provide: OIDC_SIGN_IN,
            useValue: new OidcSignIn(
              {
                issuer: config.oidcIssuer,
                clientId: config.oidcClientId,
                ...(config.oidcClientSecret ? { clientSecret: config.oidcClientSecret } : {}),
                rolesClaim: config.oidcRolesClaim,
              },
              config.agencyId,
            ),
          },
        ]
      : []),
    {
      provide: OFFICER_ACCOUNTS,
      useFactory: () =>
        new OfficerAccounts(new OfficerStore(officersFile(config.dataDir)), config.agencyId, node.clock),
    },
  ];
}
