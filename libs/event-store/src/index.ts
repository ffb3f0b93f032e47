export * from './port';
export * from './in-batches';
export { allCommitted, TurnBatcher, type BatchOutcome } from './turn-batcher';
export * from './read-events';
export { packedEnd, packedIs, packedPosition } from './packed-events';
export * from './errors';
export { failureKind } from './failure-kind';
export {
  DEFAULT_MAX_EVENT_BYTES,
  STREAM_NAME,
  MAX_STREAM_NAME_LENGTH,
  CHECKPOINT_NAME,
  RESERVED_CATEGORIES,
  isValidStreamName,
  assertStreamName,
  revisionMatches,
  // The shared rules of every adapter, also used by the in-memory store of libs/audit/src/testing.
  assertCheckpointName,
  checkExpectedRevision,
  encodeBatch,
  firstRevisionAfter,
  type EncodedEvent,
} from './rules';
export { matchesFilter, StoppableSubscription, Wakeup } from './subscription';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb/esdb-event-store';
export {
  handleCommand,
  loadState,
  type HandleCommandOptions,
  type CommandAccepted,
  type CommandOutcome,
} from './command-handling/handle-command';
export { DecideCommand, DecideCommandHandler } from './command-handling/decide-command';
export { LoadCaseQuery, LoadCaseQueryHandler } from './command-handling/load-case-query';
export {
  EventStoreModule,
  createEventStore,
  type EventStoreModuleOptions,
} from './command-handling/event-store.module';
export { EVENT_STORE } from './command-handling/event-store.tokens';
export { caseCommandsOn, type CaseCommands } from './command-handling/case-commands';
export { openedEvents, type OpensParticulars } from './opened-events';
