import { EXIT, UsageError, type CommandIo, type ExitCode } from '../cli/io';
import { parseOptions, runCommand } from '../cli/run-command';
import { parseInstant } from '../cli/values';
import { exchangeLog, HISTORY_STREAM_PREFIXES } from '../history/exchange-log';
import { renderHistory } from '../history/render';
import { eventsOf } from '@xb/event-store';
import { openStore, STORE_ARGS } from '../store/open-store';

export const HISTORY_USAGE = `usage: auditor history --counterpart AGENCY [--from ISO] [--to ISO] [--json]
                      [--store FILE | --data-dir DIR | --esdb URL]`;

const OPTIONS = {
  ...STORE_ARGS,
  counterpart: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** `history`: every message sent to, received from and refused from one counterpart, in time order. */
export function historyCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  return runCommand(io, HISTORY_USAGE, async () => {
    const options = parseOptions(args, OPTIONS);
    if (!options.counterpart) throw new UsageError('--counterpart is required');
    const window = {
      counterpart: options.counterpart,
      ...(options.from ? { from: parseInstant(options.from, '--from') } : {}),
      ...(options.to ? { to: parseInstant(options.to, '--to') } : {}),
    };
    const opened = openStore(options, io.env);
    try {
      const events = [];
      for await (const event of eventsOf(opened.store, HISTORY_STREAM_PREFIXES)) events.push(event);
      const entries = exchangeLog(events, window);
      io.out(options.json ? JSON.stringify({ ...window, entries }, null, 2) : renderHistory(entries, window));
      return EXIT.ok;
    } finally {
      await opened.store.close();
    }
  });
}
