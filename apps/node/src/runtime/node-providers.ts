import type { Provider } from '@nestjs/common';
import { NODE_CONFIG } from '@xb/config';
import { DecideCommandHandler, EVENT_STORE, LoadCaseQueryHandler } from '@xb/event-store';
import { ExchangeMetrics } from '@xb/exchange';
import { KeyStore } from '@xb/protection';
import { VerifyAuditTrailHandler } from '../api/audit-queries';
import { BOARD_QUERY_HANDLERS } from '../api/board-queries';
import { CaseTimelineHandler } from '../api/case-queries';
import { PersonRegister } from '../persons/person-register';
import type { AgencyNode } from './agency-node';
import { INBOX_HEALTH } from './inbox-health-probe';
import { MINUTES_HEALTH } from './minutes-health-probe';
import { NODE_CLOCK } from './node-clock';
import { NodeKeys } from './node-keys';
import { NodeDirectory } from './node-directory';
import { ReadModels } from './read-models';

/**
 * The node's parts as Nest providers, one per thing a controller needs (its settings, clock, event
 * store, read models, keys, metrics, inbox and minutes health). Controllers never see the AgencyNode.
 */
export function nodeParts(node: AgencyNode): Provider[] {
  return [
    { provide: NODE_CONFIG, useValue: node.config },
    { provide: NODE_CLOCK, useValue: () => node.now() },
    { provide: EVENT_STORE, useValue: node.store },
    { provide: ReadModels, useValue: node.readModels },
    { provide: NodeKeys, useValue: node.keys },
    { provide: ExchangeMetrics, useValue: node.metrics },
    { provide: INBOX_HEALTH, useValue: () => node.inboxHealth() },
    { provide: MINUTES_HEALTH, useValue: () => node.minutesHealth() },
    { provide: NodeDirectory, useValue: node.directory },
    { provide: KeyStore, useValue: node.particularKeys },
  ];
}

/**
 * The API's providers: the node's parts and the @nestjs/cqrs handlers of its commands and queries
 * (the app imports `CqrsModule.forRoot()`).
 */
export function nodeProviders(node: AgencyNode): Provider[] {
  return [
    ...nodeParts(node),
    DecideCommandHandler,
    LoadCaseQueryHandler,
    CaseTimelineHandler,
    VerifyAuditTrailHandler,
    ...BOARD_QUERY_HANDLERS,
    {
      provide: PersonRegister,
      useFactory: async () => {
        const keys = node.particularKeys;
        const register = new PersonRegister(node.store, await node.blindIndexer(), async (personId) => {
          const found = await keys.lookup(`person:${personId}`);
          return found !== undefined && 'erased' in found;
        });
        await register.start();
        return register;
      },
    },
  ];
}
