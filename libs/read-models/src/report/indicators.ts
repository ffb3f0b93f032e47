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

/**
 * The hotline's tips or the counterparts' notices to deal with in the period: those carried over (came in
 * before it, not yet classified / processed before it) and those that came in during it, against what
 * was classified and processed during it.
 */
export function noticeWorkload(rows: readonly FigureRow[], source: 'tip' | 'notice') {
  const count = (step: 'received' | 'classified' | 'processed', window: 'during' | 'before' = 'during') =>
    sumFigures(rows, { fact: `${source}.${step}`, window });
  const received = count('received');
  const toClassify = count('received', 'before') - count('classified', 'before') + received;
  const carriedOver = count('received', 'before') - count('processed', 'before');
  return {
    carriedOver,
    received,
    toClassify,
    toProcess: carriedOver + received,
    classified: count('classified'),
    processed: count('processed'),
    processedOnTime: sumFigures(rows, { fact: `${source}.processed`, detail: 'on_time' }),
  };
}

/** How much of the tips and notices were classified or processed, of what was due. */
function shareOfNotices(rows: readonly FigureRow[], step: 'classified' | 'processed') {
  const [tips, notices] = [noticeWorkload(rows, 'tip'), noticeWorkload(rows, 'notice')];
  return step === 'classified'
    ? { done: tips.classified + notices.classified, due: tips.toClassify + notices.toClassify }
    : { done: tips.processed + notices.processed, due: tips.toProcess + notices.toProcess };
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
  // People we identified as victims and victims we referred to support in the same period.
  identified_victims_supported: (rows) => ({
    done: sumFigures(rows, { fact: 'victim.supported', by: 'us' }),
    due: sumFigures(rows, { fact: 'victim.identified', by: 'us' }),
  }),
  // Our liaison action items done in the period, against their deadlines.
  action_items_done_on_time: (rows) => ({
    done: sumFigures(rows, { fact: 'liaison.action_item_done', by: 'us', detail: 'on_time' }),
    due: sumFigures(rows, { fact: 'liaison.action_item_done', by: 'us' }),
  }),
};

/** A share in percent to one decimal; null when nothing was due. */
export const percentOf = (done: number, due: number): number | null =>
  due === 0 ? null : Math.round((done / due) * 1000) / 10;

/** Every indicator's value over the figures, against the targets of `planYear`. */
export function indicatorResults(
  rows: readonly FigureRow[],
  targets: IndicatorTargets,
  planYear: number,
): IndicatorResult[] {
  const inForce = targetsFor(targets, planYear);
  return INDICATOR_IDS.map((id) => {
    const { done, due } = SHARES[id](rows);
    const percent = percentOf(done, due);
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
