import { caseProcess } from '../case-process';
import { decideNotice, NoticeCommand } from './decide';
import { describeNoticeEvent, NOTICE_EVENT_TYPES, NoticeEvent } from './events';
import { evolveNotice, initialNoticeState, NoticeState, noticeOpenDeadlines } from './state';

/** Information notices: case information, new criminal methods, hotline tip-offs; streams `notice-<caseId>`. */
export const noticeDecider = caseProcess<NoticeCommand, NoticeEvent, NoticeState>({
  category: 'notice',
  initialState: initialNoticeState,
  evolve: evolveNotice,
  decide: decideNotice,
  eventTypes: NOTICE_EVENT_TYPES,
  openDeadlines: noticeOpenDeadlines,
  describe: describeNoticeEvent,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
});
