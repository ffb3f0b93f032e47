/** The node's event store with its particulars sealed (docs/confidentiality.md): the one place it is put together. */
import type { EventStore } from '@xb/event-store';
import {
  KeyStore,
  LocalKeyManagement,
  ParticularsCodec,
  ProtectedEventStore,
  keyStoreFile,
  type KeyManagement,
} from '@xb/protection';

export function protectParticulars(
  store: EventStore,
  dataDir: string,
  options: { keyManagement?: KeyManagement; now?: () => Date } = {},
): ProtectedEventStore {
  const kms = options.keyManagement ?? LocalKeyManagement.forDataDir(dataDir);
  const codec = new ParticularsCodec(new KeyStore(keyStoreFile(dataDir), kms), kms);
  return new ProtectedEventStore(store, codec, options.now);
}
