import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DatabaseFileError } from '@xb/event-store';
import { EXIT, UsageError, type CommandIo, type ExitCode } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `args` strictly (unknown options are usage errors) with node:util parseArgs. */
export function parseOptions<O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
      throw new UsageError((error as Error).message);
    throw error;
  }
}

/**
 * Runs one command body and turns its outcome into an exit code: a UsageError prints the message and the
 * command's usage (exit 2); any other exception is lost infrastructure or a bug and propagates.
 */
export async function runCommand(
  io: CommandIo,
  usage: string,
  body: () => Promise<ExitCode>,
): Promise<ExitCode> {
  try {
    return await body();
  } catch (error) {
    // A file that is no event store of ours is a configuration mistake, not a crash.
    if (error instanceof DatabaseFileError) {
      io.err(`auditor: ${error.message} (${error.code})`);
      return EXIT.usage;
    }
    if (!(error instanceof UsageError)) throw error;
    io.err(`auditor: ${error.message}\n${usage}`);
    return EXIT.usage;
  }
}
