/**
 * `EventStoreModule.forRoot(...)`: provides the EventStore under EVENT_STORE (SQLite file or EventStoreDB),
 * registers the DecideCommand and LoadCaseQuery handlers (the app imports `CqrsModule.forRoot()`), and
 * closes the store when the application shuts down.
 */
import {
  Inject,
  Module,
  type DynamicModule,
  type FactoryProvider,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EsdbEventStore } from '../esdb/esdb-event-store';
import type { EventStore } from '../port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { DecideCommandHandler } from './decide-command';
import { LoadCaseQueryHandler } from './load-case-query';
import { EVENT_STORE } from './event-store.tokens';

export type EventStoreModuleOptions =
  /** The embedded default: a SQLite file (created when missing). */
  | {
      readonly sqliteFile: string;
      readonly maxEventBytes?: number;
      /** Where commits run (SqliteEventStoreOptions.writer). Default `inline`. */
      readonly writer?: 'inline' | 'thread';
    }
  /** EventStoreDB / KurrentDB, e.g. `esdb://host:2113?tls=false`. */
  | { readonly esdbConnectionString: string; readonly maxEventBytes?: number };

export function createEventStore(options: EventStoreModuleOptions): EventStore {
  if ('esdbConnectionString' in options) {
    return new EsdbEventStore({
      connectionString: options.esdbConnectionString,
      maxEventBytes: options.maxEventBytes,
    });
  }
  return new SqliteEventStore({
    file: options.sqliteFile,
    maxEventBytes: options.maxEventBytes,
    writer: options.writer,
  });
}

class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({})
export class EventStoreModule {
  static forRoot(options: EventStoreModuleOptions): DynamicModule {
    return EventStoreModule.forRootAsync({ useFactory: () => options });
  }

  /** Options from other providers, e.g. `{ useFactory: (config) => ({ sqliteFile: ... }), inject: [CONFIG] }`. */
  static forRootAsync(options: {
    useFactory: (...args: never[]) => EventStoreModuleOptions | Promise<EventStoreModuleOptions>;
    inject?: FactoryProvider['inject'];
  }): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        {
          provide: EVENT_STORE,
          useFactory: async (...args: never[]) => createEventStore(await options.useFactory(...args)),
          inject: options.inject ?? [],
        },
        EventStoreCloser,
        DecideCommandHandler,
        LoadCaseQueryHandler,
      ],
      exports: [EVENT_STORE],
    };
  }
}
