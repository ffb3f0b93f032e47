import type { EventStore, RecordedEvent } from '@xb/event-store';
import { AUDIT_SEALS_STREAM, isSealEvent, parseSeal } from '../seal';
import { isStreamNotFound } from '../stream-not-found';

const NONE: readonly bigint[] = [];

/**
 * Reads `audit-seals` ahead of the walk so the walk knows at which positions to remember the chain head:
 * a seal appears in the global order after the position it covers, possibly long after (a sealer catching
 * up). Only the claimed positions are kept, so memory grows with the seals between a claim and its seal,
 * not with the events. Seals' claims increase (one sealer); a seal listed late shows as SEAL_OUT_OF_ORDER.
 */
export class SealClaimLookahead {
  private nextRevision = 0n;
  private readonly claims: bigint[] = [];
  private next = 0;
  private newest: bigint | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly pageSize: number,
  ) {}

  /** Lists every claim up to `position`, reading until a later claim or the end of the stream. */
  async listUpTo(position: bigint): Promise<void> {
    while (this.newest === undefined || this.newest <= position) {
      const page = await this.readPage();
      if (page.length === 0) return;
      for (const event of page) this.list(event);
    }
  }

  /** Removes and returns the listed claims at or before `position`, oldest first. */
  takeUpTo(position: bigint): readonly bigint[] {
    // Most events pass no claim: no array made for them.
    if (this.next >= this.claims.length || this.claims[this.next] > position) return NONE;
    const taken: bigint[] = [];
    while (this.next < this.claims.length && this.claims[this.next] <= position)
      taken.push(this.claims[this.next++]);
    if (this.next > 1024) {
      this.claims.splice(0, this.next); // keep the list short on long walks
      this.next = 0;
    }
    return taken;
  }

  private list(event: RecordedEvent): void {
    this.nextRevision = event.revision + 1n;
    if (!isSealEvent(event)) return;
    const seal = parseSeal(event);
    if (typeof seal === 'string') return; // reported when the walk reaches the seal itself
    this.claims.push(seal.position);
    this.newest = seal.position;
  }

  private async readPage(): Promise<RecordedEvent[]> {
    try {
      return await this.store.readStream(AUDIT_SEALS_STREAM, {
        fromRevision: this.nextRevision,
        maxCount: this.pageSize,
      });
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
  }
}
