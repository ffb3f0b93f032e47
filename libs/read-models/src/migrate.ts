import { sql } from 'kysely';
import { ReadModelDb } from './database';

/**
 * Creates the read-model tables if missing. Read models are disposable (rebuilt from the event store), so
 * a schema change is a new table set plus a rebuild, not an in-place migration.
 */
export async function migrateReadModels(db: ReadModelDb): Promise<void> {
  const text = 'text' as const;
  await db.schema
    .createTable('rm_checkpoints')
    .ifNotExists()
    .addColumn('name', text, (c) => c.primaryKey())
    .addColumn('position', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('case_documents')
    .ifNotExists()
    .addColumn('stream_id', text, (c) => c.primaryKey())
    .addColumn('category', text, (c) => c.notNull())
    .addColumn('case_id', text, (c) => c.notNull())
    .addColumn('state_json', text, (c) => c.notNull())
    .addColumn('last_position', text, (c) => c.notNull())
    .execute();
  const caseColumns = (table: string, key: string) =>
    db.schema
      .createTable(table)
      .ifNotExists()
      .addColumn(key, text, (c) => c.primaryKey())
      .addColumn('status', text, (c) => c.notNull())
      .addColumn('counterpart', text, (c) => c.notNull())
      .addColumn('updated_at', text, (c) => c.notNull());
  await caseColumns('verifications', 'case_id')
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('purpose', text, (c) => c.notNull())
    .addColumn('subject_role', text, (c) => c.notNull())
    .addColumn('deadline', text, (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('outcome', text)
    .addColumn('opened_at', text, (c) => c.notNull())
    .addColumn('answered_at', text)
    .execute();
  await caseColumns('repatriations', 'case_id')
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('border_gate', text)
    .addColumn('province', text)
    .addColumn('handover_date', text)
    .addColumn('deadline', text)
    .addColumn('children', 'integer', (c) => c.notNull())
    .addColumn('children_handed_over', 'integer', (c) => c.notNull())
    .addColumn('opened_at', text, (c) => c.notNull())
    .addColumn('handed_over_at', text)
    .execute();
  await caseColumns('suspect_handovers', 'case_id')
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('warrant_reference', text)
    .addColumn('border_gate', text)
    .addColumn('handover_date', text)
    .addColumn('deadline', text)
    .addColumn('opened_at', text, (c) => c.notNull())
    .addColumn('handed_over_at', text)
    .execute();
  await caseColumns('joint_operations', 'operation_id')
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('starts_on', text)
    .addColumn('ends_on', text)
    .addColumn('opened_at', text, (c) => c.notNull())
    .addColumn('closed_at', text)
    .execute();
  await db.schema
    .createTable('joint_operation_cases')
    .ifNotExists()
    .addColumn('operation_id', text, (c) => c.notNull())
    .addColumn('case_id', text, (c) => c.notNull())
    .addColumn('case_type', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('joint_operation_cases_pk', ['operation_id', 'case_id'])
    .execute();
  await caseColumns('notices', 'notice_id')
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('processing_deadline', text)
    .addColumn('received_at', text, (c) => c.notNull())
    .addColumn('processed_at', text)
    .execute();
  for (const [table, column] of [
    ['repatriations', 'status'],
    ['verifications', 'status'],
    ['suspect_handovers', 'status'],
    ['notices', 'status'],
  ] as const) {
    await sql`create index if not exists ${sql.raw(`${table}_${column}_idx`)} on ${sql.table(table)} (${sql.ref(column)})`.execute(
      db,
    );
  }
}
