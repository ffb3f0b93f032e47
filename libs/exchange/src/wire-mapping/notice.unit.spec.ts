import { outboundMessageOf } from './outbound';
import { Agency, CN, contentOf, deliver, typesOf, VN, WOMAN } from '../testing/wire-conversation';

describe('information notice over the wire', () => {
  const vn = new Agency(VN);
  const cn = new Agency(CN);

  it('is sent, received, classified and processed', () => {
    const caseId = '0193a7e2-0000-4000-8000-0000000000e1';
    const relatedCaseId = '0193a7e2-0000-4000-8000-0000000000a1';
    const sent = vn.act('notice', caseId, 'SendInformationNotice', {
      caseId,
      counterpart: CN,
      category: 'case_information',
      title: 'Broker active near Ma Lu Thang',
      content: 'A broker recruits young women for marriages across the border.',
      relatedCaseId,
      persons: [WOMAN],
    });
    const received = deliver(vn, cn, sent);
    expect(typesOf(received)).toEqual(['InformationNoticeReceived']);
    const { processingDeadline, ...content } = contentOf(received[0]);
    expect(content).toEqual(contentOf(sent[0]));
    // The sender sets no processing deadline: the receiving node's policy (3 days) does.
    expect(processingDeadline).toBe('2026-11-26T04:00:00Z');

    cn.act('notice', caseId, 'ClassifyInformationNotice', {
      category: 'case_information',
      priority: 'urgent',
    });
    cn.act('notice', caseId, 'ProcessInformationNotice', {
      outcome: 'linked_to_case',
      note: 'Linked to the repatriation case',
      linkedCaseId: relatedCaseId,
    });
    expect(cn.state('notice', caseId).status).toBe('processed');
    vn.act('notice', caseId, 'CloseInformationNotice', {});
    expect(vn.state('notice', caseId).status).toBe('closed');
  });

  it('forwards a hotline tip as the same case, with its urgency, caller kind and time of the call', () => {
    const caseId = '0193a7e2-0000-4000-8000-0000000000e4';
    vn.act('notice', caseId, 'RecordHotlineTip', {
      caseId,
      channel: 'phone',
      callerKind: 'witness',
      urgency: 'immediate',
      title: 'Call about a girl',
      content: 'A girl was taken across near Dao San last night.',
      receivedAt: '2026-11-23T03:00:00Z',
      processingDeadline: '2026-11-24T03:00:00Z',
    });
    const forwarded = vn.act('notice', caseId, 'ForwardHotlineTip', { counterpart: CN });
    expect(outboundMessageOf(forwarded[0])).toMatchObject({
      payloadType: 'xborder.v1.HotlineTipOff',
      correlationId: caseId,
      payload: { urgency: 3, callerKind: 3 },
    });
    const received = deliver(vn, cn, forwarded);
    expect(typesOf(received)).toEqual(['InformationNoticeReceived']);
    expect(received[0].data).toMatchObject({
      caseId,
      category: 'hotline_tip',
      annex: { urgency: 'immediate', callerKind: 'witness', receivedAt: '2026-11-23T03:00:00Z' },
    });
    expect(cn.state('notice', caseId)).toMatchObject({ status: 'received', urgency: 'immediate' });
  });

  it.each([
    ['criminal_method', 'xborder.v1.CriminalMethod', 'Fake casino jobs', 'Fake casino jobs'],
    ['hotline_tip', 'xborder.v1.HotlineTipOff', 'Call about a girl', 'Hotline tip-off'],
  ])('carries a %s notice as %s', (category, payloadType, title, receivedTitle) => {
    const caseId = `0193a7e2-0000-4000-8000-0000000000${category === 'hotline_tip' ? 'e3' : 'e2'}`;
    const sent = vn.act('notice', caseId, 'SendInformationNotice', {
      caseId,
      counterpart: CN,
      category,
      title,
      content: 'Details in plain words.',
    });
    expect(outboundMessageOf(sent[0])?.payloadType).toBe(payloadType);
    const received = deliver(vn, cn, sent);
    expect(received[0].data).toMatchObject({
      category,
      title: receivedTitle,
      content: 'Details in plain words.',
    });
  });
});
