/**
 * The contract against a real EventStoreDB / KurrentDB server, when ESDB_URL names one
 * (e.g. `ESDB_URL=esdb://127.0.0.1:2113?tls=false`). Without it the suite is skipped, visibly.
 */
import { describeEventStoreContract } from '../contract/event-store.contract.spec';
import { EsdbEventStore } from './esdb-event-store';

const url = process.env.ESDB_URL;

if (url) {
  describeEventStoreContract(
    `EventStoreDB adapter against ${url}`,
    async () => new EsdbEventStore({ connectionString: url }),
  );
} else {
  describe('EventStore contract: EventStoreDB adapter against a real server', () => {
    console.info(
      'skipped: the EventStoreDB contract against a real server needs ESDB_URL (e.g. esdb://host:2113?tls=false)',
    );
    it.skip('skipped: set ESDB_URL (e.g. esdb://127.0.0.1:2113?tls=false) to run the contract against a real server', () =>
      undefined);
  });
}
