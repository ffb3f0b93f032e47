import { sql } from 'kysely';
import { ReadModelDb } from './database';
import { utcTime } from './times';

/** A half-open interval of ISO 8601 times (any offset): from inclusive, to exclusive. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/**
 * The counts behind the periodic reports (steering committee statistics), from the read models. The
 * auditor's report recomputes them from the event store itself; both must agree.
 */
export async function reportCounts(db: ReadModelDb, period: Period) {
  const from = utcTime(period.from);
  const to = utcTime(period.to);
  const inPeriod = <T extends 'opened_at' | 'answered_at' | 'handed_over_at' | 'closed_at'>(column: T) =>
    sql<boolean>`${sql.ref(column)} >= ${from} and ${sql.ref(column)} < ${to}`;
  const count = (rows: { n: string | number | bigint }) => Number(rows.n);

  const verificationsSent = await db
    .selectFrom('verifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('direction', '=', 'outgoing')
    .where('status', '!=', 'drafted')
    .where(inPeriod('opened_at'))
    .executeTakeFirstOrThrow();
  const verificationsReceived = await db
    .selectFrom('verifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('direction', '=', 'incoming')
    .where(inPeriod('opened_at'))
    .executeTakeFirstOrThrow();
  const answered = await db
    .selectFrom('verifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('answered_at', 'is not', null)
    .where(inPeriod('answered_at'))
    .executeTakeFirstOrThrow();
  const answeredOnTime = await db
    .selectFrom('verifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('answered_at', 'is not', null)
    .where(inPeriod('answered_at'))
    .whereRef('answered_at', '<=', 'deadline')
    .executeTakeFirstOrThrow();
  const repatriated = await db
    .selectFrom('repatriations')
    .select([
      'border_gate',
      'counterpart',
      (eb) => eb.fn.countAll().as('victims'),
      (eb) => eb.fn.sum<string | number>('children_handed_over').as('children'),
    ])
    .where('handed_over_at', 'is not', null)
    .where(inPeriod('handed_over_at'))
    .groupBy(['border_gate', 'counterpart'])
    .execute();
  const suspects = await db
    .selectFrom('suspect_handovers')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('handed_over_at', 'is not', null)
    .where(inPeriod('handed_over_at'))
    .executeTakeFirstOrThrow();
  const jointClosed = await db
    .selectFrom('joint_operations')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('closed_at', 'is not', null)
    .where(inPeriod('closed_at'))
    .executeTakeFirstOrThrow();
  return {
    period,
    verifications: {
      sent: count(verificationsSent),
      received: count(verificationsReceived),
      answered: count(answered),
      answeredOnTime: count(answeredOnTime),
    },
    repatriations: repatriated
      .map((r) => ({
        borderGate: r.border_gate,
        counterpart: r.counterpart,
        victims: Number(r.victims),
        children: Number(r.children ?? 0),
      }))
      .sort(byGateThenCounterpart),
    suspectsHandedOver: count(suspects),
    jointOperationsClosed: count(jointClosed),
  };
}

/**
 * Sorted here rather than in SQL: text collation (and where NULL goes) differs between SQLite and
 * PostgreSQL databases, and the report must read the same on both.
 */
function byGateThenCounterpart(
  a: { borderGate: string | null; counterpart: string },
  b: { borderGate: string | null; counterpart: string },
): number {
  const gate =
    (a.borderGate ?? '') < (b.borderGate ?? '') ? -1 : (a.borderGate ?? '') > (b.borderGate ?? '') ? 1 : 0;
  return gate !== 0 ? gate : a.counterpart < b.counterpart ? -1 : a.counterpart > b.counterpart ? 1 : 0;
}
