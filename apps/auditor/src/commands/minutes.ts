import fs from 'node:fs/promises';
import type { HandlingCode } from '@xb/domain';
import { EXIT, UsageError, type CommandIo, type ExitCode } from '../cli/io';
import { parseOptions, runCommand } from '../cli/run-command';
import { loadSealKeys } from '../keys/load-keys';
import { caseFileOf, eventsOfCaseFile } from '../minutes/case-file';
import { verifyCaseMinutes } from '../minutes/verify-minutes';
import { findCase } from '../replay/case-stream';
import { openStore, STORE_ARGS } from '../store/open-store';

export const CASE_USAGE = `usage: auditor case export --case <category>-<id> | --case <id> [--out FILE]
                      [--store FILE | --data-dir DIR | --esdb URL]`;
export const MINUTES_USAGE = `usage: auditor minutes verify --case FILE (an exported case)
                      [--keys DIR] [--public-key FILE ...] [--json]`;

const EXPORT_OPTIONS = { ...STORE_ARGS, case: { type: 'string' }, out: { type: 'string' } } as const;
const VERIFY_OPTIONS = {
  case: { type: 'string' },
  keys: { type: 'string' },
  'public-key': { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

/** What `case export` says of a case a counterpart restricted (words only: conditions may be long). */
export const restrictionNotice = (code: HandlingCode): string =>
  `handling: a counterpart restricted this case to ${code.dissemination.replace(/_/g, ' ')} ` +
  `(${code.evidentialUse.replace(/_/g, ' ')}${code.conditions ? ', with conditions: see the file' : ''}); ` +
  "pass the file to no other agency without the originator's grant";

/** `case export`: one case's stored events, as a file an auditor can take elsewhere (docs/auditor.md). */
export function caseCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  return runCommand(io, CASE_USAGE, async () => {
    const [sub, ...rest] = args;
    if (sub !== 'export') throw new UsageError(`unknown case command "${sub ?? ''}"`);
    const options = parseOptions(rest, EXPORT_OPTIONS);
    if (!options.case) throw new UsageError('--case is required');
    const opened = openStore(options, io.env);
    try {
      const found = await findCase(opened.store, options.case);
      const exportedAt = new Date((io.clock ?? Date.now)()).toISOString();
      const file = caseFileOf(found, exportedAt);
      const text = JSON.stringify(file, null, 2);
      // Whoever receives the file is bound by the originator's code: said where the auditor reads it.
      const restriction = file.handling?.received;
      if (restriction && restriction.dissemination !== 'law_enforcement')
        io.err(restrictionNotice(restriction));
      if (options.out) {
        await fs.writeFile(options.out, `${text}\n`);
        io.err(`exported ${found.streamId} (${found.events.length} events) to ${options.out}`);
      } else io.out(text);
      return EXIT.ok;
    } finally {
      await opened.store.close();
    }
  });
}

/**
 * `minutes verify`: both sides' signatures over the hand-over minutes of an exported case, offline.
 * Exit 0 co-signed and valid, 1 a signature missing, invalid, by the wrong agency's key or over other
 * minutes, 2 bad usage.
 */
export function minutesCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  return runCommand(io, MINUTES_USAGE, async () => {
    const [sub, ...rest] = args;
    if (sub !== 'verify') throw new UsageError(`unknown minutes command "${sub ?? ''}"`);
    const options = parseOptions(rest, VERIFY_OPTIONS);
    if (!options.case) throw new UsageError('--case FILE is required');
    if (!options.keys && !options['public-key']?.length)
      throw new UsageError('give the signers\u2019 keys: --keys DIR or --public-key FILE');
    let parsed: unknown;
    try {
      parsed = JSON.parse(await fs.readFile(options.case, 'utf8'));
    } catch {
      throw new UsageError(`${options.case}: not a readable case file`);
    }
    const events = eventsOfCaseFile(parsed);
    if (!events) throw new UsageError(`${options.case}: not an exported case (auditor case export)`);
    const keys = [
      ...(options.keys
        ? await loadSealKeys({ keysDir: options.keys, dataDir: options.keys, agencyId: undefined })
        : []),
      ...(options['public-key']?.length
        ? await loadSealKeys({ publicKeyFiles: options['public-key'], dataDir: '', agencyId: undefined })
        : []),
    ];
    const report = await verifyCaseMinutes(events, keys);
    if (options.json) io.out(JSON.stringify(report, null, 2));
    else {
      for (const check of report.checks)
        io.out(
          `${check.outcome.padEnd(26)} ${check.agency} (${check.event})${check.signerFingerprint ? ` key ${check.signerFingerprint}` : ''}`,
        );
      io.out(
        report.coSigned
          ? `CO-SIGNED minutes ${report.minutesId}`
          : `NOT CO-SIGNED: ${report.problems.join('; ')}`,
      );
    }
    return report.coSigned ? EXIT.ok : EXIT.integrityFailure;
  });
}
