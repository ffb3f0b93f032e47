/**
 * Retention on a schedule (docs/confidentiality.md): a closed case's particulars are erased once its
 * category's period has run from its closing, by the injected clock; open cases and cases of categories
 * without a period keep theirs; a second run (or a run after a restart, on new stores) erases nothing
 * more. A person in two cases keeps their key until the last of their cases is erased.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { PROCESS_CATEGORIES } from '@xb/domain';
import { RETENTION_CATEGORIES } from '@xb/config';
import { createEventStore, handleCommand, readStreamIfAny } from '@xb/event-store';
import { deciderOf } from '@xb/domain';
import { ProtectedEventStore } from '@xb/protection';
import { COMMAND_ROUTES } from '../api/command-routes';
import { protectParticulars } from '../runtime/protect-particulars';
import { applyRetention, CLOSED_STATUSES } from './retention';

const START = new Date('2026-03-01T00:00:00.000Z');
const day = (n: number) => new Date(START.getTime() + n * 86_400_000);
const US = 'CN.YN.BORDERPOLICE';

describe('retention on a schedule', () => {
  let dir: string;
  let store: ProtectedEventStore;
  let now = START;
  const open = () =>
    protectParticulars(createEventStore({ sqliteFile: path.join(dir, 'events.sqlite') }), dir, {
      now: () => now,
    });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-retention-'));
    store = open();
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const run = (caseId: string, type: string, data: Record<string, unknown>) =>
    handleCommand(store, deciderOf('verification'), caseId, {
      type,
      data,
      metadata: { now: now.toISOString(), actor: 'officer:o-1', agencyId: US, newIds: [uuidv7(), uuidv7()] },
    });
  const draft = (caseId: string, personId: string) => {
    const example = COMMAND_ROUTES.find((r) => r.command === 'DraftVerificationRequest')!.example(now);
    const subject = example.subject as { person: Record<string, unknown> };
    return { ...example, caseId, subject: { ...subject, person: { ...subject.person, personId } } };
  };
  const keyOf = async (keyId: string) => store.codec.keys.lookup(keyId);

  it('the closed statuses name every process, and the setting every category', () => {
    expect(Object.keys(CLOSED_STATUSES).sort()).toEqual([...PROCESS_CATEGORIES].sort());
    expect([...RETENTION_CATEGORIES].sort()).toEqual([...PROCESS_CATEGORIES].sort());
  });

  it('erases a case closed longer than its period, once, and keeps open cases and shared persons', async () => {
    const shared = uuidv7();
    const [closed, stillOpen] = [uuidv7(), uuidv7()];
    expect(await run(closed, 'DraftVerificationRequest', draft(closed, shared))).not.toHaveProperty('code');
    expect(await run(stillOpen, 'DraftVerificationRequest', draft(stillOpen, shared))).not.toHaveProperty(
      'code',
    );
    now = day(10);
    expect(
      await run(closed, 'WithdrawVerificationRequest', { reason: 'identified otherwise' }),
    ).not.toHaveProperty('code');
    const periods = { verification: 30 };
    // The person register's record of her, sealed under her key too, keeps no key alive by itself.
    await store.codec.keys.keyFor(`person:${shared}`, {
      caseId: shared,
      category: 'person',
      at: now.toISOString(),
    });

    // Thirty days after its closing (not its opening) the period is over.
    expect(await applyRetention(store, store.codec.keys, periods, day(39), US)).toEqual([]);
    expect(await applyRetention(store, store.codec.keys, { notice: 1 }, day(400), US)).toEqual([]);
    expect(await applyRetention(store, store.codec.keys, periods, day(41), US)).toEqual([
      { caseId: `verification-${closed}`, keyIds: [`case:${closed}`] },
    ]);
    expect(await keyOf(`case:${closed}`)).toMatchObject({
      erased: {
        destroyedBy: 'system:retention',
        ground: 'retention_expired',
        destroyedAt: day(41).toISOString(),
      },
    });
    // The person is still in an open case: their key stays.
    expect(await keyOf(`person:${shared}`)).toHaveProperty('key');
    expect(await keyOf(`case:${stillOpen}`)).toHaveProperty('key');
    // Audited: who, on what ground.
    const audit = (await store.readAll()).filter((e) => e.type === 'AuditParticularsErased');
    expect(audit.map((e) => e.data)).toEqual([
      expect.objectContaining({
        erasedBy: 'system:retention',
        ground: 'retention_expired',
        caseId: `verification-${closed}`,
      }),
    ]);

    // Idempotent, and restart-safe: new stores over the same files find nothing more to do.
    await store.close();
    store = open();
    expect(await applyRetention(store, store.codec.keys, periods, day(42), US)).toEqual([]);

    // The other case closes; when its period is over, the person goes with it (their last case).
    now = day(50);
    expect(
      await run(stillOpen, 'WithdrawVerificationRequest', { reason: 'identified otherwise' }),
    ).not.toHaveProperty('code');
    expect(await applyRetention(store, store.codec.keys, periods, day(81), US)).toEqual([
      { caseId: `verification-${stillOpen}`, keyIds: [`case:${stillOpen}`, `person:${shared}`] },
    ]);
    expect(await keyOf(`person:${shared}`)).toHaveProperty('erased');
    // The events are as they were: the case still reads, its particulars do not.
    expect((await readStreamIfAny(store, `verification-${stillOpen}`))?.length).toBe(2);
  });
});
