import { eventsOf } from '@xb/event-store';
import { EXIT, type CommandIo, type ExitCode } from '../cli/io';
import { parseOptions, runCommand } from '../cli/run-command';
import { plainParticularsReport, renderPlainParticulars } from '../plain/plain-particulars';
import { openStore, STORE_ARGS } from '../store/open-store';

export const PLAIN_USAGE = `usage: auditor plain-particulars [--json] [--store FILE | --data-dir DIR | --esdb URL]`;

const OPTIONS = { ...STORE_ARGS, json: { type: 'boolean' } } as const;

/** `plain-particulars`: the events written before sealing, which still hold particulars in plain text. */
export function plainParticularsCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  return runCommand(io, PLAIN_USAGE, async () => {
    const options = parseOptions(args, OPTIONS);
    const opened = openStore(options, io.env);
    try {
      const report = await plainParticularsReport(eventsOf(opened.store));
      io.out(options.json ? JSON.stringify(report, null, 2) : renderPlainParticulars(report));
      return EXIT.ok;
    } finally {
      await opened.store.close();
    }
  });
}
