import fs from 'node:fs/promises';
import { EXIT, UsageError, type CommandIo, type ExitCode } from '../cli/io';
import { parseOptions, runCommand } from '../cli/run-command';
import { parsePeriod } from '../report/period';
import { REPORT_FORMATS, renderStatistics, type ReportFormat } from '../report/render';
import { computeStatistics, REPORT_STREAM_PREFIXES } from '../report/statistics';
import { eventsOf } from '@xb/event-store';
import { openStore, STORE_ARGS } from '../store/open-store';

export const REPORT_USAGE = `usage: auditor report --period 2026-Q3|2026-H1|2026 [--format md|csv|json] [--out FILE]
                      [--store FILE | --data-dir DIR | --esdb URL]`;

const OPTIONS = {
  ...STORE_ARGS,
  period: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

/** `report`: the period's statistics, replayed from the process streams (never from read models). */
export function reportCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  return runCommand(io, REPORT_USAGE, async () => {
    const options = parseOptions(args, OPTIONS);
    if (!options.period) throw new UsageError('--period is required');
    const period = parsePeriod(options.period);
    const format = (options.format ?? 'md') as ReportFormat;
    if (!REPORT_FORMATS.includes(format))
      throw new UsageError(`--format is one of ${REPORT_FORMATS.join(', ')}`);
    const opened = openStore(options, io.env);
    let text: string;
    try {
      const events = [];
      for await (const event of eventsOf(opened.store, REPORT_STREAM_PREFIXES)) events.push(event);
      text = renderStatistics(computeStatistics(events, period), format);
    } finally {
      await opened.store.close();
    }
    if (options.out) {
      await fs.writeFile(options.out, text);
      io.err(`report ${period.label} written to ${options.out}`);
    } else io.out(text);
    return EXIT.ok;
  });
}
