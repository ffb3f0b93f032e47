import { AWAITING } from './queries';
import { ReadModelDb } from './database';
import { utcTime } from './times';

/** The column holding each awaiting process's deadline. */
const DEADLINE_COLUMN = {
  verifications: 'deadline',
  repatriations: 'deadline',
  suspect_handovers: 'deadline',
  notices: 'processing_deadline',
  locate_rescues: 'deadline',
  wanted_persons: 'deadline',
} as const;

type Process = keyof typeof AWAITING;

/**
 * Cases past their deadline and still awaiting an answer, by process: what the `xb_deadlines_overdue`
 * metric shows and the operations alert watches. `now` is ISO 8601 at any offset.
 */
export async function overdueCounts(db: ReadModelDb, now: string): Promise<Record<Process, number>> {
  const at = utcTime(now);
  const counts = {} as Record<Process, number>;
  for (const process of Object.keys(AWAITING) as Process[]) {
    // One shape for four tables: Kysely cannot type a table chosen at run time, so the names are
    // checked here against AWAITING and DEADLINE_COLUMN instead.
    const table = db.selectFrom(process as 'verifications');
    const { n } = await table
      .where('status', 'in', [...AWAITING[process]] as string[])
      .where(DEADLINE_COLUMN[process] as 'deadline', '<', at)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[process] = Number(n);
  }
  return counts;
}
