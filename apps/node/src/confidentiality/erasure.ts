/**
 * Crypto-shredding (docs/confidentiality.md): erasing a person, or every particular of a case, destroys
 * the data keys that sealed them. The events stay as stored (the audit chain, the seals and the stored
 * envelopes' signatures still verify over the same bytes); their particulars can never be opened again.
 * The erasure is recorded first (who, when, ground, the keys), then the keys are destroyed: a failure in
 * between leaves a record whose keys a retry destroys (destroying is idempotent), never a silent loss.
 * Last, each counterpart the erased cases were exchanged with is sent an erasure notice (ids only).
 */
import { v7 as uuidv7 } from 'uuid';
import { appendAuditRecord, particularsErased } from '@xb/audit';
import { appliedMessageOf, deciderOf, isDomainError, PROCESS_CATEGORIES, queuedMessageOf } from '@xb/domain';
import { handleCommand, readStreamIfAny, type EventStore } from '@xb/event-store';
import { erasureNoticeDecider, type ErasedCaseRef, type ErasureGround, type KeyStore } from '@xb/protection';

export { ERASURE_GROUNDS, type ErasureGround } from '@xb/protection';

export interface ErasureRequest {
  /** Erase one person everywhere (their reference, the wire's person_id)... */
  readonly personId?: string;
  /** ...or every particular of one case (a stream id, `repatriation-<id>`, or a case id). */
  readonly caseId?: string;
  readonly ground: ErasureGround;
  readonly reference?: string;
  readonly erasedBy: string;
  readonly requestId: string;
  readonly sourceAddress: string;
  readonly at: string;
  /** This node's agency id (the notices' sender). */
  readonly agencyId: string;
  /** A counterpart not to notify: the one whose own erasure notice led to this erasure. */
  readonly notNotifying?: string;
}

export interface Erasure {
  /** The id of the erasure's audit event, named in the notices. */
  readonly erasureId: string;
  readonly keyIds: readonly string[];
  /** The counterparts sent an erasure notice. */
  readonly notified: readonly string[];
}

const STREAM_CATEGORIES = new Set(PROCESS_CATEGORIES.map((category) => deciderOf(category).category));

/** A case id from a stream id (`repatriation-<id>`) or a case id as given. */
const caseIdOf = (id: string) => {
  const dash = id.indexOf('-');
  return dash > 0 && STREAM_CATEGORIES.has(id.slice(0, dash)) ? id.slice(dash + 1) : id;
};

/** The person register's record of a person (docs/persons.md): it follows their cases, it keeps no key alive. */
const REGISTER_CATEGORY = 'person';

/**
 * The keys erasing a case destroys: its own, and those of the persons recorded in no other case still
 * kept. A person also in a case not erased keeps their key there (erase the person to erase them
 * everywhere); a person whose every case is erased loses it with the last one, register record and all.
 */
const keysOnlyOf = (keys: KeyStore, caseId: string): string[] =>
  [
    `case:${caseId}`,
    ...keys
      .keysOfCase(caseId)
      .filter((keyId) =>
        keys
          .casesOfKey(keyId)
          .every(
            (other) =>
              other === caseId ||
              keys.isCaseErased(other) ||
              keys.categoryOfCase(other) === REGISTER_CATEGORY,
          ),
      ),
  ]
    .filter((keyId, i, all) => all.indexOf(keyId) === i)
    .sort();

/** Per counterpart, the cases among `caseIds` exchanged with it and the ids of their messages, both ways. */
async function exchangedWith(
  store: EventStore,
  keys: KeyStore,
  caseIds: readonly string[],
): Promise<Map<string, ErasedCaseRef[]>> {
  const byCounterpart = new Map<string, ErasedCaseRef[]>();
  for (const caseId of caseIds) {
    const category = keys.categoryOfCase(caseId);
    const events = category ? await readStreamIfAny(store, `${category}-${caseId}`) : undefined;
    const messages = new Map<string, string[]>();
    for (const event of events ?? []) {
      const message = queuedMessageOf(event) ?? appliedMessageOf(event);
      if (message)
        messages.set(message.counterpart, [...(messages.get(message.counterpart) ?? []), message.messageId]);
    }
    for (const [counterpart, messageIds] of messages)
      byCounterpart.set(counterpart, [...(byCounterpart.get(counterpart) ?? []), { caseId, messageIds }]);
  }
  return byCounterpart;
}

export async function eraseParticulars(
  store: EventStore,
  keys: KeyStore,
  request: ErasureRequest,
): Promise<Erasure> {
  if ((request.personId === undefined) === (request.caseId === undefined))
    throw new RangeError('an erasure names a person or a case, not both');
  const keyIds = request.personId
    ? [`person:${request.personId}`]
    : keysOnlyOf(keys, caseIdOf(request.caseId!));
  const caseIds = request.personId
    ? keys.casesOfKey(`person:${request.personId}`)
    : [caseIdOf(request.caseId!)];
  const erasureId = uuidv7();
  const record = particularsErased({
    erasedBy: request.erasedBy,
    ground: request.ground,
    ...(request.reference ? { reference: request.reference } : {}),
    ...(request.personId ? { personId: request.personId } : { caseId: request.caseId! }),
    keyIds,
    requestId: request.requestId,
    sourceAddress: request.sourceAddress,
    erasedAt: request.at,
  });
  await appendAuditRecord(store, { ...record, event: { ...record.event, id: erasureId } });
  for (const keyId of keyIds)
    keys.destroy(keyId, { destroyedBy: request.erasedBy, ground: request.ground, at: request.at });
  // Marked after the keys: a crash before leaves the case a candidate, and the retry destroys what is left.
  if (request.caseId) keys.markCaseErased(caseIdOf(request.caseId), request.at);
  const notified = await queueNotices(store, keys, request, { erasureId, keyIds, caseIds });
  return { erasureId, keyIds, notified };
}

/** Queues one erasure notice per counterpart concerned (the relay sends them); their ids only, no particulars. */
async function queueNotices(
  store: EventStore,
  keys: KeyStore,
  request: ErasureRequest,
  erasure: { erasureId: string; keyIds: readonly string[]; caseIds: readonly string[] },
): Promise<string[]> {
  const personIds = erasure.keyIds
    .filter((k) => k.startsWith('person:'))
    .map((k) => k.slice('person:'.length));
  const notices = [...(await exchangedWith(store, keys, erasure.caseIds))]
    .filter(([counterpart]) => counterpart !== request.notNotifying && counterpart !== request.agencyId)
    .map(([counterpart, cases]) => ({ counterpart, cases }));
  if (notices.length === 0) return [];
  const outcome = await handleCommand(store, erasureNoticeDecider, erasure.erasureId, {
    type: 'QueueErasureNotices',
    data: { erasureId: erasure.erasureId, ground: request.ground, erasedAt: request.at, personIds, notices },
    metadata: {
      now: request.at,
      actor: request.erasedBy,
      agencyId: request.agencyId,
      newIds: notices.map(() => uuidv7()),
    },
  });
  if (isDomainError(outcome)) throw new Error(`erasure notices: ${outcome.code} ${outcome.reason}`);
  return notices.map((n) => n.counterpart);
}
