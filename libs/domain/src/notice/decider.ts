import { Decider } from '../decider';
import { decideNotice, NoticeCommand } from './decide';
import { NoticeEvent } from './events';
import { evolveNotice, initialNoticeState, NoticeState } from './state';

/** Information notices: case information, new criminal methods, hotline tip-offs; streams `notice-<caseId>`. */
export const noticeDecider: Decider<NoticeCommand, NoticeEvent, NoticeState> = {
  category: 'notice',
  initialState: initialNoticeState,
  evolve: evolveNotice,
  decide: decideNotice,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
};
