import { sql } from 'kysely';
import { ReadModelDb } from './database';
import { createParkingTable } from './parking';
import { PROJECTED_TABLES } from './tables';

/**
 * Version of the read-model tables' shape. Raise it with any change to `tables.ts`: stores of another
 * version are emptied by `migrateReadModels` and rebuilt by the projector from the start.
 */
export const READ_MODEL_SCHEMA_VERSION = 9;

/**
 * Makes the read-model store hold the tables of READ_MODEL_SCHEMA_VERSION. Read models are disposable
 * (rebuilt from the event store), so a store of another version (or of none: written before versions
 * were recorded) is not migrated in place: its tables and checkpoints are dropped and created anew, and
 * the next projector start replays the whole global order. Returns whether it did so.
 */
export async function migrateReadModels(db: ReadModelDb): Promise<boolean> {
  await db.schema
    .createTable('rm_schema')
    .ifNotExists()
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  const row = await db
    .selectFrom('rm_schema')
    .select('version')
    .where('name', '=', 'read-models')
    .executeTakeFirst();
  const current = row !== undefined && Number(row.version) === READ_MODEL_SCHEMA_VERSION;
  await db.transaction().execute(async (trx) => {
    if (!current)
      for (const table of [...PROJECTED_TABLES, 'rm_checkpoints', 'rm_parked_events'])
        await trx.schema.dropTable(table).ifExists().execute();
    await createTables(trx);
    await trx
      .insertInto('rm_schema')
      .values({ name: 'read-models', version: READ_MODEL_SCHEMA_VERSION })
      .onConflict((oc) => oc.column('name').doUpdateSet({ version: READ_MODEL_SCHEMA_VERSION }))
      .execute();
  });
  return !current;
}

