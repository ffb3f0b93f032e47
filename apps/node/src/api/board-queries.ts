/**
 * The boards' reads as @nestjs/cqrs queries (`queryBus.execute(new RepatriationBoardQuery(filter))`):
 * each runs one read of libs/read-models against the node's read-model database.
 */
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  jointOperations,
  Period,
  RepatriationBoardFilter,
  repatriationBoard,
  reportCounts,
  verificationQueue,
} from '@xb/read-models';
import { ReadModels } from '../runtime/read-models';

type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
type VerificationQueueFilter = Parameters<typeof verificationQueue>[1];

export class RepatriationBoardQuery extends Query<Result<typeof repatriationBoard>> {
  constructor(readonly filter: RepatriationBoardFilter) {
    super();
  }
}

export class VerificationQueueQuery extends Query<Result<typeof verificationQueue>> {
  constructor(readonly filter: VerificationQueueFilter) {
    super();
  }
}

export class JointOperationsQuery extends Query<Result<typeof jointOperations>> {}

export class ReportCountsQuery extends Query<Result<typeof reportCounts>> {
  constructor(readonly period: Period) {
    super();
  }
}

@QueryHandler(RepatriationBoardQuery)
export class RepatriationBoardHandler implements IQueryHandler<RepatriationBoardQuery> {
  constructor(private readonly readModels: ReadModels) {}
  async execute(query: RepatriationBoardQuery) {
    return repatriationBoard(await this.readModels.db(), query.filter);
  }
}

@QueryHandler(VerificationQueueQuery)
export class VerificationQueueHandler implements IQueryHandler<VerificationQueueQuery> {
  constructor(private readonly readModels: ReadModels) {}
  async execute(query: VerificationQueueQuery) {
    return verificationQueue(await this.readModels.db(), query.filter);
  }
}

@QueryHandler(JointOperationsQuery)
export class JointOperationsHandler implements IQueryHandler<JointOperationsQuery> {
  constructor(private readonly readModels: ReadModels) {}
  async execute() {
    return jointOperations(await this.readModels.db());
  }
}

@QueryHandler(ReportCountsQuery)
export class ReportCountsHandler implements IQueryHandler<ReportCountsQuery> {
  constructor(private readonly readModels: ReadModels) {}
  async execute(query: ReportCountsQuery) {
    return reportCounts(await this.readModels.db(), query.period);
  }
}

export const BOARD_QUERY_HANDLERS = [
  RepatriationBoardHandler,
  VerificationQueueHandler,
  JointOperationsHandler,
  ReportCountsHandler,
];
