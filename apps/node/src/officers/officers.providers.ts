import type { Provider } from '@nestjs/common';
import { NodeConfig, officersFile } from '@xb/config';
import type { EventStore } from '@xb/event-store';
import { OFFICER_ACCOUNTS } from '../auth/auth.guard';
import { OfficerAccounts } from './officer-accounts';
import { OfficerStore } from './officer-store';
import { CLOCK, Clock, SIGN_IN_AUDIT } from './ports';
import { signInAuditTo } from './sign-in-audit';

/** What the console's sign-in needs from the node: its clock and its event store (for the audit trail). */
export function officersProviders(config: NodeConfig, node: { clock: Clock; store: EventStore }): Provider[] {
  return [
    { provide: CLOCK, useValue: node.clock },
    { provide: SIGN_IN_AUDIT, useValue: signInAuditTo(node.store) },
    {
      provide: OFFICER_ACCOUNTS,
      useFactory: () =>
        new OfficerAccounts(new OfficerStore(officersFile(config.dataDir)), config.agencyId, node.clock),
    },
  ];
}
