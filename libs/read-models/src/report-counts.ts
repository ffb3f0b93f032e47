import { sql } from 'kysely';
import { ReadModelDb } from './database';

/** A half-open interval of ISO times: from inclusive, to exclusive. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

/**
 * The counts behind the periodic reports (steering committee statistics), from the read models. The
 * auditor's report recomputes them from the event store itself; both must agree.
 */
export async function reportCounts(db: ReadModelDb, period: Period) {
  const inPeriod = <T extends 'opened_at' | 'answered_at' | 'handed_over_at' | 'closed_at'>(column: T) =>
    sql<boolean>`${sql.ref(column)} >= ${period.from} and ${sql.ref(column)} < ${period.to}`;
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
      (eb) => eb.fn.sum<string | number>('children').as('children'),
    ])
    .where('handed_over_at', 'is not', null)
    .where(inPeriod('handed_over_at'))
    .groupBy(['border_gate', 'counterpart'])
    .orderBy('border_gate')
    .orderBy('counterpart')
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
    repatriations: repatriated.map((r) => ({
      borderGate: r.border_gate,
      counterpart: r.counterpart,
      victims: Number(r.victims),
      children: Number(r.children ?? 0),
    })),
    suspectsHandedOver: count(suspects),
    jointOperationsClosed: count(jointClosed),
  };
}
