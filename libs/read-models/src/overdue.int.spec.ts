import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openReadModelDb, ReadModelConnection } from './database';
import { migrateReadModels } from './migrate';
import { overdueCounts } from './overdue';

/** The count behind the `xb_deadlines_overdue` metric: past the deadline and still awaiting, nothing else. */
describe('overdue counts', () => {
  let dir: string;
  let connection: ReadModelConnection;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-overdue-'));
    connection = await openReadModelDb({ sqliteFile: path.join(dir, 'read-models.sqlite') });
    await migrateReadModels(connection.db);
  });
  afterEach(async () => {
    await connection.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts cases past their deadline in an awaiting status, by process', async () => {
    const at = '2031-05-01T00:00:00.000Z';
    const verification = (case_id: string, status: string, deadline: string) => ({
      case_id,
      direction: 'outbound',
      status,
      counterpart: 'CN.YN.BORDERPOLICE',
      purpose: 'identity',
      subject_role: 'victim',
      deadline,
      round: 1,
      outcome: null,
      opened_at: at,
      answered_at: null,
      updated_at: at,
    });
    await connection.db
      .insertInto('verifications')
      .values([
        verification('v-late', 'sent', '2031-04-30T23:59:59.999Z'),
        verification('v-answered', 'answered', '2031-04-01T00:00:00.000Z'),
        verification('v-due', 'delivered', '2031-05-01T00:00:00.001Z'),
      ])
      .execute();
    const notice = (notice_id: string, status: string, processing_deadline: string | null) => ({
      notice_id,
      direction: 'inbound',
      kind: 'criminal_method',
      status,
      counterpart: 'LA.MPS',
      processing_deadline,
      received_at: at,
      processed_at: null,
      updated_at: at,
      source: 'counterpart',
      urgency: null,
    });
    await connection.db
      .insertInto('notices')
      .values([
        notice('n-late', 'received', '2031-04-02T00:00:00.000Z'),
        notice('n-open', 'classified', null),
        notice('n-done', 'processed', '2031-04-02T00:00:00.000Z'),
      ])
      .execute();
    // `now` at another offset is the same instant.
    expect(await overdueCounts(connection.db, '2031-05-01T07:00:00+07:00')).toEqual({
      verifications: 1,
      repatriations: 0,
      suspect_handovers: 0,
      notices: 1,
      locate_rescues: 0,
      wanted_persons: 0,
    });
  });
});
