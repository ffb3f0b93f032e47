import { createContext, useContext } from 'react';
import type { ConsoleSettings, LiveEvent, SessionOfficer } from '@xb/console-contract';

export type { LiveEvent };

export interface ConsoleContextValue {
  readonly settings: ConsoleSettings;
  readonly officer: SessionOfficer;
  /** What the server-sent events told so far: pages re-read what changed. */
  readonly live: LiveState;
}

/**
 * Counters rather than the last event: React batches state updates, so two events in one task must
 * both count (the case's own event followed at once by its message's would otherwise be lost).
 */
export interface LiveState {
  /** Every event and reconnection bumps it. */
  readonly seq: number;
  /** Connections opened so far: after a reconnection every page re-reads. */
  readonly connections: number;
  /** The newest position seen per case id. */
  readonly cases: Readonly<Record<string, string>>;
}

export const NO_LIVE: LiveState = { seq: 0, connections: 0, cases: {} };

export function withLiveEvent(state: LiveState, event: LiveEvent | 'connected'): LiveState {
  if (event === 'connected') return { ...state, seq: state.seq + 1, connections: state.connections + 1 };
  return {
    ...state,
    seq: state.seq + 1,
    cases: event.caseId ? { ...state.cases, [event.caseId]: event.position } : state.cases,
  };
}

export const ConsoleContext = createContext<ConsoleContextValue | undefined>(undefined);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside the signed-in console');
  return value;
}

export const hasRole = (officer: SessionOfficer, ...roles: string[]) =>
  officer.roles.some((r) => roles.includes(r));
