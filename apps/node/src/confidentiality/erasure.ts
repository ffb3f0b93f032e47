/**
 * Crypto-shredding (docs/confidentiality.md): erasing a person, or every particular of a case, destroys
 * the data keys that sealed them. The events stay as stored (the audit chain, the seals and the stored
 * envelopes' signatures still verify over the same bytes); their particulars can never be opened again.
 * The erasure is recorded first (who, when, ground, the keys), then the keys are destroyed: a failure in
 * between leaves a record whose keys a retry destroys (destroying is idempotent), never a silent loss.
 */
import { appendAuditRecord, particularsErased } from '@xb/audit';
import { deciderOf, PROCESS_CATEGORIES } from '@xb/domain';
import type { EventStore } from '@xb/event-store';
import type { KeyStore } from '@xb/protection';

export const ERASURE_GROUNDS = ['retention_expired', 'legal_request', 'data_subject_request'] as const;
export type ErasureGround = (typeof ERASURE_GROUNDS)[number];

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
}

export interface Erasure {
  readonly keyIds: readonly string[];
}

const STREAM_CATEGORIES = new Set(PROCESS_CATEGORIES.map((category) => deciderOf(category).category));

/** A case id from a stream id (`repatriation-<id>`) or a case id as given. */
const caseIdOf = (id: string) => {
  const dash = id.indexOf('-');
  return dash > 0 && STREAM_CATEGORIES.has(id.slice(0, dash)) ? id.slice(dash + 1) : id;
};

/**
 * The keys erasing a case destroys: its own, and those of the persons recorded in no other case still
 * kept. A person also in a case not erased keeps their key there (erase the person to erase them
 * everywhere); a person whose every case is erased loses it with the last one.
 */
const keysOnlyOf = (keys: KeyStore, caseId: string): string[] =>
  [
    `case:${caseId}`,
    ...keys
      .keysOfCase(caseId)
      .filter((keyId) =>
        keys.casesOfKey(keyId).every((other) => other === caseId || keys.isCaseErased(other)),
      ),
  ]
    .filter((keyId, i, all) => all.indexOf(keyId) === i)
    .sort();

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
  await appendAuditRecord(
    store,
    particularsErased({
      erasedBy: request.erasedBy,
      ground: request.ground,
      ...(request.reference ? { reference: request.reference } : {}),
      ...(request.personId ? { personId: request.personId } : { caseId: request.caseId! }),
      keyIds,
      requestId: request.requestId,
      sourceAddress: request.sourceAddress,
      erasedAt: request.at,
    }),
  );
  for (const keyId of keyIds)
    keys.destroy(keyId, { destroyedBy: request.erasedBy, ground: request.ground, at: request.at });
  // Marked last: a crash before leaves the case a candidate, and the retry destroys what is left.
  if (request.caseId) keys.markCaseErased(caseIdOf(request.caseId), request.at);
  return { keyIds };
}
