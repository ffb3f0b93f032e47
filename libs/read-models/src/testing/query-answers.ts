import { ReadModelDb } from '../database';
import { jointOperations, repatriationBoard, verificationQueue } from '../queries';
import { reportFigures } from '../report/figures-query';
import { COUNTERPART, MARCH_2026, SCENARIO_NOW } from './scenario';

const now = SCENARIO_NOW;
/** Case ids of a board page, in order. */
const ids = async (query: Promise<{ total: number; items: readonly { case_id: string }[] }>) => {
  const page = await query;
  return { total: page.total, ids: page.items.map((item) => item.case_id) };
};

/** What every query answers on the scenario: one object, so two dialects can be compared whole. */
export async function queryAnswers(db: ReadModelDb) {
  return {
    board: await repatriationBoard(db, { now }),
    boardByStatus: await ids(repatriationBoard(db, { now, status: 'requested' })),
    boardByGate: await ids(repatriationBoard(db, { now, borderGate: 'Ma Lù Thàng - Jinshuihe' })),
    boardByProvince: await ids(repatriationBoard(db, { now, province: 'Lai Châu' })),
    boardByCounterpart: await ids(repatriationBoard(db, { now, counterpart: COUNTERPART })),
    boardByOtherCounterpart: await ids(repatriationBoard(db, { now, counterpart: 'LA.MOS' })),
    boardInMarch: await ids(repatriationBoard(db, { now, from: '2026-03-01', to: '2026-03-31' })),
    boardFromFebruary: await ids(repatriationBoard(db, { now, from: '2026-02-01' })),
    boardOverdue: await ids(repatriationBoard(db, { now, overdue: true })),
    boardOddPaging: await ids(repatriationBoard(db, { now, pageSize: 2.7, page: Number.NaN })),
    boardPages: [
      await ids(repatriationBoard(db, { now, pageSize: 2, page: 1 })),
      await ids(repatriationBoard(db, { now, pageSize: 2, page: 2 })),
      await ids(repatriationBoard(db, { now, pageSize: 2, page: 3 })),
      await ids(repatriationBoard(db, { now, pageSize: 2, page: 4 })),
    ],
    queue: (await verificationQueue(db, { now })).items,
    incomingQueue: (await verificationQueue(db, { now, direction: 'incoming' })).items.map(
      (row) => row.case_id,
    ),
    queuePages: [
      await ids(verificationQueue(db, { now, pageSize: 3, page: 1 })),
      await ids(verificationQueue(db, { now, pageSize: 3, page: 3 })),
    ],
    jointOperations: (await jointOperations(db)).items,
    jointOperationPages: [
      (await jointOperations(db, { pageSize: 1, page: 2 })).items.map((op) => op.operation_id),
      (await jointOperations(db, { pageSize: 1, page: 2 })).total,
    ],
    march: await reportFigures(db, MARCH_2026),
    february: await reportFigures(db, { from: '2026-02-01T07:00:00+07:00', to: '2026-03-01T07:00:00+07:00' }),
  };
}
