import { AUDIT_SEALS_STREAM, parseSeal, verifyAuditTrail, type VerifyReport } from '@xb/audit';
import type { EventStore } from '@xb/event-store';
import { EXIT, type CommandIo, type ExitCode } from '../cli/io';
import { parseOptions, runCommand } from '../cli/run-command';
import { positiveInt } from '../cli/values';
import { loadPrivateKey, loadSealKeys, type SealKey } from '../keys/load-keys';
import { agencySealVerifier } from '../keys/seal-verifier';
import { dataDirOf, openStore, STORE_ARGS } from '../store/open-store';
import { firstUnreadablePosition, isDamagedStore } from '../store/unreadable';
import { checkAgainstOutside, type OutsideChecks } from '../verify/outside-checks';
import { progressPrinter } from '../verify/progress-printer';
import { renderVerifyReport, verifyReportJson } from '../verify/render-report';
import { storedEnvelopeCheck } from '../verify/stored-envelopes';
import { verdictOf } from '../verify/verdict';

export const VERIFY_USAGE = `usage: auditor verify [--store FILE | --data-dir DIR | --esdb URL]
                      [--keys DIR | --public-key FILE ...] [--fingerprint FPR ...] [--agency ID]
                      [--private-key FILE] [--counterpart-store FILE ...] [--max-failures N] [--json]`;

const OPTIONS = {
  ...STORE_ARGS,
  keys: { type: 'string' },
  'public-key': { type: 'string', multiple: true },
  fingerprint: { type: 'string', multiple: true },
  'private-key': { type: 'string' },
  'counterpart-store': { type: 'string', multiple: true },
  agency: { type: 'string' },
  'max-failures': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/**
 * `verify`: recomputes the hash chain over the whole store, checks every seal's signature and signing
 * agency, every stored envelope (see stored-envelopes.ts), and the trail against what it does not contain
 * (outside-checks.ts). Exit codes: verdict.ts.
 */
export function verifyCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  return runCommand(io, VERIFY_USAGE, async () => {
    const options = parseOptions(args, OPTIONS);
    const agencyId = options.agency ?? io.env.XB_AGENCY_ID;
    const dataDir = dataDirOf(options, io.env);
    const keys = await loadSealKeys({
      publicKeyFiles: options['public-key'],
      keysDir: options.keys,
      dataDir,
      pinned: options.fingerprint,
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
      const owners = new Map(keys.map((k) => [k.fingerprint, k.agencies]));
      const publicKeys = keys.map((k) => k.key);
      const report = await verifyAuditTrail(opened.store, agencySealVerifier(publicKeys), {
        ...(agencyId ? { agencyId } : {}),
        signerAgencies: (fingerprint) => owners.get(fingerprint.toLowerCase()) ?? [],
        checkEvent: storedEnvelopeCheck(privateKey ? { privateKey, publicKeys } : undefined),
        contiguousPositions: opened.contiguousPositions,
        maxFailures,
        onProgress: progressPrinter(io.err, io.clock),
      });
      const outside = await checkAgainstOutside({
        store: opened.store,
        file: opened.file,
        agencyId: agencyId ?? report.agencyId ?? (await agencyNamedBySeals(opened.store)),
        dataDir,
        keysDir: options.keys,
        keys,
        privateKey,
        counterpartStores: options['counterpart-store'] ?? [],
      });
      const unconfirmedSigners = unconfirmed(report, keys, outside);
      const verdict = verdictOf({ report, findings: outside.findings, unconfirmedSigners });
      io.out(
        options.json
          ? verifyReportJson({ ...verdict, ...report, outside, unconfirmedSigners })
          : renderVerifyReport(report, opened.description, verdict, outside),
      );
      for (const note of outside.notes) io.err(note);
      if (!privateKey)
        io.err('note: outbound envelopes checked for presence and hash only; --private-key opens them');
      return verdict.exitCode;
    } catch (error) {
      if (!isDamagedStore(error)) throw error;
      io.out(unreadableReport(error, opened.file, options.json === true));
      return EXIT.integrityFailure;
    } finally {
      await opened.store.close();
    }
  });
}

/**
 * Signers of verified seals that nothing outside the audited data vouches for: a key is vouched for when the
 * auditor brought or pinned it, or when a counterpart, whose key the auditor brought, accepted envelopes it
 * signed (the counterpart checks our signatures against the keys it trusts for us).
 */
function unconfirmed(report: VerifyReport, keys: readonly SealKey[], outside: OutsideChecks): string[] {
  const vouched = new Set(keys.filter((k) => k.independent).map((k) => k.fingerprint));
  if (outside.receiptKeysIndependent)
    for (const signer of outside.anchors?.confirmedSigners ?? []) vouched.add(signer);
  return report.signers.filter((signer) => !vouched.has(signer));
}

/**
 * The agency the store's first seal names, for the outside checks when none was given and no seal verified:
 * a forged store still names the agency it pretends to be.
 */
async function agencyNamedBySeals(store: EventStore): Promise<string | undefined> {
  const [first] = await store.readStream(AUDIT_SEALS_STREAM, { maxCount: 1 }).catch(() => []);
  const seal = first ? parseSeal(first) : undefined;
  return typeof seal === 'object' ? seal.agencyId : undefined;
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
    return JSON.stringify({ ok: false, verdict: 'INTEGRITY FAILURE', failures: [failure] }, null, 2);
  }
  const at = position !== undefined ? ` at position ${position}` : '';
  return `result: INTEGRITY FAILURE\nSTORE_UNREADABLE${at}: ${message}`;
}
