import { v7 as uuidv7 } from 'uuid';
import { isDomainError } from '@xb/domain';
import { AllSubscription, EventStore, handleCommand } from '@xb/event-store';
import { AUDIT_SEALS_STREAM, isSealEvent, parseSeal } from '../seal';
import { sealAnchorDecider } from './seal-anchor';

export interface SealAnchorerOptions {
  readonly agencyId: string;
  /** The agencies a seal head goes to (the trust store's counterparts), asked at each seal. */
  readonly counterparts: () => readonly string[];
  /** Checkpoint name. Default `seal-anchorer`. */
  readonly checkpointName?: string;
  readonly now?: () => string;
}

/**
 * Follows the `audit-seals` stream and queues each seal's head for every counterpart; the outbox relay
 * seals and sends them like any message, and their receipts come back on the exchange streams.
 */
export class SealAnchorer {
  private subscription?: AllSubscription;
  private running?: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly options: SealAnchorerOptions,
  ) {}

  async start(): Promise<void> {
    const name = this.options.checkpointName ?? 'seal-anchorer';
    const after = await this.store.readCheckpoint(name);
    this.subscription = this.store.subscribeToAll({
      ...(after !== undefined ? { after } : {}),
      filter: { streamPrefixes: [AUDIT_SEALS_STREAM] },
    });
    const subscription = this.subscription;
    this.running = (async () => {
      let previousHead: string | undefined;
      for await (const event of subscription) {
        if (!isSealEvent(event)) continue;
        const seal = parseSeal(event);
        if (typeof seal === 'string') throw new Error(`seal at ${event.position} unreadable: ${seal}`);
        const chainHead = Buffer.from(seal.chainHead).toString('hex');
        const counterparts = this.options.counterparts().filter((c) => c !== this.options.agencyId);
        const outcome = await handleCommand(this.store, sealAnchorDecider, event.id, {
          type: 'AnchorSeal',
          data: {
            sealId: event.id,
            agencyId: seal.agencyId,
            position: seal.position.toString(),
            count: seal.count,
            chainHead,
            ...(previousHead ? { previousHead } : {}),
            sealedAt: event.metadata.occurredAt,
            counterparts,
          },
          metadata: {
            now: this.options.now?.() ?? new Date().toISOString(),
            actor: 'system:sealer',
            agencyId: this.options.agencyId,
            newIds: counterparts.map(() => uuidv7()),
          },
        });
        if (isDomainError(outcome))
          throw new Error(`anchoring seal ${event.id}: ${outcome.code} ${outcome.reason}`);
        previousHead = chainHead;
        await this.store.saveCheckpoint(name, event.position);
      }
    })();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.running;
  }
}
