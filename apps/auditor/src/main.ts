/**
 * `npm run auditor -- <command>`: the auditors' tool. It reads a node's event store (never its read
 * models) and checks, replays and reports on it. Exit codes: 0 ok / intact, 1 integrity failure,
 * 2 bad usage or configuration. See docs/auditor.md.
 */
import { EXIT, type CommandIo, type ExitCode } from './cli/io';
import { HISTORY_USAGE, historyCommand } from './commands/history';
import { CASE_USAGE, caseCommand, MINUTES_USAGE, minutesCommand } from './commands/minutes';
import { REPLAY_USAGE, replayCommand } from './commands/replay';
import { REPORT_USAGE, reportCommand } from './commands/report';
import { VERIFY_USAGE, verifyCommand } from './commands/verify';
import { PLAIN_USAGE, plainParticularsCommand } from './commands/plain-particulars';

const COMMANDS: Record<string, (args: readonly string[], io: CommandIo) => Promise<ExitCode>> = {
  verify: verifyCommand,
  replay: replayCommand,
  history: historyCommand,
  report: reportCommand,
  case: caseCommand,
  minutes: minutesCommand,
  'plain-particulars': plainParticularsCommand,
};

export const USAGE = [
  'usage: npm run auditor -- <command> [options]   (docs/auditor.md)',
  VERIFY_USAGE,
  REPLAY_USAGE,
  HISTORY_USAGE,
  REPORT_USAGE,
  CASE_USAGE,
  MINUTES_USAGE,
  PLAIN_USAGE,
].join('\n');

/** Runs the auditor with `argv` (without node and script); returns the exit code. */
export async function runAuditor(argv: readonly string[], io: CommandIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help') {
    (name === undefined ? io.err : io.out)(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`auditor: unknown command "${name}"\n${USAGE}`);
    return EXIT.usage;
  }
  return command(args, io);
}

if (require.main === module) {
  const io: CommandIo = {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
  };
  runAuditor(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`auditor: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
