import type { FactKind, ReportFact } from './facts';

/**
 * A figure row: the sum of the facts of one kind with the same direction, counterpart, border gate, sex,
 * age group and detail, either during the period or before it (for what was carried over into it).
 */
export interface FigureRow {
  readonly fact: FactKind;
  readonly window: 'during' | 'before';
  readonly by: ReportFact['by'];
  readonly counterpart: string;
  readonly borderGate: string;
  readonly sex: string;
  readonly ageGroup: string;
  readonly detail: string;
  readonly value: number;
}

/** The facts also tallied before the period: what came in earlier and what was dealt with earlier. */
export const CARRIED_OVER_FACTS: readonly FactKind[] = [
  'notice.received',
  'notice.classified',
  'notice.processed',
  'tip.received',
  'tip.classified',
  'tip.processed',
];

/** The half-open window of UTC instants a report counts. */
export interface FigureWindow {
  readonly from: string;
  readonly to: string;
}

const KEY_FIELDS = [
  'fact',
  'window',
  'by',
  'counterpart',
  'borderGate',
  'sex',
  'ageGroup',
  'detail',
] as const;
const keyOf = (row: Omit<FigureRow, 'value'>) => KEY_FIELDS.map((k) => row[k]).join('\u0000');

/**
 * One order for every source (SQLite, PostgreSQL, replay): by code unit, not collation, which differs
 * between the databases.
 */
export function sortFigures(rows: Iterable<FigureRow>): FigureRow[] {
  return [...rows].sort((a, b) => {
    const [x, y] = [keyOf(a), keyOf(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Tallies facts (in any order) into the figure rows of a window; rows summing to nothing are left out. */
export function tallyFacts(facts: Iterable<ReportFact>, window: FigureWindow): FigureRow[] {
  const [from, to] = [Date.parse(window.from), Date.parse(window.to)];
  const rows = new Map<string, FigureRow>();
  for (const f of facts) {
    const t = Date.parse(f.at);
    const placed =
      t >= from && t < to ? 'during' : t < from && CARRIED_OVER_FACTS.includes(f.fact) ? 'before' : undefined;
    if (!placed) continue;
    const { at: _at, value, ...dims } = f;
    const key = keyOf({ ...dims, window: placed });
    const row = rows.get(key) ?? { ...dims, window: placed, value: 0 };
    rows.set(key, { ...row, value: row.value + value });
  }
  return sortFigures([...rows.values()].filter((r) => r.value !== 0));
}

/** A filter over figure rows: all dimensions optional. */
export type FigureFilter = Partial<Omit<FigureRow, 'value'>>;

/** Sum of the rows matching `filter` (window `during` unless said). */
export function sumFigures(rows: readonly FigureRow[], filter: FigureFilter): number {
  const wanted = { window: 'during', ...filter } as Record<string, unknown>;
  return rows
    .filter((r) =>
      Object.entries(wanted).every(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v),
    )
    .reduce((n, r) => n + r.value, 0);
}

/** The distinct values of one dimension among matching rows, sorted. */
export function valuesOf<K extends keyof FigureRow>(
  rows: readonly FigureRow[],
  filter: FigureFilter,
  key: K,
): FigureRow[K][] {
  const matching = rows.filter((r) =>
    Object.entries({ window: 'during', ...filter }).every(
      ([k, v]) => (r as unknown as Record<string, unknown>)[k] === v,
    ),
  );
  return [...new Set(matching.map((r) => r[key]))].sort();
}
