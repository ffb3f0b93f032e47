/**
 * The OpenPGP layer of opening, apart from the protobuf envelope around it: decrypt with our key(s),
 * then verify the signature against the sender's keys. Usable on its own for any OpenPGP message
 * signed-then-encrypted by a counterpart's tool (e.g. `gpg --sign --encrypt`).
 */
import * as openpgp from 'openpgp';
import { keyIdsOf } from './agency-key';

export interface OpenContentOptions {
  /** Our decrypted private key(s); several during a key rotation overlap. */
  readonly decryptionKeys: openpgp.PrivateKey | readonly openpgp.PrivateKey[];
  /** The keys the content may be signed with (the sender agency's keys valid at sent_at). */
  readonly verificationKeys: readonly openpgp.PublicKey[];
  /** Time at which signatures and keys are checked. Default: now. */
  readonly date?: Date;
}

export type OpenedContent =
  | { readonly ok: true; readonly content: Uint8Array; readonly signerFingerprint: string }
  | {
      readonly ok: false;
      readonly reason: 'MALFORMED' | 'DECRYPT_FAILED' | 'BAD_SIGNATURE';
      readonly detail: string;
    };

/** Parses a binary OpenPGP message; `undefined` when the bytes are not one. */
export async function readSealedMessage(
  sealed: Uint8Array,
): Promise<openpgp.Message<Uint8Array> | undefined> {
  try {
    return await openpgp.readMessage({ binaryMessage: sealed });
  } catch {
    return undefined;
  }
}

/** A hidden recipient (`gpg --throw-keyids`) is written as key id zero. */
const WILDCARD_KEY_ID = '0000000000000000';

/** Whether the message is encrypted to one of `keys` (or to a hidden recipient, which we cannot tell). */
export function isEncryptedTo(
  message: openpgp.Message<Uint8Array>,
  keys: readonly openpgp.PrivateKey[],
): boolean {
  const ours = new Set(keys.flatMap(keyIdsOf));
  return message.getEncryptionKeyIDs().some((id) => id.toHex() === WILDCARD_KEY_ID || ours.has(id.toHex()));
}

/** Decrypts and verifies `sealed` (binary OpenPGP bytes or an already parsed message). */
export async function openSealedContent(
  sealed: Uint8Array | openpgp.Message<Uint8Array>,
  options: OpenContentOptions,
): Promise<OpenedContent> {
  const message = sealed instanceof Uint8Array ? await readSealedMessage(sealed) : sealed;
  if (!message) return { ok: false, reason: 'MALFORMED', detail: 'not an OpenPGP message' };
  let decrypted;
  try {
    decrypted = await openpgp.decrypt({
      message,
      decryptionKeys: toArray(options.decryptionKeys),
      verificationKeys: [...options.verificationKeys],
      format: 'binary',
      ...(options.date ? { date: options.date } : {}),
    });
  } catch (error) {
    return { ok: false, reason: 'DECRYPT_FAILED', detail: cryptoDetail(error) };
  }
  const checks = await Promise.allSettled(decrypted.signatures.map((s) => s.verified));
  const good = decrypted.signatures.filter((_, i) => checks[i].status === 'fulfilled');
  if (good.length === 0) {
    const firstError = checks.find((c) => c.status === 'rejected') as PromiseRejectedResult | undefined;
    return {
      ok: false,
      reason: 'BAD_SIGNATURE',
      detail: firstError ? cryptoDetail(firstError.reason) : 'the content is not signed',
    };
  }
  const signerId = good[0].keyID.toHex();
  const signer = options.verificationKeys.find((key) => keyIdsOf(key).includes(signerId));
  return { ok: true, content: decrypted.data, signerFingerprint: signer?.getFingerprint() ?? signerId };
}

const toArray = <T>(value: T | readonly T[]): T[] => (Array.isArray(value) ? [...value] : [value as T]);

/** openpgp's error messages name packets and algorithms, never plaintext: safe to pass on. */
const cryptoDetail = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 200);
