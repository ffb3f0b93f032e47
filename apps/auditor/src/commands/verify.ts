import { verifyAuditTrail } from '@xb/audit';
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
      io.out(options.json ? verifyReportJson(report) : renderVerifyReport(report, opened.description));
      if (!privateKey)
        io.err('note: outbound envelopes checked for presence and hash only; --private-key opens them');
      return report.ok ? EXIT.ok : EXIT.integrityFailure;
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
