import * as openpgp from 'openpgp';
import {
  decodePayload,
  encodePayload,
  PayloadType,
  TrustedKey,
  TrustStore,
  ValidationProblem,
} from '@xb/envelope';
import type { EnvelopeCodecOptions } from '../envelope-codec';
import type { InboundReceipt, OpenedRecord, OutboundMessage } from '../ports';

/**
 * What crosses the IPC channel between the pooled codec and its children (structured clone, the
 * 'advanced' serialization). Keys travel as their binary OpenPGP packets: a parsed key object does not
 * survive a clone, and the private ones must never go through argv, the environment or a file.
 */
export interface KeyMaterial {
  readonly agencyId: string;
  /** The agency's decrypted private keys, current first (OwnKeys.all). */
  readonly ownKeys: readonly Uint8Array[];
  readonly ownPublicKey: Uint8Array;
  readonly defaults: EnvelopeCodecOptions['defaults'];
}

/** A trust store at one version: its entries with the key as binary packets. */
export interface TrustSnapshot {
  readonly version: number;
  readonly entries: readonly (Omit<TrustedKey, 'key'> & { readonly key: Uint8Array })[];
}

export type CodecCall =
  | { readonly op: 'seal'; readonly message: OutboundMessage; readonly sentAt: string }
  | { readonly op: 'open'; readonly bytes: Uint8Array; readonly now: Date }
  | { readonly op: 'signReceipt'; readonly receipt: InboundReceipt; readonly to: string };

export type ToChild =
  | { readonly kind: 'init'; readonly keys: KeyMaterial; readonly trust: TrustSnapshot }
  | { readonly kind: 'trust'; readonly trust: TrustSnapshot }
  | { readonly kind: 'call'; readonly id: number; readonly trustVersion: number; readonly call: CodecCall };

/**
 * An opened record as it crosses back: a decoded payload is a protobuf message whose unset fields
 * read their defaults from its class's prototype, which a clone drops, so the payload travels encoded
 * and the parent decodes it again into the same message.
 */
export type WireOpened =
  | (Omit<Extract<OpenedRecord, { kind: 'envelope'; ok: true }>, 'payload'> & {
      readonly payload: Uint8Array;
    })
  | Exclude<OpenedRecord, { kind: 'envelope'; ok: true }>;

export type CallError = {
  readonly name: string;
  readonly message: string;
  /** InvalidEnvelopeInput's problems (paths and rules, never values). */
  readonly problems?: readonly ValidationProblem[];
};

export type FromChild =
  | { readonly kind: 'ready' }
  | { readonly kind: 'init-failed'; readonly message: string }
  | { readonly kind: 'done'; readonly id: number; readonly value: Uint8Array | WireOpened }
  | { readonly kind: 'failed'; readonly id: number; readonly error: CallError };

export function keyMaterialOf(options: EnvelopeCodecOptions): KeyMaterial {
  return {
    agencyId: options.agencyId,
    ownKeys: options.ownKeys.all.map((key) => key.write()),
    ownPublicKey: options.ownPublicKey.write(),
    defaults: options.defaults,
  };
}

export function trustSnapshotOf(store: TrustStore): TrustSnapshot {
  return {
    version: store.version,
    entries: store.entries().map((entry) => ({ ...entry, key: entry.key.write() })),
  };
}

export async function trustEntriesOf(snapshot: TrustSnapshot): Promise<TrustedKey[]> {
  return Promise.all(
    snapshot.entries.map(async (entry) => ({
      ...entry,
      key: await openpgp.readKey({ binaryKey: entry.key }),
    })),
  );
}

export async function privateKeysOf(material: KeyMaterial): Promise<openpgp.PrivateKey[]> {
  return Promise.all(material.ownKeys.map((binaryKey) => openpgp.readPrivateKey({ binaryKey })));
}

export function toWire(opened: OpenedRecord): WireOpened {
  if (opened.kind !== 'envelope' || !opened.ok) return opened;
  // The child decoded it by this type, so the type is a known one.
  const type = opened.header.payloadType as PayloadType;
  return { ...opened, payload: encodePayload(type, opened.payload as never) };
}

export function fromWire(opened: WireOpened): OpenedRecord {
  if (opened.kind !== 'envelope' || !opened.ok) return opened;
  return {
    ...opened,
    payload: decodePayload(opened.header.payloadType as PayloadType, opened.payload) as never,
  };
}
