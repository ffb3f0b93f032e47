import { ArmoredExchangeKeys } from './crypto-exchange';

/** Messages between the pool runner and one pool member (a worker thread or a child process). */
export type ToMember =
  | { kind: 'init'; keys: ArmoredExchangeKeys }
  | { kind: 'run'; warmupMs: number; windowMs: number; rounds: number };

export type FromMember =
  | { kind: 'ready' }
  /** Exchanges per second of each round, in order. */
  | { kind: 'result'; rates: number[] }
  | { kind: 'error'; message: string };
