import type { PrivateKey, PublicKey } from 'openpgp';
import { AnchorReport, verifyAnchors, verifyAuditTrail } from '@xb/audit';
import { agencyKeyPaths, loadTrustStore } from '@xb/envelope';
import { EventStore } from '@xb/event-store';
import { anchorChecks } from '@xb/exchange';
import { EXIT, type CommandIo, type ExitCode } from '../cli/io';
import { parseOptions, runCommand } from '../cli/run-command';
import { positiveInt } from '../cli/values';
import { loadAgencyPublicKeys, loadPrivateKey } from '../keys/load-keys';
import { agencySealVerifier } from '../keys/seal-verifier';
import { dataDirOf, openStore, STORE_ARGS } from '../store/open-store';
import { progressPrinter } from '../verify/progress-printer';
import { renderVerifyReport, verifyReportJson } from '../verify/render-report';
import { firstUnreadablePosition, isDamagedStore } from '../store/unreadable';
import { storedEnvelopeCheck } from '../verify/stored-envelopes';

export const VERIFY_USAGE = `usage: auditor verify [--store FILE | --data-dir DIR | --esdb URL]
                      [--keys DIR | --public-key FILE ...] [--agency ID] [--private-key FILE]
                      [--max-failures N] [--json]`;

const OPTIONS = {
  ...STORE_ARGS,
  keys: { type: 'string' },
  'public-key': { type: 'string', multiple: true },
  'private-key': { type: 'string' },
  agency: { type: 'string' },
  'max-failures': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/**
 * `verify`: recomputes the hash chain over the whole store, checks every seal's signature against the
 * agency's public keys and every stored envelope (see stored-envelopes.ts). Exit 0 intact, 1 not.
 */
export function verifyCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  return runCommand(io, VERIFY_USAGE, async () => {
    const options = parseOptions(args, OPTIONS);
    const agencyId = options.agency ?? io.env.XB_AGENCY_ID;
    const dataDir = dataDirOf(options, io.env);
    const publicKeys = await loadAgencyPublicKeys({
      publicKeyFiles: options['public-key'],
      keysDir: options.keys,
      dataDir,
      agencyId,
    });
    const privateKey = options['private-key']
      ? await loadPrivateKey(options['private-key'], io.env.XB_KEY_PASSPHRASE)
      : undefined;
    const maxFailures = options['max-failures'] ? positiveInt(options['max-failures'], '--max-failures') : 1;
    let opened;
    try {
      opened = openStore(options, io.env);
    } catch (error) {
      if (!isDamagedStore(error)) throw error;
      io.out(unreadableReport(error, undefined, options.json === true));
      return EXIT.integrityFailure;
    }
    try {
      const report = await verifyAuditTrail(opened.store, agencySealVerifier(publicKeys), {
        ...(agencyId ? { agencyId } : {}),
        checkEvent: storedEnvelopeCheck(privateKey ? { privateKey, publicKeys } : undefined),
        contiguousPositions: opened.contiguousPositions,
        maxFailures,
        onProgress: progressPrinter(io.err, io.clock),
      });
      const anchors = await checkAnchors(
        opened.store,
        agencyId,
        dataDir,
        privateKey ? { decryption: [privateKey], verification: publicKeys } : undefined,
        io,
      );
      io.out(options.json ? verifyReportJson(report) : renderVerifyReport(report, opened.description));
      if (anchors) io.out(options.json ? JSON.stringify({ anchors }, null, 2) : renderAnchors(anchors));
      if (!privateKey)
        io.err('note: outbound envelopes checked for presence and hash only; --private-key opens them');
      return report.ok && (anchors?.ok ?? true) ? EXIT.ok : EXIT.integrityFailure;
    } catch (error) {
      if (!isDamagedStore(error)) throw error;
      io.out(unreadableReport(error, opened.file, options.json === true));
      return EXIT.integrityFailure;
    } finally {
      await opened.store.close();
    }
  });
}

/** A store whose content cannot even be read back: an integrity failure, located when the file allows it. */
function unreadableReport(error: unknown, file: string | undefined, json: boolean): string {
  const position = file ? firstUnreadablePosition(file) : undefined;
  const message = `the store cannot be read back (${(error as Error).message.slice(0, 200)}); its stored bytes were altered`;
  if (json) {
    const failure = {
      code: 'STORE_UNREADABLE',
      ...(position !== undefined && { position: `${position}` }),
      message,
    };
    return JSON.stringify({ ok: false, failures: [failure] }, null, 2);
  }
  const at = position !== undefined ? ` at position ${position}` : '';
  return `result: INTEGRITY FAILURE\nSTORE_UNREADABLE${at}: ${message}`;
}

/**
 * Cross-anchors (seal heads acknowledged by counterparts): checked when the data dir's trust store is
 * at hand to verify the counterparts' receipts; skipped with a note otherwise.
 */
async function checkAnchors(
  store: EventStore,
  agencyId: string | undefined,
  dataDir: string | undefined,
  ownKeys: { decryption: PrivateKey[]; verification: PublicKey[] } | undefined,
  io: CommandIo,
): Promise<AnchorReport | undefined> {
  const trust = dataDir && agencyId ? await loadTrustStore(agencyKeyPaths(dataDir).trustDir) : undefined;
  if (!trust?.ok) {
    io.err('note: cross-anchors not checked: they need --data-dir (its trust store) and the agency id');
    return undefined;
  }
  return verifyAnchors(store, anchorChecks(agencyId!, trust.store, ownKeys));
}

function renderAnchors(report: AnchorReport): string {
  const lines = [
    `cross-anchors: ${report.anchored} seal heads acknowledged by counterparts, ${report.pending} awaiting a receipt`,
  ];
  for (const f of report.failures)
    lines.push(`${f.code} seal ${f.sealId} with ${f.counterpart}: ${f.message}`);
  return lines.join('\n');
}
