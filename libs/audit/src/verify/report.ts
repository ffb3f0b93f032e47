/** Reason codes of a failed verification (docs/audit.md, "What verify reports"). */
export type VerifyFailureCode =
  /** A seal's data does not parse, or it claims to cover itself or later events. */
  | 'SEAL_MALFORMED'
  /** A seal names another agency than the one expected (given, or named by the store's first seal). */
  | 'SEAL_AGENCY_MISMATCH'
  /** A seal's signing key belongs to another agency than the one the seal names. */
  | 'SEAL_SIGNER_OTHER_AGENCY'
  /** A seal's signature does not verify, or its signer is not trusted. */
  | 'SEAL_SIGNATURE_INVALID'
  /** A seal covers a position the walk had passed before the seal was listed: seals out of order. */
  | 'SEAL_OUT_OF_ORDER'
  /** The recomputed chain differs from a valid seal's: events in `range` were altered, removed or reordered. */
  | 'CHAIN_MISMATCH'
  /** The store returned positions that do not strictly increase. */
  | 'POSITION_ORDER'
  /** With `contiguousPositions`: a position is missing between two events. */
  | 'POSITION_GAP'
  /** The per-event check refused an event. */
  | 'EVENT_CHECK_FAILED';

export interface VerifyFailure {
  readonly code: VerifyFailureCode;
  /** Where the walk noticed it: the seal's own position, or the event's. */
  readonly position: bigint;
  /** For a person; names positions and hashes, never event contents. */
  readonly message: string;
  /** The events the failure puts in doubt: after `after` (exclusive; undefined = from the start) up to `upTo`. */
  readonly range?: { readonly after: bigint | undefined; readonly upTo: bigint };
  /** What the seal (or the expectation) says, and what the walk found. */
  readonly expected?: string;
  readonly actual?: string;
}

/** The newest seal that verified: its own position and what it covers. */
export interface VerifiedSeal {
  readonly sealPosition: bigint;
  readonly position: bigint;
  readonly chainHead: string;
  readonly count: number;
  readonly signerFingerprint: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  /** In walk order: the first is the first bad position. Empty when ok. */
  readonly failures: readonly VerifyFailure[];
  readonly eventsChecked: number;
  readonly sealsChecked: number;
  /** The agency whose seals were checked: the one given, else the one the first seal names. */
  readonly agencyId: string | undefined;
  /** Fingerprints of the keys that signed the verified seals. */
  readonly signers: readonly string[];
  /** The last position that existed when verify started; the walk stops there. */
  readonly endPosition: bigint | undefined;
  /** The recomputed chain head where the walk stopped. */
  readonly chainHead: string;
  readonly lastSeal: VerifiedSeal | undefined;
  /**
   * Events after the last verified seal's position: the chain proves nothing about them yet (a later seal
   * will, or compare `chainHead` with a copy held elsewhere).
   */
  readonly unsealedEvents: number;
  readonly durationMs: number;
  readonly eventsPerSecond: number;
}

export const describeRange = (after: bigint | undefined, upTo: bigint): string =>
  after === undefined
    ? `from the start up to position ${upTo}`
    : `after position ${after} up to position ${upTo}`;
