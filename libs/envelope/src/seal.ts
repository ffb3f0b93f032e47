/**
 * Sealing: the payload and a copy of the header, signed by the sender's key, then encrypted to the
 * recipient's key and the sender's own key (docs/design.md section 5), wrapped in an InboxRecord.
 */
import * as openpgp from 'openpgp';
import { HeaderInput, toWireHeader } from './header';
import { validateMessage, ValidationProblem } from './validate';
import { decodePayload, encodePayload, PayloadInput, PayloadType, v1 } from './wire';

export interface SealInput<T extends PayloadType> {
  readonly header: HeaderInput;
  readonly payloadType: T;
  readonly payload: PayloadInput<T>;
  /** The sender agency's decrypted private key (see readAgencyPrivateKey). */
  readonly senderKey: openpgp.PrivateKey;
  /**
   * Keys to encrypt to: the recipient agency's current key AND the sender's own public key, so the
   * sender can open (audit) what it sent. Parse them once and reuse them (TrustStore, readPublicKeyCached).
   */
  readonly recipientKeys: readonly openpgp.PublicKey[];
}

/** Thrown when a caller asks to seal a header or payload that breaks the contract: a bug, not a refusal. */
export class InvalidEnvelopeInput extends Error {
  constructor(readonly problems: readonly ValidationProblem[]) {
    super(`cannot seal: ${describeProblems(problems)}`);
    this.name = 'InvalidEnvelopeInput';
  }
}

export const describeProblems = (problems: readonly ValidationProblem[]): string =>
  problems
    .slice(0, 5)
    .map((p) => `${p.path || '(message)'}: ${p.rule}`)
    .join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');

/**
 * Seals a payload into the bytes of an InboxRecord carrying an Envelope: the value to write to the
 * recipient's inbox topic. Validates header and payload first (throws InvalidEnvelopeInput).
 */
export async function sealEnvelope<T extends PayloadType>(input: SealInput<T>): Promise<Uint8Array> {
  const header = toWireHeader(input.header, input.payloadType);
  const payload = encodePayload(input.payloadType, input.payload);
  const problems = [
    ...validateMessage('xborder.v1.Header', header),
    // Validate what the receiver will decode, not the caller's object (which may carry extra keys).
    ...validateMessage(input.payloadType, decodePayload(input.payloadType, payload)),
  ];
  if (problems.length > 0) throw new InvalidEnvelopeInput(problems);
  const content = v1.SealedContent.encode({ header, payload }).finish();
  const sealed = await sealContent(content, input.senderKey, input.recipientKeys);
  return v1.InboxRecord.encode({ envelope: { header, sealed } }).finish();
}

/** The OpenPGP layer alone: sign `content` with `signingKey`, then encrypt it to `encryptionKeys`. */
export async function sealContent(
  content: Uint8Array,
  signingKey: openpgp.PrivateKey,
  encryptionKeys: readonly openpgp.PublicKey[],
): Promise<Uint8Array> {
  return openpgp.encrypt({
    message: await openpgp.createMessage({ binary: content }),
    encryptionKeys: [...encryptionKeys],
    signingKeys: signingKey,
    format: 'binary',
  });
}
