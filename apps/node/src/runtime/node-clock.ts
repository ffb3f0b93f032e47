/**
 * The node's clock as a Nest token (tests inject one): `@Inject(NODE_CLOCK) now: NodeClock`. A file of its
 * own because query handlers need it and node-providers.ts imports those handlers.
 */
export const NODE_CLOCK = Symbol('NODE_CLOCK');
export type NodeClock = () => Date;
