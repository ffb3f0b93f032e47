import { NodeConfig, readModelsFile } from '@xb/config';
import { EventStore } from '@xb/event-store';
import {
  ALL_PROJECTIONS,
  migrateReadModels,
  openReadModelDb,
  Projector,
  ParkedEvent,
  ReadModelConnection,
} from '@xb/read-models';

/** The node's read models: opened lazily (only roles that use them pay for the connection). */
export class ReadModels {
  private connection?: Promise<ReadModelConnection>;
  private projector?: Projector;

  constructor(
    private readonly config: NodeConfig,
    private readonly store: EventStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async db() {
    this.connection ??= (async () => {
      const connection = await openReadModelDb({
        ...(this.config.databaseUrl ? { databaseUrl: this.config.databaseUrl } : {}),
        sqliteFile: readModelsFile(this.config.dataDir),
      });
      await migrateReadModels(connection.db);
      return connection;
    })();
    return (await this.connection).db;
  }

  /** Why the projector stopped, if it failed (the node reports it on /health). */
  get failure(): unknown {
    return this.projector?.failure;
  }

  /** Global position the projector has applied up to (undefined before the first event). */
  get position(): bigint | undefined {
    return this.projector?.position;
  }

  /** Events the running projector parked (undefined where this process runs no projector). */
  get parkedCount(): number | undefined {
    return this.projector?.parkedCount;
  }

  async parkedEvents(limit?: number): Promise<ParkedEvent[]> {
    return this.projector ? this.projector.parkedEvents(limit) : [];
  }

  async startProjector() {
    const projector = this.newProjector(await this.db());
    await projector.start();
    this.projector = projector;
    return { name: 'projector', stop: () => projector.stop() };
  }

  /** Empties the read models and replays the whole event store into them (the `rebuild` command). */
  async rebuild(): Promise<number> {
    return this.newProjector(await this.db()).rebuild();
  }

  /** Applies the parked events again (`read-models:rebuild -- --parked`); no projector may run meanwhile. */
  async replayParked(): Promise<{ replayed: number; parked: number }> {
    return this.newProjector(await this.db()).replayParked();
  }

  private newProjector(db: ReadModelConnection['db']): Projector {
    return new Projector({ store: this.store, db, projections: ALL_PROJECTIONS, clock: this.clock });
  }

  async close(): Promise<void> {
    if (this.connection) await (await this.connection).close();
    this.connection = undefined;
  }
}
