import fs from 'node:fs';
import type { PrivateKey } from 'openpgp';
import {
  compareWithCounterpartCopy,
  verifyAnchors,
  type AnchorReport,
  type CounterpartCopyReport,
} from '@xb/audit';
import { agencyKeyPaths, loadTrustStore, type TrustStore } from '@xb/envelope';
import { SqliteEventStore, type EventStore } from '@xb/event-store';
import { anchorChecks } from '@xb/exchange';
import { UsageError } from '../cli/io';
import type { SealKey } from '../keys/load-keys';
import { truncationSigns } from './truncation';
import type { Finding } from './verdict';

export interface OutsideCheckInput {
  readonly store: EventStore;
  /** The SQLite file, when the store is one: its sequence and checkpoints show a cut tail. */
  readonly file: string | undefined;
  readonly agencyId: string | undefined;
  readonly dataDir: string;
  /** `--keys DIR`: the auditor's own trust store, whose counterpart keys check the receipts. */
  readonly keysDir: string | undefined;
  readonly keys: readonly SealKey[];
  readonly privateKey: PrivateKey | undefined;
  /** `--counterpart-store FILE`: counterparts' event stores, holding the seal heads we sent them. */
  readonly counterpartStores: readonly string[];
}

export interface OutsideChecks {
  readonly anchors: AnchorReport | undefined;
  /** Whether the receipts were checked against counterpart keys from outside the audited data. */
  readonly receiptKeysIndependent: boolean;
  readonly copies: readonly { readonly file: string; readonly report: CounterpartCopyReport }[];
  readonly findings: readonly Finding[];
  readonly notes: readonly string[];
}

/**
 * The checks that hold the trail against something it does not contain: the counterparts' signed receipts
 * of our seal heads, the counterparts' own copies of those heads, and what the store file remembers of
 * positions past its end.
 */
export async function checkAgainstOutside(input: OutsideCheckInput): Promise<OutsideChecks> {
  const notes: string[] = [];
  const findings: Finding[] = [];
  const { trust, independent } = await receiptTrust(input, notes);
  let anchors: AnchorReport | undefined;
  if (trust && input.agencyId) {
    const own = input.privateKey
      ? { decryption: [input.privateKey], verification: input.keys.map((k) => k.key) }
      : undefined;
    anchors = await verifyAnchors(input.store, anchorChecks(input.agencyId, trust, own));
    findings.push(
      ...anchors.failures.map((f) => ({
        code: f.code,
        message: `seal ${f.sealId} with ${f.counterpart}: ${f.message}`,
      })),
    );
    if (!own && anchors.unread > 0)
      notes.push(
        'note: the seal heads inside sent envelopes are read only with --private-key; until then no anchor counts',
      );
  } else notes.push('note: cross-anchors not checked: no trust store with counterpart keys, or no agency id');
  const copies = [];
  for (const file of input.counterpartStores) {
    if (!input.agencyId) throw new UsageError('--counterpart-store needs the audited agency: --agency ID');
    if (!fs.existsSync(file)) throw new UsageError(`--counterpart-store ${file}: no such file`);
    const theirs = new SqliteEventStore({ file });
    try {
      const report = await compareWithCounterpartCopy(input.store, theirs, input.agencyId);
      copies.push({ file, report });
      findings.push(...report.failures);
    } finally {
      await theirs.close();
    }
  }
  if (input.file) findings.push(...truncationSigns(input.file));
  return { anchors, receiptKeysIndependent: independent, copies, findings, notes };
}

/**
 * Counterpart keys for the receipts: the auditor's `--keys` directory when it holds another agency's key,
 * else the audited data dir's trust store, which only tells whether the receipts agree with that store.
 */
async function receiptTrust(
  input: OutsideCheckInput,
  notes: string[],
): Promise<{ trust: TrustStore | undefined; independent: boolean }> {
  if (input.keysDir) {
    const given = await loadTrustStore(input.keysDir);
    if (given.ok && given.store.agencies().some((a) => a !== input.agencyId))
      return { trust: given.store, independent: true };
  }
  const own = await loadTrustStore(agencyKeyPaths(input.dataDir).trustDir);
  if (!own.ok || own.store.agencies().length === 0) return { trust: undefined, independent: false };
  notes.push("note: counterparts' receipts checked with keys from the audited data dir's trust store");
  return { trust: own.store, independent: false };
}
