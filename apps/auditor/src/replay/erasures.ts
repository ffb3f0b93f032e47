/**
 * Erasure as the replay shows it (docs/confidentiality.md): the trail's AuditParticularsErased events say
 * which keys were destroyed, by whom, when and on what ground, so a replay tells an erased particular from
 * one merely withheld without the key store. Shown particulars are opened with the node's own keys.
 */
import fs from 'node:fs';
import { AUDIT_PARTICULARS_ERASED, type AuditParticularsErasedData } from '@xb/audit';
import { deciderOf } from '@xb/domain';
import { collectEvents, type EventStore, type RecordedEvent } from '@xb/event-store';
import {
  isSealed,
  KeyStore,
  keyStoreFile,
  LocalKeyManagement,
  masterKeyFile,
  ParticularsCodec,
} from '@xb/protection';
import { UsageError } from '../cli/io';
import type { CaseStream } from './case-stream';
import { foldUpTo, type CaseAt } from './fold';

export async function erasuresIn(store: EventStore): Promise<AuditParticularsErasedData[]> {
  return (await collectEvents(store, ['audit-erasures-']))
    .filter((event) => event.type === AUDIT_PARTICULARS_ERASED)
    .map((event) => event.data as AuditParticularsErasedData);
}

/** The key ids that sealed particulars in `events`. */
export function keysIn(events: readonly RecordedEvent[]): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (isSealed(node)) keys.add(node.$sealed);
    if (typeof node === 'object' && node !== null) Object.values(node).forEach(walk);
  };
  events.forEach((event) => walk(event.data));
  return keys;
}

/** Whether an erasure touched the case: it named it, or destroyed a key its events were sealed with. */
export const caseOfErasure = (
  erasure: AuditParticularsErasedData,
  streamId: string,
  events: readonly RecordedEvent[],
): boolean => {
  if (erasure.caseId === streamId || streamId.endsWith(`-${erasure.caseId}`)) return true;
  const used = keysIn(events);
  return erasure.keyIds.some((keyId) => used.has(keyId));
};

/** The case folded with its particulars opened by the keys in `dataDir` (a node's, or a copy of it). */
export async function foldOpened(
  found: CaseStream,
  at: string | undefined,
  dataDir: string,
): Promise<CaseAt<unknown>> {
  // A store written before particulars were sealed (or a case without any) needs no keys.
  if (keysIn(found.events).size === 0) return foldUpTo(deciderOf(found.category), found.events, at);
  if (!fs.existsSync(masterKeyFile(dataDir)))
    throw new UsageError(
      `--show-particulars needs the node's keys: no ${masterKeyFile(dataDir)} (use --data-dir DIR)`,
    );
  const kms = LocalKeyManagement.forDataDir(dataDir);
  const keys = new KeyStore(keyStoreFile(dataDir), kms);
  try {
    const codec = new ParticularsCodec(keys, kms);
    const opened = await Promise.all(
      found.events.map(async (e) => ({ ...e, data: await codec.open(e.data) })),
    );
    return foldUpTo(deciderOf(found.category), opened, at);
  } finally {
    keys.close();
  }
}
