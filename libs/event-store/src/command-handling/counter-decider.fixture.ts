/** A tiny decider for the command-handling tests: a counter that must be opened before it counts. */
import { domainError, type Command, type Decider, type DomainEvent } from '@xb/domain';

export type CounterCommand =
  | Command<'OpenCounter', Record<string, never>>
  | Command<'Increment', { by: number }>
  | Command<'Touch', Record<string, never>>;
export type CounterEvent =
  DomainEvent<'CounterOpened', Record<string, never>> | DomainEvent<'Incremented', { by: number }>;
export type CounterState = { status: 'none' } | { status: 'open'; value: number };

export const counter: Decider<CounterCommand, CounterEvent, CounterState> = {
  category: 'counter',
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'CounterOpened':
        return { status: 'open', value: 0 };
      case 'Incremented':
        return state.status === 'open' ? { status: 'open', value: state.value + event.data.by } : state;
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'OpenCounter':
        return state.status === 'none'
          ? [{ type: 'CounterOpened', data: {} }]
          : domainError('ALREADY_EXISTS', 'counter already open');
      case 'Increment':
        return state.status === 'open'
          ? [{ type: 'Incremented', data: { by: command.data.by } }]
          : domainError('NOT_FOUND', 'no such counter');
      case 'Touch':
        return [];
    }
  },
  // Increments commute, so a lost race is decided again; opening twice must not be.
  retryOnConflict: (command) => command.type === 'Increment',
};

export const metadata = { now: '2026-03-04T05:06:07.000Z', actor: 'officer:42', agencyId: 'VN.BGC.LAICHAU' };
export const open = (): CounterCommand => ({ type: 'OpenCounter', data: {}, metadata });
export const increment = (by: number, messageId?: string): CounterCommand => ({
  type: 'Increment',
  data: { by },
  metadata: { ...metadata, ...(messageId ? { messageId } : {}) },
});
