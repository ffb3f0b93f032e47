import { AllSubscription, EventStore } from '@xb/event-store';
import { lineOf } from '../api/timeline';

/**
 * Prints every step of every case, and every message in and out, of one node as it happens: the
 * demo's running timeline. Particulars never appear (the lines come from describeEvent).
 */
export class TimelinePrinter {
  private subscription?: AllSubscription;
  private running?: Promise<void>;

  constructor(
    private readonly label: string,
    private readonly store: EventStore,
    private readonly write: (line: string) => void,
  ) {}

  start(): void {
    const subscription = this.store.subscribeToAll({
      filter: {
        streamPrefixes: [
          'verification-',
          'repatriation-',
          'handover-',
          'jointop-',
          'notice-',
          'exchange-',
          'inbox-',
        ],
      },
    });
    this.subscription = subscription;
    this.running = (async () => {
      for await (const event of subscription) {
        const line = lineOf(event);
        if (!line) continue;
        const [category, ...id] = event.streamId.split('-');
        const time = event.metadata.occurredAt.slice(11, 23);
        this.write(
          `${time}  ${this.label.padEnd(20)} ${category.padEnd(12)} ${id.join('-').slice(-8)}  ${line}`,
        );
      }
    })();
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.running;
  }
}
