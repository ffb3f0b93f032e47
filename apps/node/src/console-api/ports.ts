import type { EventStore } from '@xb/event-store';
import type { ReadModelDb } from '@xb/read-models';

/**
 * The narrow things the console's controllers need from the node, each its own token, so that they
 * depend on no AgencyNode: the node's clock, its event store and its read models.
 */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
export const EVENT_STORE = Symbol('EVENT_STORE');
export type { EventStore };
export const READ_MODELS = Symbol('READ_MODELS');
export type ReadModelsDb = () => Promise<ReadModelDb>;
export const SIGN_IN_AUDIT = Symbol('SIGN_IN_AUDIT');
