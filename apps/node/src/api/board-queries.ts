/**
 * The boards' reads as @nestjs/cqrs queries (`queryBus.execute(new RepatriationBoardQuery(filter))`):
 * each runs one read of libs/read-models against the node's read-model database.
 */
import { Inject, StreamableFile } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { NODE_CONFIG, NodeConfig } from '@xb/config';
import {
  NoticeListFilter,
  noticeList,
  jointOperations,
  liaisonMeetings,
  missions,
  RepatriationBoardFilter,
  repatriationBoard,
  verificationQueue,
  VerificationQueueFilter,
} from '@xb/read-models';
import { NODE_CLOCK, NodeClock } from '../runtime/node-clock';
import { ReadModels } from '../runtime/read-models';
import { periodicReport } from './report-request';

type Result<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

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

export class JointOperationsQuery extends Query<Result<typeof jointOperations>> {
  constructor(readonly paging: { readonly page?: number; readonly pageSize?: number }) {
    super();
  }
}

export class NoticeListQuery extends Query<Result<typeof noticeList>> {
  constructor(readonly filter: NoticeListFilter) {
    super();
  }
}

@QueryHandler(NoticeListQuery)
export class NoticeListHandler implements IQueryHandler<NoticeListQuery> {
  constructor(private readonly readModels: ReadModels) {}
  async execute(query: NoticeListQuery) {
    return noticeList(await this.readModels.db(), query.filter);
  }
}

export class LiaisonMeetingsQuery extends Query<Result<typeof liaisonMeetings>> {
  constructor(
    readonly now: string,
    readonly paging: { readonly page?: number; readonly pageSize?: number } = {},
  ) {
    super();
  }
}

export class MissionsQuery extends Query<Result<typeof missions>> {
  constructor(readonly paging: { readonly page?: number; readonly pageSize?: number } = {}) {
    super();
  }
}

/** The periodic report of a period, as the API's query string asks it (validated by the handler). */
export class ReportCountsQuery extends Query<StreamableFile> {
  constructor(readonly query: unknown) {
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
  async execute(query: JointOperationsQuery) {
    return jointOperations(await this.readModels.db(), query.paging);
  }
}

@QueryHandler(LiaisonMeetingsQuery)
export class LiaisonMeetingsHandler implements IQueryHandler<LiaisonMeetingsQuery> {
  constructor(private readonly readModels: ReadModels) {}
  async execute(query: LiaisonMeetingsQuery) {
    return liaisonMeetings(await this.readModels.db(), query.now, query.paging);
  }
}

@QueryHandler(MissionsQuery)
export class MissionsHandler implements IQueryHandler<MissionsQuery> {
  constructor(private readonly readModels: ReadModels) {}
  async execute(query: MissionsQuery) {
    return missions(await this.readModels.db(), query.paging);
  }
}

@QueryHandler(ReportCountsQuery)
export class ReportCountsHandler implements IQueryHandler<ReportCountsQuery> {
  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(NODE_CLOCK) private readonly now: NodeClock,
    private readonly readModels: ReadModels,
  ) {}
  async execute(query: ReportCountsQuery) {
    return periodicReport({ config: this.config, now: this.now(), readModels: this.readModels }, query.query);
  }
}

export const BOARD_QUERY_HANDLERS = [
  RepatriationBoardHandler,
  VerificationQueueHandler,
  JointOperationsHandler,
  ReportCountsHandler,
  LiaisonMeetingsHandler,
  MissionsHandler,
  NoticeListHandler,
];
