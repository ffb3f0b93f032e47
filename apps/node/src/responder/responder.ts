import { v7 as uuidv7 } from 'uuid';
import { deciderOf, isDomainError, PROCESS_CATEGORIES } from '@xb/domain';
import { AllSubscription, CaseCommands, EventStore, loadState } from '@xb/event-store';
import { reactionsTo, ResponderPolicy } from './policy';

/**
 * The `responder` role: follows the global order from its durable checkpoint and answers the
 * counterpart's requests by its policy, as an officer of this agency would.
 */
export class Responder {
  private subscription?: AllSubscription;
  private running?: Promise<void>;

  constructor(
    private readonly cases: CaseCommands,
    private readonly store: EventStore,
    private readonly policy: ResponderPolicy,
  ) {}

  async start(): Promise<void> {
    const after = await this.store.readCheckpoint('responder');
    this.subscription = this.store.subscribeToAll({
      ...(after !== undefined ? { after } : {}),
      filter: { streamPrefixes: PROCESS_CATEGORIES.map((c) => `${c}-`) },
    });
    const subscription = this.subscription;
    this.running = (async () => {
      for await (const event of subscription) {
        const caseId = event.streamId.slice(event.streamId.indexOf('-') + 1);
        for (const reaction of reactionsTo({ type: event.type, data: event.data }, this.policy)) {
          await new Promise((resolve) => setTimeout(resolve, this.policy.delayMs));
          const now = this.cases.now().toISOString();
          const state = await loadState(this.store, deciderOf(reaction.category), caseId);
          const outcome = await this.cases.run(reaction.category, caseId, {
            type: reaction.type,
            data: reaction.data(state, now),
            metadata: {
              now,
              actor: 'system:responder',
              agencyId: this.cases.agencyId,
              newIds: [uuidv7(), uuidv7()],
            },
          });
          // A case that moved on meanwhile (withdrawn, cancelled) is not an error for an automatic answer.
          if (isDomainError(outcome) && outcome.code !== 'INVALID_TRANSITION') {
            process.stderr.write(
              `responder: ${reaction.type} on ${event.streamId} refused: ${outcome.code} ${outcome.reason}\n`,
            );
          }
        }
        await this.store.saveCheckpoint('responder', event.position);
      }
    })();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.running;
  }
}