/** Creates the tables and indexes of the current version where missing. */
async function createTables(db: ReadModelDb): Promise<void> {
  const text = 'text' as const;
  await db.schema
    .createTable('rm_checkpoints')
    .ifNotExists()
    .addColumn('name', text, (c) => c.primaryKey())
    .addColumn('position', text, (c) => c.notNull())
    .execute();
  await createParkingTable(db);
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
    .addColumn('source', text, (c) => c.notNull().defaultTo(''))
    .addColumn('urgency', text)
    .execute();
  await caseColumns('locate_rescues', 'case_id')
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('deadline', text, (c) => c.notNull())
    .addColumn('progress_reports', 'integer', (c) => c.notNull())
    .addColumn('outcome_at', text)
    .addColumn('opened_at', text, (c) => c.notNull())
    .execute();
  await caseColumns('wanted_persons', 'case_id')
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('warrant_reference', text, (c) => c.notNull())
    .addColumn('deadline', text, (c) => c.notNull())
    .addColumn('progress_reports', 'integer', (c) => c.notNull())
    .addColumn('arrested_at', text)
    .addColumn('opened_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('follow_on_cases')
    .ifNotExists()
    .addColumn('case_id', text, (c) => c.notNull())
    .addColumn('linked_case_id', text, (c) => c.notNull())
    .addColumn('process', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('follow_on_cases_pk', ['case_id', 'linked_case_id'])
    .execute();
  await db.schema
    .createTable('messages')
    .ifNotExists()
    .addColumn('message_id', text, (c) => c.primaryKey())
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('case_id', text, (c) => c.notNull())
    .addColumn('category', text)
    .addColumn('counterpart', text, (c) => c.notNull())
    .addColumn('payload_type', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('reason', text)
    .addColumn('claimed_message_id', text)
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('dissemination', text)
    .execute();
  await caseColumns('liaison_meetings', 'meeting_id')
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('level', text, (c) => c.notNull())
    .addColumn('host', text, (c) => c.notNull())
    .addColumn('starts_at', text, (c) => c.notNull())
    .addColumn('answer_deadline', text, (c) => c.notNull())
    .addColumn('held_at', text)
    .addColumn('opened_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('liaison_action_items')
    .ifNotExists()
    .addColumn('meeting_id', text, (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('owner', text, (c) => c.notNull())
    .addColumn('deadline', text, (c) => c.notNull())
    .addColumn('done_at', text)
    .addPrimaryKeyConstraint('liaison_action_items_pk', ['meeting_id', 'number'])
    .execute();
  await caseColumns('missions', 'mission_id')
    .addColumn('direction', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('supported_case_id', text)
    .addColumn('members', 'integer', (c) => c.notNull())
    .addColumn('arrives_on', text, (c) => c.notNull())
    .addColumn('departs_on', text, (c) => c.notNull())
    .addColumn('entry_gate', text, (c) => c.notNull())
    .addColumn('deadline', text, (c) => c.notNull())
    .addColumn('opened_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('report_facts')
    .ifNotExists()
    .addColumn('fact_id', text, (c) => c.primaryKey())
    .addColumn('fact', text, (c) => c.notNull())
    .addColumn('done_by', text, (c) => c.notNull())
    .addColumn('counterpart', text, (c) => c.notNull())
    .addColumn('border_gate', text, (c) => c.notNull())
    .addColumn('sex', text, (c) => c.notNull())
    .addColumn('age_group', text, (c) => c.notNull())
    .addColumn('detail', text, (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('deadline_escalations')
    .ifNotExists()
    .addColumn('stream_id', text, (c) => c.primaryKey())
    .addColumn('category', text, (c) => c.notNull())
    .addColumn('case_id', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('ref', text, (c) => c.notNull())
    .addColumn('due', text, (c) => c.notNull())
    .addColumn('escalated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('case_handling')
    .ifNotExists()
    .addColumn('stream_id', text, (c) => c.primaryKey())
    .addColumn('category', text, (c) => c.notNull())
    .addColumn('case_id', text, (c) => c.notNull())
    .addColumn('dissemination', text, (c) => c.notNull())
    .addColumn('evidential_use', text, (c) => c.notNull())
    .addColumn('has_conditions', 'integer', (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('received_erasure_notices')
    .ifNotExists()
    .addColumn('message_id', text, (c) => c.primaryKey())
    .addColumn('sender', text, (c) => c.notNull())
    .addColumn('erasure_id', text, (c) => c.notNull())
    .addColumn('ground', text, (c) => c.notNull())
    .addColumn('erased_at', text, (c) => c.notNull())
    .addColumn('received_at', text, (c) => c.notNull())
    .addColumn('person_ids', text, (c) => c.notNull())
    .addColumn('cases', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('decision', text)
    .addColumn('decided_by', text)
    .addColumn('decided_at', text)
    .addColumn('key_ids', text)
    .addColumn('updated_at', text, (c) => c.notNull())
    .execute();
  // The filters, and each board's order (its first page reads the index, not the whole table).
  for (const [table, ...columns] of [
    ['report_facts', 'at'],
    ['repatriations', 'status'],
    ['verifications', 'status'],
    ['suspect_handovers', 'status'],
    ['notices', 'status'],
    ['repatriations', 'opened_at', 'case_id'],
    ['repatriations', 'deadline'],
    ['verifications', 'deadline', 'case_id'],
    ['suspect_handovers', 'opened_at'],
    ['suspect_handovers', 'deadline'],
    ['notices', 'received_at'],
    ['notices', 'processing_deadline'],
    ['joint_operations', 'starts_on', 'operation_id'],
    ['messages', 'updated_at'],
    ['messages', 'counterpart', 'updated_at'],
    ['messages', 'status', 'updated_at'],
    ['messages', 'direction', 'updated_at'],
    ['locate_rescues', 'status'],
    ['wanted_persons', 'status'],
    ['liaison_meetings', 'starts_at', 'meeting_id'],
    ['missions', 'arrives_on', 'mission_id'],
    ['deadline_escalations', 'escalated_at'],
    ['case_handling', 'case_id'],
    ['received_erasure_notices', 'status', 'received_at', 'message_id'],
  ] as const) {
    const name = `${table}_${columns.join('_')}_idx`;
    await sql`create index if not exists ${sql.raw(name)} on ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})`.execute(
      db,
    );
  }
}
