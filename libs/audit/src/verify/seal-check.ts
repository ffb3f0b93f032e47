import type { StoredEvent } from '@xb/event-store';
import { sameBytes, sealSigningBytes, toHex } from '../canonical';
import type { ChainPoint } from '../chain';
import { parseSeal, type RecordedSeal, type SealVerifier } from '../seal';
import { describeRange, type VerifyFailure } from './report';

/** What the walk remembered at a claimed position: the chain there, or that no event stood there. */
export type Snapshot = ChainPoint | 'absent';

export interface SealCheckContext {
  readonly verifier: SealVerifier;
  readonly agencyId: string | undefined;
  readonly signerAgencies: ((fingerprint: string) => readonly string[]) | undefined;
  /** The position covered by the last seal that verified; undefined before the first. */
  readonly lastGoodClaim: bigint | undefined;
  /** Takes (and forgets) the snapshot at a claimed position. */
  readonly takeSnapshot: (position: bigint) => Snapshot | undefined;
}

export type SealCheck =
  | { readonly ok: true; readonly seal: RecordedSeal }
  | { readonly ok: false; readonly failure: VerifyFailure; readonly breaksChain: boolean };

const refused = (failure: VerifyFailure, breaksChain = false): SealCheck => ({
  ok: false,
  failure,
  breaksChain,
});

/** Checks one seal met in the walk (before the walk chains the seal itself: no seal covers itself). */
export async function checkSeal(event: StoredEvent, context: SealCheckContext): Promise<SealCheck> {
  const at = event.position;
  const seal = parseSeal(event);
  if (typeof seal === 'string')
    return refused({ code: 'SEAL_MALFORMED', position: at, message: `seal at position ${at}: ${seal}` });
  if (seal.position >= at) {
    const message = `seal at position ${at} claims to cover position ${seal.position}: a seal covers only earlier events`;
    return refused({ code: 'SEAL_MALFORMED', position: at, message });
  }
  if (context.agencyId !== undefined && seal.agencyId !== context.agencyId) {
    const message = `seal at position ${at} names agency ${seal.agencyId}, expected ${context.agencyId}`;
    return refused({
      code: 'SEAL_AGENCY_MISMATCH',
      position: at,
      message,
      expected: context.agencyId,
      actual: seal.agencyId,
    });
  }
  if (!(await context.verifier.verify(sealSigningBytes(seal), seal.signature, seal.signerFingerprint))) {
    const message = `seal at position ${at}: signature invalid or signer ${seal.signerFingerprint} not trusted`;
    return refused({ code: 'SEAL_SIGNATURE_INVALID', position: at, message });
  }
  const owners = context.signerAgencies?.(seal.signerFingerprint);
  if (owners && !owners.includes(seal.agencyId)) {
    const message = `seal at position ${at} names ${seal.agencyId} but is signed by ${seal.signerFingerprint}, a key of ${owners.join(', ') || 'no agency'}`;
    return refused({
      code: 'SEAL_SIGNER_OTHER_AGENCY',
      position: at,
      message,
      expected: seal.agencyId,
      actual: owners.join(', '),
    });
  }
  return compareWithChain(at, seal, context);
}

function compareWithChain(at: bigint, seal: RecordedSeal, context: SealCheckContext): SealCheck {
  const snapshot = context.takeSnapshot(seal.position);
  const range = { after: context.lastGoodClaim, upTo: seal.position };
  const doubt = `events ${describeRange(range.after, range.upTo)} were altered, removed or reordered`;
  if (snapshot === undefined) {
    const message = `seal at position ${at} covers position ${seal.position}, which precedes the previous seal's: seals out of order`;
    return refused({ code: 'SEAL_OUT_OF_ORDER', position: at, message });
  }
  const expected = `head ${toHex(seal.chainHead)}, count ${seal.count}`;
  if (snapshot === 'absent') {
    const message = `seal at position ${at} covers position ${seal.position}, where the store has no event: ${doubt}`;
    return refused(
      { code: 'CHAIN_MISMATCH', position: at, message, range, expected, actual: 'no event' },
      true,
    );
  }
  if (!sameBytes(snapshot.head, seal.chainHead) || snapshot.count !== seal.count) {
    const actual = `head ${toHex(snapshot.head)}, count ${snapshot.count}`;
    const message = `seal at position ${at} says ${expected} at position ${seal.position}, recomputed ${actual}: ${doubt}`;
    return refused({ code: 'CHAIN_MISMATCH', position: at, message, range, expected, actual }, true);
  }
  return { ok: true, seal };
}
