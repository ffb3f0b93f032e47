import { ReadModelDb } from '../database';
import { queryAnswers } from './query-answers';
import { FigureFilter, sumFigures } from '../report/figures';
import { CASES, COUNTERPART } from './scenario';

const C = CASES;

/** The answers the scenario implies, worked out by hand from its history (see scenario-*.ts). */
export async function expectScenarioAnswers(db: ReadModelDb): Promise<void> {
  const answers = await queryAnswers(db);
  const newestFirst = [
    C.repatriationScheduled,
    C.repatriationRefused,
    C.repatriationOverdue,
    C.repatriationWithChild,
    C.repatriationFebruary,
  ];
  expect(answers.board.items.map((row) => row.case_id)).toEqual(newestFirst);
  expect(answers.board.items.map((row) => row.deadlineStatus)).toEqual([
    'met',
    'met',
    'overdue',
    'met',
    'met',
  ]);
  expect(answers.board.items[3]).toEqual({
    case_id: C.repatriationWithChild,
    direction: 'incoming',
    status: 'referred',
    counterpart: COUNTERPART,
    border_gate: 'Ma Lù Thàng - Jinshuihe',
    province: 'Lai Chau',
    handover_date: '2026-03-12',
    deadline: '2026-03-09T00:00:00.000Z',
    children: 1,
    children_handed_over: 1,
    opened_at: '2026-03-02T04:00:00.000Z',
    handed_over_at: '2026-03-12T02:30:00.000Z',
    updated_at: '2026-03-13T02:00:00.000Z',
    deadlineStatus: 'met',
  });
  expect(answers.boardByStatus).toEqual({ total: 1, ids: [C.repatriationOverdue] });
  expect(answers.boardByGate).toEqual({ total: 1, ids: [C.repatriationWithChild] });
  expect(answers.boardByProvince).toEqual({ total: 1, ids: [C.repatriationWithChild] });
  expect(answers.boardByCounterpart).toEqual({ total: 5, ids: newestFirst });
  expect(answers.boardByOtherCounterpart).toEqual({ total: 0, ids: [] });
  expect(answers.boardInMarch).toEqual({ total: 1, ids: [C.repatriationWithChild] });
  expect(answers.boardFromFebruary).toEqual({
    total: 3,
    ids: [C.repatriationScheduled, C.repatriationWithChild, C.repatriationFebruary],
  });
  expect(answers.boardOverdue).toEqual({ total: 1, ids: [C.repatriationOverdue] });
  expect(answers.boardOddPaging).toEqual({ total: 5, ids: newestFirst.slice(0, 2) });
  expect(answers.boardPages).toEqual([
    { total: 5, ids: newestFirst.slice(0, 2) },
    { total: 5, ids: newestFirst.slice(2, 4) },
    { total: 5, ids: newestFirst.slice(4) },
    { total: 5, ids: [] },
  ]);

  expect(answers.queue.map((row) => [row.case_id, row.deadline, row.deadlineStatus])).toEqual([
    [C.verificationLate, '2026-03-06T00:00:00.000Z', 'met'],
    [C.verificationTwoRounds, '2026-03-08T00:00:00.000Z', 'met'],
    [C.verificationOnTime, '2026-03-09T00:00:00.000Z', 'met'],
    [C.verificationAnsweredByUs, '2026-03-11T00:00:00.000Z', 'met'],
    [C.verificationOverdue, '2026-03-15T00:00:00.000Z', 'overdue'],
    [C.verificationIncomingOverdue, '2026-03-18T00:00:00.000Z', 'overdue'],
    [C.verificationDueSoon, '2026-03-21T00:00:00.000Z', 'due_soon'],
  ]);
  expect(answers.incomingQueue).toEqual([
    C.verificationAnsweredByUs,
    C.verificationIncomingOverdue,
    C.verificationDueSoon,
  ]);
  expect(answers.queuePages).toEqual([
    { total: 7, ids: [C.verificationLate, C.verificationTwoRounds, C.verificationOnTime] },
    { total: 7, ids: [C.verificationDueSoon] },
  ]);
  const twoRounds = answers.queue.find((row) => row.case_id === C.verificationTwoRounds);
  expect([twoRounds?.round, twoRounds?.answered_at]).toEqual([2, '2026-03-09T02:00:00.000Z']);

  expect(
    answers.jointOperations.map((op) => [op.operation_id, op.status, op.closed_at, op.linkedCases]),
  ).toEqual([
    [C.jointOperationProposed, 'proposed', null, []],
    [
      C.jointOperationClosed,
      'closed',
      '2026-03-16T04:00:00.000Z',
      [
        { caseId: C.repatriationWithChild, process: 'repatriation' },
        { caseId: C.suspectHandedOver, process: 'handover' },
      ],
    ],
  ]);
  expect(answers.jointOperationPages).toEqual([[C.jointOperationClosed], 2]);

  // The report's figures keep directions apart: what we did and what the counterpart did.
  const march = (filter: FigureFilter) => sumFigures(answers.march, filter);
  expect(march({ fact: 'verification.request', by: 'us' })).toBe(3);
  expect(march({ fact: 'verification.request', by: 'counterpart' })).toBe(3);
  expect(march({ fact: 'verification.answer', by: 'counterpart' })).toBe(3);
  expect(march({ fact: 'verification.answer', by: 'counterpart', detail: 'on_time' })).toBe(1);
  expect(march({ fact: 'verification.answer', by: 'us' })).toBe(1);
  expect(march({ fact: 'verification.answer', by: 'us', detail: 'on_time' })).toBe(1);
  expect(answers.march.filter((r) => r.fact === 'victim.handover' || r.fact === 'child.handover')).toEqual([
    expect.objectContaining({
      fact: 'child.handover',
      by: 'counterpart',
      borderGate: 'Ma Lù Thàng - Jinshuihe',
      value: 1,
    }),
    expect.objectContaining({
      fact: 'victim.handover',
      by: 'counterpart',
      borderGate: 'Ma Lù Thàng - Jinshuihe',
      value: 1,
    }),
  ]);
  expect(march({ fact: 'victim.reception', by: 'us' })).toBe(1);
  expect(march({ fact: 'victim.reception', by: 'counterpart' })).toBe(0);
  expect(march({ fact: 'suspect.handover', by: 'counterpart' })).toBe(1);
  expect(march({ fact: 'suspect.handover', by: 'us' })).toBe(0);
  expect(march({ fact: 'jointop.closed' })).toBe(1);
  const february = (filter: FigureFilter) => sumFigures(answers.february, filter);
  expect(february({ fact: 'verification.request', by: 'us' })).toBe(1);
  // The first round's "more information needed", answered within that round's deadline.
  expect(february({ fact: 'verification.answer', by: 'counterpart', detail: 'on_time' })).toBe(1);
  expect(february({ fact: 'verification.answer', by: 'us' })).toBe(0);
  expect(answers.february.filter((r) => r.fact === 'victim.handover')).toEqual([
    expect.objectContaining({
      by: 'counterpart',
      counterpart: COUNTERPART,
      borderGate: 'Tây Trang - Pang Hoc',
      value: 1,
    }),
  ]);
  expect(february({ fact: 'child.handover' })).toBe(0);
  expect(february({ fact: 'suspect.handover' })).toBe(0);
  expect(february({ fact: 'jointop.closed' })).toBe(0);
}
