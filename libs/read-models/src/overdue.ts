import { AWAITING } from './queries';
import { ReadModelDb } from './database';
import { utcTime } from './times';

/**
 * Cases past their deadline and still awaiting an answer, by process: what the `xb_deadlines_overdue`
 * metric shows and the operations alert watches. `now` is ISO 8601 at any offset.
 */
export async function overdueCounts(
  db: ReadModelDb,
  now: string,
): Promise<Record<keyof typeof AWAITING, number>> {
  const at = utcTime(now);
  const total = async (query: Promise<{ n: string | number }>) => Number((await query).n);
  return {
    verifications: await total(
      db
        .selectFrom('verifications')
        .where('status', 'in', [...AWAITING.verifications])
        .where('deadline', '<', at)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
    repatriations: await total(
      db
        .selectFrom('repatriations')
        .where('status', 'in', [...AWAITING.repatriations])
        .where('deadline', '<', at)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
    suspect_handovers: await total(
      db
        .selectFrom('suspect_handovers')
        .where('status', 'in', [...AWAITING.suspect_handovers])
        .where('deadline', '<', at)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
    notices: await total(
      db
        .selectFrom('notices')
        .where('status', 'in', [...AWAITING.notices])
        .where('processing_deadline', '<', at)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  };
}
