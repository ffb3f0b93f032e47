import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { StoreClosedError } from '../errors';
import type { EventStore } from '../port';
import { counter, increment, open } from './counter-decider.fixture';
import { DecideCommand } from './decide-command';
import { EventStoreModule } from './event-store.module';
import { EVENT_STORE } from './event-store.tokens';

describe('EventStoreModule with @nestjs/cqrs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'xb-es-module-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs DecideCommand through the command bus against the configured store, and closes it on shutdown', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [CqrsModule.forRoot(), EventStoreModule.forRoot({ sqliteFile: path.join(dir, 'module.db') })],
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
  });
});
