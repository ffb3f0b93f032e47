import { v7 as uuidv7 } from 'uuid';
import {
  AgreedHandover,
  Command,
  CommandMetadata,
  deciderOf,
  draftMinutes,
  isDomainError,
  ProcessCategory,
} from '@xb/domain';
import { EventStore, handleCommand } from '@xb/event-store';

/** Our node and the counterpart of the scenario. */
export const OUR_AGENCY = 'VN.BGC.LAICHAU';
export const COUNTERPART = 'CN.YN.BORDERPOLICE';
const OFFICER = 'officer:liaison-7';

/**
 * Writes commands into an event store through the one command handler with the real deciders, so the
 * history is exactly what a node would have stored. A refusal is a bug in the scenario: it throws.
 */
export class ScenarioWriter {
  /** Message ids our commands queued, by a name the scenario gives them (for receipts later). */
  readonly queued = new Map<string, string>();

  constructor(private readonly store: EventStore) {}

  /** Our officer's command at `now`; `queues` names the message it queues, when it queues one. */
  async ours(
    category: ProcessCategory,
    caseId: string,
    type: string,
    data: unknown,
    now: string,
    queues?: string,
  ): Promise<void> {
    const messageId = uuidv7();
    if (queues) this.queued.set(queues, messageId);
    await this.run(category, caseId, {
      type,
      data,
      metadata: { now, actor: OFFICER, agencyId: OUR_AGENCY, ...(queues ? { newIds: [messageId] } : {}) },
    });
  }

  /** The counterpart's message (a UUIDv7 message id) applied at `now`. */
  async theirs(category: ProcessCategory, caseId: string, type: string, data: unknown, now: string) {
    await this.run(category, caseId, { type, data, metadata: inbound(now) });
  }

  /** The counterpart's receipt for the message we queued under `name`. */
  async delivered(category: ProcessCategory, caseId: string, name: string, now: string) {
    const messageId = this.queued.get(name);
    if (!messageId) throw new Error(`scenario: no queued message named ${name}`);
    await this.theirs(category, caseId, 'RecordDelivery', { messageId }, now);
  }

  /**
   * At the gate, before the hand-over is recorded: the counterpart's signed minutes of the hand-over it
   * makes to us arrive, our officer agrees them as received and our key countersigns (queued as `queues`).
   */
  async countersignTheirMinutes(
    category: 'repatriation' | 'handover',
    caseId: string,
    agreed: Omit<AgreedHandover, 'caseId' | 'handingOverAgency' | 'receivingAgency'> & { borderGate: string },
    handedOverAt: string,
    now: string,
    queues: string,
  ): Promise<void> {
    const process = category === 'repatriation' ? 'Repatriation' : 'SuspectHandover';
    const officers = [
      { agency: COUNTERPART, name: 'Li Wei', position: 'Inspector' },
      { agency: OUR_AGENCY, name: 'Nguyen Van An', position: 'Captain' },
    ];
    const minutesId = uuidv7();
    const minutes = draftMinutes(
      { minutesId, handedOverAt, persons: agreed.persons, documents: [], belongings: [], officers },
      { ...agreed, caseId, handingOverAgency: COUNTERPART, receivingAgency: OUR_AGENCY },
    );
    const signature = 'c2lnQ04=';
    await this.theirs(category, caseId, `Receive${process}MinutesProposal`, { minutes, signature }, now);
    await this.ours(category, caseId, `Countersign${process}Minutes`, { minutes }, now);
    await this.ours(
      category,
      caseId,
      `Sign${process}Minutes`,
      { minutesId, signature: 'c2lnVk4=' },
      now,
      queues,
    );
  }

  private async run(category: ProcessCategory, caseId: string, command: Command): Promise<void> {
    const outcome = await handleCommand(this.store, deciderOf(category), caseId, command);
    if (isDomainError(outcome))
      throw new Error(
        `scenario: ${command.type} on ${category}-${caseId} refused: ${outcome.code} ${outcome.reason}`,
      );
    if (outcome.events.length === 0) throw new Error(`scenario: ${command.type} changed nothing`);
  }
}

const inbound = (now: string): CommandMetadata => ({
  now,
  actor: `agency:${COUNTERPART}`,
  agencyId: OUR_AGENCY,
  messageId: uuidv7(),
  // As every counterpart envelope's header does: the case's highest restriction is projected.
  handling: { dissemination: 'receiving_agency', evidentialUse: 'after_formal_request' },
});
