// The audit lib's unit tests stand on this in-memory store: it must keep the same contract as the real adapters.
import { describeEventStoreContract } from '../../../event-store/src/contract/event-store.contract.spec';
import { InMemoryEventStore } from './in-memory-store';

describeEventStoreContract(
  'in-memory (libs/audit/src/testing)',
  async () => new InMemoryEventStore(20, 4096),
  {
    maxEventBytes: 4096,
  },
);
