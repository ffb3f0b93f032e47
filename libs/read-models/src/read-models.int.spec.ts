import { migrateReadModels } from './migrate';
import { projectorOf, temporaryEventStore } from './testing/projection-run';
import { queryAnswers } from './testing/query-answers';
import { describeReadModelContract } from './testing/read-model-contract';
import { openPostgresReadModels, openSqliteReadModels } from './testing/read-model-databases';
import { writeScenario } from './testing/scenario';
import { readModelSnapshot } from './testing/snapshot';

describeReadModelContract('SQLite', openSqliteReadModels);
describeReadModelContract('PostgreSQL', openPostgresReadModels);

describe('read models on SQLite and PostgreSQL', () => {
  it('hold the same rows and give the same answers for the same events', async () => {
    const events = temporaryEventStore();
    const sqlite = await openSqliteReadModels();
    const postgres = await openPostgresReadModels();
    try {
      await writeScenario(events.store);
      for (const { db } of [sqlite, postgres]) {
        await migrateReadModels(db);
        await projectorOf(events.store, db).rebuild();
      }
      expect(await readModelSnapshot(postgres.db)).toStrictEqual(await readModelSnapshot(sqlite.db));
      expect(await queryAnswers(postgres.db)).toStrictEqual(await queryAnswers(sqlite.db));
    } finally {
      await postgres.dispose();
      await sqlite.dispose();
      await events.dispose();
    }
  });
});
