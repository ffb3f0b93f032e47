import {
  EventStore,
  ExpectedRevision,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '@xb/event-store';

export interface LeaseOptions {
  readonly store: EventStore;
  /** The work the lease guards; its stream is `lease-<name>`. */
  readonly name: string;
  /** Who asks: unique among the processes that compete (XB_INSTANCE_ID). */
  readonly holder: string;
  readonly ttlMs: number;
  readonly clock?: () => Date;
}

/** Data of the lease's events: who holds it and until when (by the holder's clock). */
export interface LeaseTerm {
  readonly holder: string;
  readonly until: string;
}

export type LeaseEventType = 'LeaseTaken' | 'LeaseRenewed' | 'LeaseReleased';

/**
 * A lease kept in the event store, so that one process at a time does a piece of work (the relay and
 * resender of a gateway) while others stand by. Taking, renewing and releasing are appends to
 * `lease-<name>` at the revision last read: of two processes racing, exactly one append succeeds, on
 * SQLite and EventStoreDB alike. A standby takes the lease once the holder's term has passed by its own
 * clock, so the clocks of competing processes must agree to well within the TTL.
 */
export class Lease {
  private heldUntil = 0;

  constructor(private readonly options: LeaseOptions) {}

  get stream(): string {
    return `lease-${this.options.name}`;
  }

  /** True while this process's term lasts, by its own clock (checked before each piece of work). */
  held(): boolean {
    return this.now().getTime() < this.heldUntil;
  }

  /**
   * Takes the lease if it is free or lapsed, renews it if ours; false when another holds it or won a
   * race for it. A lost race or an unreachable store leaves us without the lease.
   */
  async tryHold(): Promise<boolean> {
    const now = this.now();
    const { holder, ttlMs } = this.options;
    const last = await this.last();
    const ours = last?.data.holder === holder && last.type !== 'LeaseReleased';
    const free = !last || last.type === 'LeaseReleased' || Date.parse(last.data.until) <= now.getTime();
    if (!ours && !free) {
      this.heldUntil = 0;
      return false;
    }
    const until = new Date(now.getTime() + ttlMs);
    const appended = await this.append(ours ? 'LeaseRenewed' : 'LeaseTaken', until, last?.revision);
    this.heldUntil = appended ? until.getTime() : 0;
    return appended;
  }

  /** Hands the lease back at once (a clean stop), so a standby need not wait for the term to lapse. */
  async release(): Promise<void> {
    const last = await this.last();
    if (last?.data.holder !== this.options.holder || last.type === 'LeaseReleased') return;
    this.heldUntil = 0;
    await this.append('LeaseReleased', this.now(), last.revision);
  }

  /** The holder named by the stream's last event, if its term has not passed (for tests and metrics). */
  async holder(): Promise<string | undefined> {
    const last = await this.last();
    if (!last || last.type === 'LeaseReleased') return undefined;
    return Date.parse(last.data.until) > this.now().getTime() ? last.data.holder : undefined;
  }

  private async last() {
    try {
      const [event] = await this.options.store.readStream(this.stream, {
        direction: 'backwards',
        maxCount: 1,
      });
      return (
        event && {
          type: event.type as LeaseEventType,
          data: event.data as LeaseTerm,
          revision: event.revision,
        }
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  private async append(type: LeaseEventType, until: Date, revision: bigint | undefined): Promise<boolean> {
    const expectedRevision: ExpectedRevision = revision ?? 'no_stream';
    const term: LeaseTerm = { holder: this.options.holder, until: until.toISOString() };
    try {
      await this.options.store.appendToStream(
        this.stream,
        [
          {
            type,
            data: term,
            metadata: {
              correlationId: this.stream,
              actor: `system:${this.options.holder}`,
              occurredAt: this.now().toISOString(),
              schemaVersion: 1,
            },
          },
        ],
        { expectedRevision },
      );
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) return false;
      throw error;
    }
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}

export interface LeasedWorkOptions {
  readonly lease: Lease;
  /** Starts the guarded work once the lease is ours; resolves to how to stop it. */
  readonly start: () => Promise<() => Promise<void>>;
  /** How often the lease is renewed (or, by a standby, looked at). */
  readonly checkEveryMs: number;
  /** Told when this process takes or loses the lease, and of failures (the next check tries again). */
  readonly onChange?: (held: boolean) => void;
  readonly onError?: (error: unknown) => void;
}

/**
 * Runs a piece of work only while this process holds its lease: starts it when the lease is taken,
 * stops it as soon as a renewal fails (lost race, lapsed term, store unreachable), releases the lease on
 * a clean stop. Checks follow one another; none overlaps the last.
 */
export class LeasedWork {
  private stopWork?: () => Promise<void>;
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  private stopped = false;

  constructor(private readonly options: LeasedWorkOptions) {}

  /** Makes the first attempt before returning, so a lone process is working when start resolves. */
  async start(): Promise<void> {
    await this.check();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.checking;
    await this.halt();
    await this.options.lease.release().catch((error) => this.options.onError?.(error));
  }

  private check(): Promise<void> {
    this.checking = this.once()
      .catch((error) => this.options.onError?.(error))
      .finally(() => {
        if (!this.stopped) this.timer = setTimeout(() => void this.check(), this.options.checkEveryMs);
      });
    return this.checking;
  }

  private async once(): Promise<void> {
    const held = await this.options.lease.tryHold().catch((error) => {
      this.options.onError?.(error);
      return false;
    });
    if (held && !this.stopWork && !this.stopped) {
      this.stopWork = await this.options.start();
      this.options.onChange?.(true);
    }
    if (!held && this.stopWork) {
      await this.halt();
      this.options.onChange?.(false);
    }
  }

  private async halt(): Promise<void> {
    const stop = this.stopWork;
    this.stopWork = undefined;
    await stop?.();
  }
}
