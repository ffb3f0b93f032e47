/** The @nestjs/cqrs bridge: `commandBus.execute(new DecideCommand(decider, id, command))`. */
import { Inject } from '@nestjs/common';
import { CommandHandler, Command as CqrsCommand, type ICommandHandler } from '@nestjs/cqrs';
import type { Command, Decider, DomainEvent } from '@xb/domain';
import type { EventStore } from '../port';
import { EVENT_STORE } from './event-store.tokens';
import { handleCommand, type CommandOutcome } from './handle-command';

/** Run `command` against instance `id` of `decider`'s process; the bus returns its CommandOutcome. */
export class DecideCommand<
  C extends Command = Command,
  E extends DomainEvent = DomainEvent,
  S = unknown,
> extends CqrsCommand<CommandOutcome<E, S>> {
  constructor(
    readonly decider: Decider<C, E, S>,
    readonly id: string,
    readonly command: C,
  ) {
    super();
  }
}

@CommandHandler(DecideCommand)
export class DecideCommandHandler implements ICommandHandler<DecideCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: DecideCommand): Promise<CommandOutcome> {
    return handleCommand(this.store, command.decider, command.id, command.command);
  }
}
