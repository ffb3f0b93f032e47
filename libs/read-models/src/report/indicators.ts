import { IndicatorId, IndicatorTarget, IndicatorTargets, INDICATOR_IDS, targetsFor } from '@xb/config';
import { FigureRow, sumFigures } from './figures';

/** One indicator of the plan: its target for the plan year, its value (percent) and whether it is met. */
export interface IndicatorResult {
  readonly id: IndicatorId;
  readonly target: IndicatorTarget | null;
  /** Numerator and denominator, so a reader can check the share; value null when nothing was due. */
  readonly done: number;
  readonly due: number;
  readonly percent: number | null;
  /** null when there is no target or nothing was due. */
  readonly met: boolean | null;
}

/** How much of the hotline tips and counterparts' notices were `step` (classified, processed). */
function shareOfNotices(rows: readonly FigureRow[], step: 'classified' | 'processed') {
  let done = 0;
  let due = 0;
  for (const source of ['tip', 'notice'] as const) {
    const received = `${source}.received` as const;
    const dealt = `${source}.${step}` as const;
    // What came in before the period and was not yet dealt with is carried over into it.
    const carried =
      sumFigures(rows, { fact: received, window: 'before' }) -
      sumFigures(rows, { fact: dealt, window: 'before' });
    due += carried + sumFigures(rows, { fact: received });
    done += sumFigures(rows, { fact: dealt });
  }
  return { done, due };
}

const SHARES: Record<IndicatorId, (rows: readonly FigureRow[]) => { done: number; due: number }> = {
  tips_classified: (rows) => shareOfNotices(rows, 'classified'),
  tips_processed: (rows) => shareOfNotices(rows, 'processed'),
  verification_answers_on_time: (rows) => ({
    done: sumFigures(rows, { fact: 'verification.answer', by: 'us', detail: 'on_time' }),
    due: sumFigures(rows, { fact: 'verification.answer', by: 'us' }),
  }),
  // Victims we received and victims we referred to support in the same period.
  victims_supported: (rows) => ({
    done: sumFigures(rows, { fact: 'victim.supported', by: 'us' }),
    due: sumFigures(rows, { fact: 'victim.handover', by: 'counterpart' }),
  }),
};

/** Every indicator's value over the figures, against the targets of `planYear`. */
export function indicatorResults(
  rows: readonly FigureRow[],
  targets: IndicatorTargets,
  planYear: number,
): IndicatorResult[] {
  const inForce = targetsFor(targets, planYear);
  return INDICATOR_IDS.map((id) => {
    const { done, due } = SHARES[id](rows);
    const percent = due === 0 ? null : Math.round((done / due) * 1000) / 10;
    const target = inForce[id] ?? null;
    // On the exact share, not the rounded one: 89.96% is not above 90%.
    const met =
      target === null || due === 0
        ? null
        : target.op === '>='
          ? done * 100 >= target.percent * due
          : done * 100 > target.percent * due;
    return { id, target, done, due, percent, met };
  });
}
