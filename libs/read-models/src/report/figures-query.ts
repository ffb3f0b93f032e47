import { ReadModelDb } from '../database';
import { utcTime } from '../times';
import type { FactKind, ReportFact } from './facts';
import { CARRIED_OVER_FACTS, FigureRow, FigureWindow, sortFigures } from './figures';

/**
 * The report's figure rows from the read models (`report_facts`), summed by the database: the same rows
 * `tallyFacts` makes from the same facts replayed from the event store.
 */
export async function reportFigures(db: ReadModelDb, window: FigureWindow): Promise<FigureRow[]> {
  const from = utcTime(window.from);
  const to = utcTime(window.to);
  const grouped = (placed: FigureRow['window']) =>
    db
      .selectFrom('report_facts')
      .select(['fact', 'done_by', 'counterpart', 'border_gate', 'sex', 'age_group', 'detail'])
      .select((eb) => eb.fn.sum<string | number>('value').as('value'))
      .groupBy(['fact', 'done_by', 'counterpart', 'border_gate', 'sex', 'age_group', 'detail'])
      .$if(placed === 'during', (q) => q.where('at', '>=', from).where('at', '<', to))
      .$if(placed === 'before', (q) => q.where('at', '<', from).where('fact', 'in', [...CARRIED_OVER_FACTS]))
      .execute()
      .then((rows) =>
        rows.map((r): FigureRow => ({
          fact: r.fact as FactKind,
          window: placed,
          by: r.done_by as ReportFact['by'],
          counterpart: r.counterpart,
          borderGate: r.border_gate,
          sex: r.sex,
          ageGroup: r.age_group,
          detail: r.detail,
          value: Number(r.value),
        })),
      );
  const rows = [...(await grouped('during')), ...(await grouped('before'))];
  return sortFigures(rows.filter((r) => r.value !== 0));
}
