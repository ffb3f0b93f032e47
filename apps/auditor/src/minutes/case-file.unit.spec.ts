import { caseFileHandlingOf } from './case-file';
import { restrictionNotice } from '../commands/minutes';

const CN = 'CN.YN.BORDERPOLICE';
const LA = 'LA.PHONGSALY.POLICE';
const restricted = {
  dissemination: 'receiving_agency',
  evidentialUse: 'intelligence_only',
  conditions: 'No copies',
} as const;

describe('an exported case carries the handling codes of its messages', () => {
  const events = [
    {
      type: 'InformationNoticeReceived',
      data: { inbound: { messageId: 'in-1', counterpart: CN, handling: restricted } },
    },
    { type: 'InformationNoticeClassified', data: { category: 'case_information' } },
    {
      type: 'InformationNoticeForwarded',
      data: {
        outbound: { messageId: 'm-1', counterpart: LA, kind: 'InformationNotice', handling: restricted },
      },
    },
    {
      type: 'DisseminationRequested',
      data: { outbound: { messageId: 'm-2', counterpart: CN, kind: 'DisseminationRequest' } },
    },
  ];

  it("each message's code (ours as sent, the kind's default unless chosen) and the highest received", () => {
    expect(caseFileHandlingOf(events)).toEqual({
      received: restricted,
      messages: [
        { messageId: 'in-1', direction: 'in', handling: restricted },
        { messageId: 'm-1', direction: 'out', handling: restricted },
        {
          messageId: 'm-2',
          direction: 'out',
          handling: { dissemination: 'receiving_agency', evidentialUse: 'permitted' },
        },
      ],
    });
  });

  it('a case nobody restricted has no received code', () => {
    expect(caseFileHandlingOf(events.slice(1))).not.toHaveProperty('received');
  });

  it('the export tells the auditor who the file may go to, without the conditions themselves', () => {
    const notice = restrictionNotice(restricted);
    expect(notice).toContain('receiving agency');
    expect(notice).not.toContain('No copies');
  });
});
