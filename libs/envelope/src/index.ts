/**
 * @xb/envelope: the wire contract's generated code, sealing and opening envelopes with OpenPGP,
 * signed receipts, detached signatures, agency keys and the trust store of counterpart keys.
 */
export {
  google,
  xborder,
  v1,
  PAYLOAD_TYPES,
  PAYLOAD_MESSAGES,
  SCHEMA_VERSION,
  isPayloadType,
  encodePayload,
  decodePayload,
  toTimestamp,
  fromTimestamp,
} from './wire';
export type { PayloadType, PayloadInput, PayloadMessage } from './wire';
export type { HeaderInput, EnvelopeHeader } from './header';
export { sealEnvelope, sealContent, InvalidEnvelopeInput } from './seal';
export type { SealInput } from './seal';
export { openEnvelope, DEFAULT_CLOCK_SKEW_TOLERANCE_MS, DEFAULT_MAX_AGE_MS } from './open';
export type { OpenOptions, OpenResult, OpenedEnvelope, EnvelopeRefusal } from './open';
export { openSealedContent } from './open-content';
export type { OpenContentOptions, OpenedContent } from './open-content';
export { REFUSAL_REASONS, rejectionReasonOf } from './refusal';
export type { RefusalReason } from './refusal';
export { signReceipt, openReceipt } from './receipt';
export type { ReceiptFields, OpenReceiptOptions, OpenedReceipt } from './receipt';
export { signBytes, verifyBytes } from './detached';
export type { BytesVerification } from './detached';
export { readInboxRecord } from './inbox-record';
export type { InboxRecordKind } from './inbox-record';
export { validateMessage, isUuidV7, isAgencyId, contractTextFields } from './validate';
export type { ValidationProblem, ContractTextField } from './validate';
export {
  generateAgencyKey,
  readAgencyPrivateKey,
  readPublicKeyCached,
  keyUnfitness,
  MIN_RSA_BITS,
} from './agency-key';
export type { GeneratedAgencyKey, GenerateAgencyKeyOptions } from './agency-key';
export { TrustStore, isValidAt } from './trust-store';
export type { TrustedKey, SenderLookup } from './trust-store';
export { loadTrustStore, loadTrustFile, trustedKeyFrom, trustFileName } from './trust-store-files';
export type { TrustFile, TrustFileProblem, TrustStoreLoad } from './trust-store-files';
export { agencyKeyPaths, loadOwnKeys } from './key-files';
export {
  AgencyDirectory,
  AGENCY_LEVELS,
  DIRECTORY_FORMAT,
  checkDirectoryContent,
  verifyDirectory,
} from './agency-directory';
export type {
  AgencyDirectoryFile,
  AgencyLevel,
  DirectoryAgency,
  DirectoryAgencyEntry,
  DirectoryCheckOptions,
  DirectoryRefusal,
  DirectoryRefusalCode,
} from './agency-directory';
export type { AgencyKeyPaths, OwnKeys } from './key-files';
export { measureSealOpen } from './measure';
export type { SealOpenRates } from './measure';
