import type { Provider } from '@nestjs/common';
import { CASE_COMMANDS, CASE_READER, caseReaderOn, EVENT_STORE } from '@xb/event-store';
import { ExchangeMetrics } from '@xb/exchange';
import type { AgencyNode } from './agency-node';
import { NodeKeys } from './node-keys';
import { ReadModels } from './read-models';

/**
 * The node's ports as Nest providers, one per thing a controller needs: run a command on a case, read
 * a case, the event store (audit records, timelines), the read models, the keys, the metrics.
 */
export function nodeProviders(node: AgencyNode): Provider[] {
  return [
    { provide: CASE_COMMANDS, useValue: node.cases },
    { provide: CASE_READER, useValue: caseReaderOn(node.store) },
    { provide: EVENT_STORE, useValue: node.store },
    { provide: ReadModels, useValue: node.readModels },
    { provide: NodeKeys, useValue: node.keys },
    { provide: ExchangeMetrics, useValue: node.metrics },
  ];
}
