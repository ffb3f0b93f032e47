import type { PrivateKey } from 'openpgp';
import { v7 as uuidv7 } from 'uuid';
import { isDomainError, repatriationDecider } from '@xb/domain';
import { AllSubscription, EventStore, loadState } from '@xb/event-store';
import { CommandRunner } from '../ports';
import { signMinutes } from './signatures';

/** The events after which this node's signature is due (ours drafted, or theirs agreed). */
const SIGNATURE_DUE = new Set(['RepatriationMinutesProposed', 'RepatriationMinutesAgreed']);
const CHECKPOINT = 'minutes-signer';

export interface MinutesSignerOptions {
  readonly store: EventStore;
  readonly runCommand: CommandRunner;
  readonly agencyId: string;
  /** The agency's signing key: the signer runs where the gateway holds it, never in the api role. */
  readonly signingKey: PrivateKey;
  readonly clock: () => Date;
  readonly onError: (error: unknown) => void;
}

/**
 * Signs the hand-over minutes with the agency key once an officer drew them up or agreed the
 * counterpart's (docs/protocol.md section 3a): follows the global order from its durable checkpoint and
 * runs `SignRepatriationMinutes` on the case, which queues the signed minutes to the counterpart. The
 * decider refuses a second signature, so a replay after a crash signs nothing twice.
 */
export class MinutesSigner {
  private subscription?: AllSubscription;
  private running?: Promise<void>;

  constructor(private readonly options: MinutesSignerOptions) {}

  async start(): Promise<void> {
    const { store } = this.options;
    const after = await store.readCheckpoint(CHECKPOINT);
    const subscription = store.subscribeToAll({
      ...(after !== undefined ? { after } : {}),
      filter: { streamPrefixes: [`${repatriationDecider.category}-`] },
    });
    this.subscription = subscription;
    this.running = (async () => {
      for await (const event of subscription) {
        if (SIGNATURE_DUE.has(event.type))
          await this.sign(event.streamId.slice(event.streamId.indexOf('-') + 1));
        await store.saveCheckpoint(CHECKPOINT, event.position);
      }
    })().catch(this.options.onError);
  }

  private async sign(caseId: string): Promise<void> {
    const state = await loadState(this.options.store, repatriationDecider, caseId);
    if (state.status === 'none' || state.minutes?.status !== 'awaiting_our_signature') return;
    const signature = await signMinutes(state.minutes.minutes, this.options.signingKey);
    const outcome = await this.options.runCommand(repatriationDecider, caseId, {
      type: 'SignRepatriationMinutes',
      data: { minutesId: state.minutes.minutes.minutesId, signature },
      metadata: {
        now: this.options.clock().toISOString(),
        actor: 'system:minutes-signer',
        agencyId: this.options.agencyId,
        newIds: [uuidv7(), uuidv7()],
      },
    });
    if (isDomainError(outcome) && outcome.code !== 'INVALID_TRANSITION')
      this.options.onError(new Error(`minutes signer: ${caseId}: ${outcome.code}`));
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.running;
  }
}
