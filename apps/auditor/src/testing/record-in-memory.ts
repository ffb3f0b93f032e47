/** FOR TESTS: the scenario decided in memory by the real deciders, without a store. */
import { deciderOf, isDomainError, type DomainEvent } from '@xb/domain';
import type { EventMetadata, RecordedEvent } from '@xb/event-store';
import { SCENARIO, type Step } from './scenario';

/** The events a step produces on the state so far, or throws with the step's refusal (a broken scenario). */
export function decideStep(step: Step, history: readonly DomainEvent[]): readonly DomainEvent[] {
  const decider = deciderOf(step.category);
  const decided = decider.decide(
    step.command,
    history.reduce((state, event) => decider.evolve(state, event), decider.initialState()),
  );
  if (isDomainError(decided))
    throw new Error(`scenario step ${step.command.type} on ${step.id}: ${decided.code} ${decided.reason}`);
  return decided;
}

/** SCENARIO decided in memory, as the store would record it (positions from 1, no bytes). */
export function recordInMemory(steps: readonly Step[] = SCENARIO): RecordedEvent[] {
  const streams = new Map<string, DomainEvent[]>();
  const recorded: RecordedEvent[] = [];
  for (const step of steps) {
    const streamId = `${step.category}-${step.id}`;
    const history = streams.get(streamId) ?? [];
    for (const event of decideStep(step, history)) {
      const metadata: EventMetadata = {
        correlationId: step.id,
        ...(step.command.metadata.messageId ? { causationId: step.command.metadata.messageId } : {}),
        actor: step.command.metadata.actor,
        occurredAt: step.command.metadata.now,
        schemaVersion: 1,
      };
      recorded.push({
        streamId,
        revision: BigInt(history.length),
        position: BigInt(recorded.length + 1),
        id: `00000000-0000-7000-8000-${String(recorded.length + 1).padStart(12, '0')}`,
        type: event.type,
        data: event.data,
        metadata,
        dataBytes: new Uint8Array(),
        metadataBytes: new Uint8Array(),
        recordedAt: step.command.metadata.now,
      });
      history.push(event);
    }
    streams.set(streamId, history);
  }
  return recorded;
}
