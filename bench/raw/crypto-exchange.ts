import { createHash, randomBytes } from 'node:crypto';
import * as openpgp from 'openpgp';

/**
 * The OpenPGP work of ONE exchange, done with openpgp alone (no envelope lib, no protobuf): the raw
 * limit our envelope code is compared with. Keys are v4 "legacy" ECC (Ed25519 signing, Curve25519
 * encryption), the kind GnuPG 2.2 reads (docs/performance.md, "Raw crypto").
 */

export interface ArmoredParty {
  privateKey: string;
  publicKey: string;
}

/** Keys as armored text: what crosses a worker or process boundary. */
export interface ArmoredExchangeKeys {
  sender: ArmoredParty;
  receiver: ArmoredParty;
}

interface Party {
  privateKey: openpgp.PrivateKey;
  publicKey: openpgp.PublicKey;
}

export interface ExchangeKeys {
  sender: Party;
  receiver: Party;
}

/** Size of the signed content of a request: a ~1 KiB protobuf payload and its header copy. */
export const PAYLOAD_BYTES = 1024;

export async function generateExchangeKeys(): Promise<ArmoredExchangeKeys> {
  const party = async (name: string): Promise<ArmoredParty> => {
    const { privateKey, publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name, email: `${name.toLowerCase()}@bench.invalid` }],
      format: 'armored',
    });
    return { privateKey, publicKey };
  };
  return { sender: await party('SENDER'), receiver: await party('RECEIVER') };
}

export async function readExchangeKeys(armored: ArmoredExchangeKeys): Promise<ExchangeKeys> {
  const party = async ({ privateKey, publicKey }: ArmoredParty): Promise<Party> => ({
    privateKey: await openpgp.readPrivateKey({ armoredKey: privateKey }),
    publicKey: await openpgp.readKey({ armoredKey: publicKey }),
  });
  return { sender: await party(armored.sender), receiver: await party(armored.receiver) };
}

/** Random bytes stand in for the payload: incompressible, like encrypted-then-compared data. */
export function samplePayload(bytes = PAYLOAD_BYTES): Uint8Array {
  return new Uint8Array(randomBytes(bytes));
}

/** Seal of a request: signed by the sender, encrypted to the receiver AND the sender's own key. */
export async function seal(keys: ExchangeKeys, payload: Uint8Array): Promise<Uint8Array> {
  return openpgp.encrypt({
    message: await openpgp.createMessage({ binary: payload }),
    encryptionKeys: [keys.receiver.publicKey, keys.sender.publicKey],
    signingKeys: keys.sender.privateKey,
    format: 'binary',
  });
}

/** Open of a request by the receiver: decrypt, then verify the sender's signature (throws if bad). */
export async function open(keys: ExchangeKeys, sealed: Uint8Array): Promise<Uint8Array> {
  const { data } = await openpgp.decrypt({
    message: await openpgp.readMessage({ binaryMessage: sealed }),
    decryptionKeys: keys.receiver.privateKey,
    verificationKeys: keys.sender.publicKey,
    expectSigned: true,
    format: 'binary',
  });
  return data;
}

/** The receipt's content: the SHA-256 of the envelope received, the outcome and a message id. */
export function receiptFor(sealed: Uint8Array): Uint8Array {
  const digest = createHash('sha256').update(sealed).digest();
  return new Uint8Array(Buffer.concat([Buffer.from('ACCEPTED:'), randomBytes(16), digest]));
}

/** Detached signature of a receipt by the receiver: receipts carry no secrets, so no encryption. */
export async function signReceipt(keys: ExchangeKeys, receipt: Uint8Array): Promise<Uint8Array> {
  return openpgp.sign({
    message: await openpgp.createMessage({ binary: receipt }),
    signingKeys: keys.receiver.privateKey,
    detached: true,
    format: 'binary',
  });
}

/** Verify of a receipt by the sender; throws when the signature does not hold. */
export async function verifyReceipt(
  keys: ExchangeKeys,
  receipt: Uint8Array,
  signature: Uint8Array,
): Promise<void> {
  const { signatures } = await openpgp.verify({
    message: await openpgp.createMessage({ binary: receipt }),
    signature: await openpgp.readSignature({ binarySignature: signature }),
    verificationKeys: keys.receiver.publicKey,
    expectSigned: true,
  });
  await signatures[0]!.verified;
}

/** One whole exchange: seal, open, sign the receipt, verify it. Throws if any step fails. */
export async function oneExchange(keys: ExchangeKeys, payload: Uint8Array): Promise<void> {
  const sealed = await seal(keys, payload);
  const opened = await open(keys, sealed);
  if (opened.length !== payload.length) throw new Error('opened payload differs from the sealed one');
  const receipt = receiptFor(sealed);
  await verifyReceipt(keys, receipt, await signReceipt(keys, receipt));
}
