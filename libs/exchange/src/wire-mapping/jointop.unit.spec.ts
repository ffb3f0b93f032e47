import { Agency, CN, contentOf, deliver, typesOf, VN } from '../testing/wire-conversation';

const caseId = '0193a7e2-0000-4000-8000-0000000000d1';
const linkedCaseId = '0193a7e2-0000-4000-8000-0000000000a1';
const noticeCaseId = '0193a7e2-0000-4000-8000-0000000000e1';
const terms = {
  name: 'Spring 2027 joint crackdown, Lai Chau - Yunnan',
  startDate: '2026-12-01',
  endDate: '2027-02-28',
  units: [
    { agencyId: VN, name: 'Lai Chau Border Guard Command' },
    { agencyId: CN, name: 'Yunnan border police, Jinping' },
  ],
  targets: ['forced marriage brokers on the Ma Lu Thang route'],
};

describe('joint crackdown period over the wire', () => {
  const vn = new Agency(VN);
  const cn = new Agency(CN);

  it('goes proposed → agreed (amended) → case linked → result report, closed on both sides', () => {
    const proposed = vn.act('jointop', caseId, 'ProposeJointOperation', {
      caseId,
      counterpart: CN,
      terms,
      deadline: '2026-11-30T00:00:00Z',
    });
    const received = deliver(vn, cn, proposed);
    expect(typesOf(received)).toEqual(['JointOperationProposalReceived']);
    // The answer deadline travels as respond_by.
    expect(contentOf(received[0])).toEqual(contentOf(proposed[0]));

    const amended = { ...terms, endDate: '2027-03-15' };
    const agreed = deliver(cn, vn, cn.act('jointop', caseId, 'AgreeJointOperation', { terms: amended }));
    expect(agreed.map(contentOf)).toEqual([{ decision: 'agreed', terms: amended }]);

    const linked = deliver(
      vn,
      cn,
      vn.act('jointop', caseId, 'LinkCaseToJointOperation', { process: 'repatriation', linkedCaseId }),
    );
    expect(linked.map(contentOf)).toEqual([{ process: 'repatriation', linkedCaseId }]);
    // A notice links too (CASE_KIND_INFORMATION_NOTICE).
    const noticeLink = { process: 'notice', linkedCaseId: noticeCaseId };
    const linkedNotice = deliver(cn, vn, cn.act('jointop', caseId, 'LinkCaseToJointOperation', noticeLink));
    expect(linkedNotice.map(contentOf)).toEqual([noticeLink]);
    expect(vn.state('jointop', caseId)).toEqual(
      expect.objectContaining({
        linkedCases: cn.state<{ linkedCases: unknown }>('jointop', caseId).linkedCases,
      }),
    );

    const report = {
      summary: 'Two networks dismantled',
      victimsRescued: 12,
      suspectsArrested: 7,
      casesInvestigated: 5,
    };
    const end = '2027-03-16T00:00:00Z';
    const closed = deliver(cn, vn, cn.act('jointop', caseId, 'CloseJointOperation', { report }, end), end);
    expect(closed.map(contentOf)).toEqual([{ report }]);

    expect([vn.state('jointop', caseId).status, cn.state('jointop', caseId).status]).toEqual([
      'closed',
      'closed',
    ]);
  });

  it('is declined by the partner, with its reason, on both sides', () => {
    const other = '0193a7e2-0000-4000-8000-0000000000d2';
    deliver(
      vn,
      cn,
      vn.act('jointop', other, 'ProposeJointOperation', {
        caseId: other,
        counterpart: CN,
        terms,
        deadline: '2026-11-30T00:00:00Z',
      }),
    );
    const declined = cn.act('jointop', other, 'DeclineJointOperation', {
      reason: 'Units committed elsewhere',
    });
    expect(deliver(cn, vn, declined).map(contentOf)).toEqual([
      { decision: 'declined', reason: 'Units committed elsewhere' },
    ]);
    expect([vn.state('jointop', other).status, cn.state('jointop', other).status]).toEqual([
      'declined',
      'declined',
    ]);
  });
});
