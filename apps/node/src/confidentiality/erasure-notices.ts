/**
 * Counterparts' erasure notices on this node (docs/confidentiality.md): each is recorded as it came
 * (`erasurenotice-<message id>`, by the inbox) and put to an officer, who decides once: erase our own
 * copy of the persons (or cases) it names that we hold, or keep it with a note. Each side is controller
 * of its own records, so nothing is erased without that decision. Our erasure on such a notice is
 * audited like any other (ground `counterpart_notice`) and is not notified back to the notice's sender.
 * The notices are listed from the read model `received_erasure_notices` (libs/read-models), not here.
 */
import { isDomainError } from '@xb/domain';
import { handleCommand, loadState, type EventStore } from '@xb/event-store';
import { receivedNoticeDecider, type ErasureDecision, type KeyStore } from '@xb/protection';
import { eraseParticulars } from './erasure';

export interface NoticeDecision {
  readonly messageId: string;
  readonly decision: ErasureDecision;
  readonly note: string;
  readonly decidedBy: string;
  readonly requestId: string;
  readonly sourceAddress: string;
  readonly at: string;
  readonly agencyId: string;
}

export type NoticeDecisionOutcome =
  | { readonly ok: true; readonly keyIds: readonly string[] }
  | { readonly ok: false; readonly code: string; readonly reason: string };

/**
 * Takes the officer's decision on a notice. `erase` erases each person the notice names whose key we
 * hold, or, for a notice without persons, each named case we hold; then the decision is recorded.
 */
export async function decideErasureNotice(
  store: EventStore,
  keys: KeyStore,
  decision: NoticeDecision,
): Promise<NoticeDecisionOutcome> {
  const state = await loadState(store, receivedNoticeDecider, decision.messageId, { openParticulars: false });
  if (state.status === 'none') return { ok: false, code: 'NOT_FOUND', reason: 'no such erasure notice' };
  if (state.status === 'decided')
    return { ok: false, code: 'INVALID_TRANSITION', reason: 'the notice was decided already' };
  const keyIds: string[] = [];
  if (decision.decision === 'erase') {
    const common = {
      ground: 'counterpart_notice',
      reference: `notice ${decision.messageId}`.slice(0, 100),
      erasedBy: decision.decidedBy,
      requestId: decision.requestId,
      sourceAddress: decision.sourceAddress,
      at: decision.at,
      agencyId: decision.agencyId,
      notNotifying: state.notice.from,
    } as const;
    const persons = await heldPersons(keys, state.notice.personIds);
    const targets =
      state.notice.personIds.length > 0
        ? persons.map((personId) => ({ personId }))
        : state.notice.cases
            .filter((c) => keys.categoryOfCase(c.caseId) !== undefined)
            .map((c) => ({ caseId: c.caseId }));
    for (const target of targets)
      keyIds.push(...(await eraseParticulars(store, keys, { ...common, ...target })).keyIds);
  }
  const outcome = await handleCommand(store, receivedNoticeDecider, decision.messageId, {
    type: 'DecideErasureNotice',
    data: { decision: decision.decision, note: decision.note, keyIds },
    metadata: { now: decision.at, actor: decision.decidedBy, agencyId: decision.agencyId },
  });
  if (isDomainError(outcome)) return { ok: false, code: outcome.code, reason: outcome.reason };
  return { ok: true, keyIds };
}

/** The persons among `personIds` whose key we hold and have not destroyed. */
async function heldPersons(keys: KeyStore, personIds: readonly string[]): Promise<string[]> {
  const held: string[] = [];
  for (const personId of personIds) {
    const found = await keys.lookup(`person:${personId}`);
    if (found && 'key' in found) held.push(personId);
  }
  return held;
}
