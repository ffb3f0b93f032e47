import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { appendAuditRecord, particularsViewed } from '@xb/audit';
import { deciderOf } from '@xb/domain';
import type { EventStore } from '@xb/event-store';
import { EXIT, UsageError, type CommandIo, type ExitCode } from '../cli/io';
import { parseOptions, runCommand } from '../cli/run-command';
import { parseInstant } from '../cli/values';
import { findCase, type CaseStream } from '../replay/case-stream';
import { foldUpTo } from '../replay/fold';
import { maskParticulars, WITHHELD } from '../replay/mask';
import { caseOfErasure, erasuresIn, foldOpened } from '../replay/erasures';
import { renderReplay, replayView } from '../replay/render';
import { dataDirOf, openStore, STORE_ARGS } from '../store/open-store';

export const REPLAY_USAGE = `usage: auditor replay --case <category>-<id> | --case <id> [--at ISO]
                      [--show-particulars --viewer ID] [--json] [--store FILE | --data-dir DIR | --esdb URL]`;

const OPTIONS = {
  ...STORE_ARGS,
  case: { type: 'string' },
  at: { type: 'string' },
  'show-particulars': { type: 'boolean' },
  viewer: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/**
 * `replay`: a case's state and timeline as they were at `--at` (default: now), folded with its process's
 * evolve. Personal particulars are withheld unless `--show-particulars`, which records the view in the
 * audit trail (AuditParticularsViewed, with the viewer and the field names shown).
 */
export function replayCommand(args: readonly string[], io: CommandIo): Promise<ExitCode> {
  return runCommand(io, REPLAY_USAGE, async () => {
    const options = parseOptions(args, OPTIONS);
    if (!options.case) throw new UsageError('--case is required');
    const at = options.at ? parseInstant(options.at, '--at') : undefined;
    const show = options['show-particulars'] === true;
    if (show && !options.viewer)
      throw new UsageError('--show-particulars needs --viewer ID: the view is recorded');
    const opened = openStore(options, io.env);
    try {
      const found = await findCase(opened.store, options.case);
      const erasures = await erasuresIn(opened.store);
      const erasedKeys = new Set(erasures.flatMap((e) => e.keyIds));
      const sealed = foldUpTo(deciderOf(found.category), found.events, at);
      const masked = maskParticulars(sealed.state, WITHHELD, erasedKeys);
      if (show && masked.paths.length > 0)
        await recordView(opened.store, found, masked.paths, options.viewer as string, io);
      // Shown particulars are opened with the node's keys (its data dir); erased ones stay erased.
      const folded = show ? await foldOpened(found, at, dataDirOf(options, io.env)) : sealed;
      const view = replayView(found, at, folded, {
        state: show ? folded.state : masked.value,
        withheld: show ? [] : masked.paths,
        particularsShown: show && masked.paths.length > 0,
        erased: masked.erased,
        erasures: erasures.filter((e) => caseOfErasure(e, found.streamId, found.events)),
      });
      io.out(options.json ? JSON.stringify(view, null, 2) : renderReplay(view));
      return EXIT.ok;
    } finally {
      await opened.store.close();
    }
  });
}

/** Showing particulars is itself auditable: the view goes into the trail before anything is printed. */
async function recordView(
  store: EventStore,
  found: CaseStream,
  fields: readonly string[],
  viewer: string,
  io: CommandIo,
): Promise<void> {
  const viewedAt = new Date((io.clock ?? Date.now)()).toISOString();
  await appendAuditRecord(
    store,
    particularsViewed({
      viewer,
      caseId: found.streamId,
      fields,
      requestId: randomUUID(),
      sourceAddress: `auditor-cli:${os.hostname()}`,
      viewedAt,
    }),
  );
}
