import fs from 'node:fs/promises';
import { ConfigError, loadConfig, reportSettings, type ReportConfig } from '@xb/config';
import { eventsOf } from '@xb/event-store';
import {
  CUTOFFS,
  LANGUAGES,
  makeReport,
  PeriodError,
  REPORT_FORMATS,
  ReportFontError,
  tallyFacts,
  type Cutoff,
  type Language,
  type ReportFormat,
  type ReportPeriod,
} from '@xb/read-models';
import { EXIT, UsageError, type CommandIo, type ExitCode } from '../cli/io';
import { parseOptions, runCommand } from '../cli/run-command';
import { replayFacts, REPORT_STREAM_PREFIXES, type ReportEvent } from '../report/replay-facts';
import { openStore, STORE_ARGS } from '../store/open-store';

export const REPORT_USAGE = `usage: auditor report --period 2026-Q3|2026-H1|2026|2026-03-01..2026-05-31
                      [--cutoff calendar|statutory] [--lang vi|en] [--format md|csv|json|pdf]
                      [--number 15/BC-BCH] [--out FILE] [--store FILE | --data-dir DIR | --esdb URL]`;

const OPTIONS = {
  ...STORE_ARGS,
  period: { type: 'string' },
  cutoff: { type: 'string' },
  lang: { type: 'string' },
  format: { type: 'string' },
  number: { type: 'string' },
  out: { type: 'string' },
} as const;

const oneOf = <T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T => {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name} is one of ${allowed.join(', ')}`);
  return value as T;
};

function settingsOf(env: NodeJS.ProcessEnv): ReportConfig {
  try {
    return loadConfig(reportSettings, env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** The facts of every process event in the store, in global order. */
async function storedFacts(options: Parameters<typeof openStore>[0], env: NodeJS.ProcessEnv) {
  const opened = openStore(options, env);
  const events: ReportEvent[] = [];
  try {
    for await (const event of eventsOf(opened.store, REPORT_STREAM_PREFIXES)) events.push(event);
  } finally {
    await opened.store.close();
  }
  return replayFacts(events);
}

/** `report`: the period's report, replayed from the process streams (never from read models). */
export function reportCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  return runCommand(io, REPORT_USAGE, async () => {
    const options = parseOptions(args, OPTIONS);
    if (!options.period) throw new UsageError('--period is required');
    const settings = settingsOf(io.env);
    const cutoff = oneOf<Cutoff>('cutoff', options.cutoff, CUTOFFS, settings.reportCutoff as Cutoff);
    const language = oneOf<Language>('lang', options.lang, LANGUAGES, 'vi');
    const format = oneOf<ReportFormat>('format', options.format, REPORT_FORMATS, 'md');
    if (format === 'pdf' && !options.out) throw new UsageError('--format pdf needs --out FILE');
    const now = new Date((io.clock ?? Date.now)());
    const request = {
      period: options.period,
      cutoff,
      language,
      format,
      ...(options.number ? { number: options.number } : {}),
    };
    // The store is read only once the request is known to be good.
    const replayed = async (period: ReportPeriod) => tallyFacts(await storedFacts(options, io.env), period);
    const { period, body } = await makeReport(request, settings, now, 'event_store', replayed).catch(
      (error: unknown) => {
        if (error instanceof PeriodError) throw new UsageError(`--${error.message}`);
        if (error instanceof ReportFontError) throw new UsageError(error.message);
        throw error;
      },
    );
    if (options.out) {
      await fs.writeFile(options.out, body);
      io.err(`report ${period.label} written to ${options.out}`);
    } else io.out(body.toString('utf8'));
    return EXIT.ok;
  });
}
