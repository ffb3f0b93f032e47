import type { CaseState, Command, DomainEvent, ProcessCategory } from '@xb/domain';
import { deciderOf } from '@xb/domain';
import type { EventStore } from '../port';
import { handleCommand, type CommandOutcome } from './handle-command';

/**
 * What a part that changes cases needs of its node, and nothing more: whose node it is, what time it
 * is, and the one way to run a command on a case (the generic handler). The inbox gateway's appliers
 * and the responder receive this port, never the node itself; the HTTP API runs its commands through
 * the @nestjs/cqrs CommandBus (`DecideCommand`), which ends in the same handler.
 */
export interface CaseCommands {
  readonly agencyId: string;
  now(): Date;
  /** Runs `command` on case `caseId` of `category`; a refusal is a DomainError value, the store unchanged. */
  run(
    category: ProcessCategory,
    caseId: string,
    command: Command,
  ): Promise<CommandOutcome<DomainEvent, CaseState>>;
}

/** The port over a store: commands run straight through `handleCommand`. */
export function caseCommandsOn(
  store: EventStore,
  agencyId: string,
  clock: () => Date = () => new Date(),
): CaseCommands {
  return {
    agencyId,
    now: clock,
    run: (category, caseId, command) => handleCommand(store, deciderOf(category), caseId, command),
  };
}
