import type { EventStore } from '@xb/event-store';
import { sealSigningBytes } from '../canonical';
import { AUDIT_SEALS_STREAM, isSealEvent, parseSeal, type RecordedSeal, type SealVerifier } from '../seal';
import { isStreamNotFound } from '../stream-not-found';

export type SealerErrorCode =
  'LAST_SEAL_MALFORMED' | 'LAST_SEAL_SIGNATURE_INVALID' | 'LAST_SEAL_OTHER_AGENCY';

/** The sealer refuses to resume from a seal it cannot trust: continuing would extend a forged chain. */
export class SealerResumeError extends Error {
  override readonly name = 'SealerResumeError';
  constructor(
    readonly code: SealerErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The newest seal, read backwards from `audit-seals`: the sealer's durable checkpoint. Undefined when
 * nothing was ever sealed. With a verifier, its signature is checked first.
 */
export async function readLastSeal(
  store: EventStore,
  agencyId: string,
  verifier?: SealVerifier,
): Promise<RecordedSeal | undefined> {
  let newest;
  try {
    [newest] = await store.readStream(AUDIT_SEALS_STREAM, { direction: 'backwards', maxCount: 1 });
  } catch (error) {
    if (isStreamNotFound(error)) return undefined;
    throw error;
  }
  if (!newest) return undefined;
  const seal = isSealEvent(newest) ? parseSeal(newest) : `event type ${newest.type} is not a seal`;
  if (typeof seal === 'string') {
    throw new SealerResumeError('LAST_SEAL_MALFORMED', `last seal at position ${newest.position}: ${seal}`);
  }
  if (seal.agencyId !== agencyId) {
    throw new SealerResumeError(
      'LAST_SEAL_OTHER_AGENCY',
      `last seal was made by ${seal.agencyId}, not ${agencyId}`,
    );
  }
  if (verifier && !(await verifier.verify(sealSigningBytes(seal), seal.signature, seal.signerFingerprint))) {
    throw new SealerResumeError(
      'LAST_SEAL_SIGNATURE_INVALID',
      `last seal at position ${newest.position} has an invalid signature`,
    );
  }
  return seal;
}
