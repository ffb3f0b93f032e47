import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeEventStoreContract } from '../contract/event-store.contract.spec';
import { SqliteEventStore } from './sqlite-event-store';

const dir = mkdtempSync(path.join(tmpdir(), 'xb-es-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeEventStoreContract(
  'SQLite (temp file)',
  async () => new SqliteEventStore({ file: path.join(dir, `store-${n++}.db`) }),
);

describeEventStoreContract(
  'SQLite (temp file, commits on a worker thread)',
  async () => new SqliteEventStore({ file: path.join(dir, `store-${n++}.db`), writer: 'thread' }),
);
