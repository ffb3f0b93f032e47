import { GENESIS_HEAD, nextChainHead, nextChainHeadInPlace, type ChainedEvent } from './canonical';

/** Where a walk of the global order stands: the head after `count` events, the last at `position`. */
export interface ChainPoint {
  readonly head: Uint8Array;
  readonly count: number;
  /** Position of the last event chained; undefined before the first. */
  readonly position: bigint | undefined;
}

export const GENESIS: ChainPoint = { head: GENESIS_HEAD, count: 0, position: undefined };

export function extendChain(point: ChainPoint, event: ChainedEvent): ChainPoint {
  return { head: nextChainHead(point.head, event), count: point.count + 1, position: event.position };
}

/** `extendChain` over a packed record (`nextChainHeadInPlace`) of the event at `position`. */
export function extendChainInPlace(point: ChainPoint, position: bigint, record: Buffer): ChainPoint {
  return { head: nextChainHeadInPlace(point.head, record), count: point.count + 1, position };
}
