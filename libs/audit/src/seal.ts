import type { EventToAppend, RecordedEvent } from '@xb/event-store';
import { headFromHex, sealSigningBytes, toHex, type SealClaim } from './canonical';

/** The stream every seal is appended to. */
export const AUDIT_SEALS_STREAM = 'audit-seals';
export const AUDIT_SEAL_RECORDED = 'AuditSealRecorded';
/** Names the chain and seal encodings a seal was made with (docs/audit.md). */
export const SEAL_SCHEME = 'sha256-chain/v1';

/** Signs a seal's canonical bytes with the agency key: a detached signature, armored or base64. */
export interface SealSigner {
  /** Fingerprint of the signing key, recorded in every seal. */
  readonly fingerprint: string;
  sign(bytes: Uint8Array): Promise<string>;
}

/**
 * Checks a seal's signature. It also decides trust: an unknown or revoked fingerprint must give false,
 * never an exception; exceptions are for lost infrastructure.
 */
export interface SealVerifier {
  verify(bytes: Uint8Array, signature: string, fingerprint: string): Promise<boolean>;
}

/** The data of an `AuditSealRecorded` event. Position is a decimal string: JSON numbers stop at 2^53. */
export interface AuditSealData {
  readonly scheme: typeof SEAL_SCHEME;
  readonly agencyId: string;
  /** Position of the last event covered. */
  readonly position: string;
  /** Chain head after that event, 64 lower-case hex digits. */
  readonly chainHead: string;
  /** Events covered so far (every event at or before `position`, earlier seals included). */
  readonly count: number;
  /** Detached signature over sealSigningBytes(agencyId, position, chainHead, count). */
  readonly signature: string;
  readonly signerFingerprint: string;
}

/** A seal read back from the store. */
export interface RecordedSeal extends SealClaim {
  readonly signature: string;
  readonly signerFingerprint: string;
}

export const isSealEvent = (event: Pick<RecordedEvent, 'streamId' | 'type'>): boolean =>
  event.streamId === AUDIT_SEALS_STREAM && event.type === AUDIT_SEAL_RECORDED;

/** Signs a claim and builds the seal event to append. */
export async function buildSealEvent(
  claim: SealClaim,
  signer: SealSigner,
  occurredAt: string,
): Promise<EventToAppend<typeof AUDIT_SEAL_RECORDED, AuditSealData>> {
  const signature = await signer.sign(sealSigningBytes(claim));
  return {
    type: AUDIT_SEAL_RECORDED,
    data: {
      scheme: SEAL_SCHEME,
      agencyId: claim.agencyId,
      position: claim.position.toString(),
      chainHead: toHex(claim.chainHead),
      count: claim.count,
      signature,
      signerFingerprint: signer.fingerprint,
    },
    metadata: {
      correlationId: AUDIT_SEALS_STREAM,
      actor: 'system:sealer',
      occurredAt,
      schemaVersion: 1,
    },
  };
}

/**
 * Reads a seal from the exact stored data bytes (what the chain covered), not from the adapter's parsed
 * `data`. Returns a reason string when the seal is malformed.
 */
export function parseSeal(event: Pick<RecordedEvent, 'dataBytes'>): RecordedSeal | string {
  let data: Partial<Record<keyof AuditSealData, unknown>>;
  try {
    data = JSON.parse(Buffer.from(event.dataBytes).toString('utf8'));
  } catch {
    return 'seal data is not JSON';
  }
  if (typeof data !== 'object' || data === null) return 'seal data is not an object';
  if (data.scheme !== SEAL_SCHEME) return `unknown seal scheme ${JSON.stringify(data.scheme)}`;
  const chainHead = headFromHex(data.chainHead);
  if (!chainHead) return 'chainHead is not 64 hex digits';
  if (typeof data.position !== 'string' || !/^\d{1,20}$/.test(data.position))
    return 'position is not a decimal';
  if (!Number.isSafeInteger(data.count) || (data.count as number) < 0) return 'count is not a whole number';
  for (const key of ['agencyId', 'signature', 'signerFingerprint'] as const) {
    if (typeof data[key] !== 'string' || data[key] === '') return `${key} is missing`;
  }
  return {
    agencyId: data.agencyId as string,
    position: BigInt(data.position),
    chainHead,
    count: data.count as number,
    signature: data.signature as string,
    signerFingerprint: data.signerFingerprint as string,
  };
}
