import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CommandBus, CqrsModule, QueryBus } from '@nestjs/cqrs';
import { deciderOf } from '@xb/domain';
import { Test } from '@nestjs/testing';
import { StoreClosedError } from '../errors';
import type { EventStore } from '../port';
import { counter, increment, open } from './counter-decider.fixture';
import { DecideCommand } from './decide-command';
import { EventStoreModule } from './event-store.module';
import { EVENT_STORE } from './event-store.tokens';
import { LoadCaseQuery } from './load-case-query';

describe('EventStoreModule with @nestjs/cqrs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'xb-es-module-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['inline', 'thread'] as const)(
    'runs DecideCommand through the command bus against the configured store (commits %s), and closes it on shutdown',
    async (writer) => {
      const moduleRef = await Test.createTestingModule({
        imports: [
          CqrsModule.forRoot(),
          EventStoreModule.forRoot({ sqliteFile: path.join(dir, `module-${writer}.db`), writer }),
        ],
      }).compile();
      const app = await moduleRef.init();
      const bus = app.get(CommandBus);
      const store = app.get<EventStore>(EVENT_STORE);

      expect(await bus.execute(new DecideCommand(counter, 'c7', open()))).toMatchObject({
        kind: 'Accepted',
        revision: 0n,
      });
      expect(await bus.execute(new DecideCommand(counter, 'c7', increment(2)))).toMatchObject({
        kind: 'Accepted',
        revision: 1n,
      });
      expect(await bus.execute(new DecideCommand(counter, 'c8', increment(2)))).toMatchObject({
        kind: 'DomainError',
        code: 'NOT_FOUND',
      });
      expect((await store.readStream('counter-c7')).map((e) => e.type)).toEqual([
        'CounterOpened',
        'Incremented',
      ]);

      await app.close();
      await expect(store.readStream('counter-c7')).rejects.toBeInstanceOf(StoreClosedError);
    },
  );

  it('runs a process command chosen at run time through the bus and reads the case back through LoadCaseQuery', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot(), EventStoreModule.forRoot({ sqliteFile: path.join(dir, 'cases.db') })],
    }).compile();
    const app = await moduleRef.init();
    const caseId = '0193a7b2-0000-7000-8000-000000000502';
    const tip = {
      type: 'RecordHotlineTip',
      data: {
        caseId,
        title: 'Girl missing',
        content: 'caller reports a girl taken across',
        channel: 'phone',
        callerKind: 'relative',
        urgency: 'priority',
        receivedAt: '2026-11-23T03:00:00Z',
        processingDeadline: '2026-11-24T03:00:00Z',
      },
      metadata: { actor: 'officer:7', agencyId: 'VN.BGC.LAICHAU', now: '2026-11-23T04:00:00Z' },
    };

    const outcome = await app.get(CommandBus).execute(new DecideCommand(deciderOf('notice'), caseId, tip));
    expect(outcome).toMatchObject({ kind: 'Accepted', events: [{ type: 'HotlineTipRecorded' }] });
    const queries = app.get(QueryBus);
    expect(await queries.execute(new LoadCaseQuery('notice', caseId))).toMatchObject({ status: 'received' });
    expect(await queries.execute(new LoadCaseQuery('verification', caseId))).toEqual({ status: 'none' });
    await app.close();
  });
});
