import { outboundMessageOf } from './outbound';
import { Agency, CN, contentOf, deliver, typesOf, VN, WOMAN } from '../testing/wire-conversation';

const caseId = '0193a7e2-0000-4000-8000-000000000001';

describe('verification over the wire', () => {
  const vn = new Agency(VN);
  const cn = new Agency(CN);

  it('is asked, answered and closed on both sides', () => {
    vn.act('verification', caseId, 'DraftVerificationRequest', {
      caseId,
      counterpart: CN,
      subject: { role: 'victim', person: WOMAN },
      purposes: ['identity', 'nationality'],
      details: 'Found at a bus station in Hekou; says she is from Phong Tho.',
      deadline: '2026-11-30T04:00:00Z',
    });
    const sent = vn.act('verification', caseId, 'SendVerificationRequest', {});
    const received = deliver(vn, cn, sent);

    expect(typesOf(received)).toEqual(['VerificationRequestReceived']);
    // Everything the requester sent arrives as it left, particulars included.
    expect(contentOf(received[0])).toEqual({ ...contentOf(sent[0]) });
    const { messageId } = (sent[0].data as { outbound: { messageId: string } }).outbound;
    expect(received[0].data).toMatchObject({ inbound: { counterpart: VN, messageId } });

    const answered = cn.act('verification', caseId, 'AnswerVerificationRequest', {
      outcome: 'confirmed',
      findings: 'Registered in Phong Tho district records.',
      person: WOMAN,
    });
    const recorded = deliver(cn, vn, answered);
    expect(typesOf(recorded)).toEqual(['VerificationAnswered']);
    expect(contentOf(recorded[0])).toEqual(contentOf(answered[0]));

    vn.act('verification', caseId, 'CloseVerification', {});
    cn.act('verification', caseId, 'CloseVerification', {});
    type View = { status: string; trail: { messages: Record<string, { delivery: string }> } };
    const ours = vn.state<View>('verification', caseId);
    const theirs = cn.state<View>('verification', caseId);
    expect([ours.status, theirs.status]).toEqual(['closed', 'closed']);
    // Each side's message was receipted back.
    expect(Object.values(ours.trail.messages).map((m) => m.delivery)).toEqual(['delivered']);
    expect(Object.values(theirs.trail.messages).map((m) => m.delivery)).toEqual(['delivered']);
  });

  it('answers "more information needed"; the additional information goes back as a new request answering it', () => {
    const other = '0193a7e2-0000-4000-8000-000000000002';
    vn.act('verification', other, 'DraftVerificationRequest', {
      caseId: other,
      counterpart: CN,
      subject: { role: 'suspect', person: WOMAN },
      purposes: ['nationality'],
      details: 'Holds a border pass only.',
      deadline: '2026-11-30T04:00:00Z',
    });
    const sent = vn.act('verification', other, 'SendVerificationRequest', {});
    deliver(vn, cn, sent);
    const answered = cn.act('verification', other, 'AnswerVerificationRequest', {
      outcome: 'more_information_needed',
      findings: "father's name",
    });
    const recorded = deliver(cn, vn, answered);
    expect(recorded[0].data).toMatchObject({ outcome: 'more_information_needed', findings: "father's name" });
    expect(vn.state('verification', other).status).toBe('answered');

    const provided = vn.act('verification', other, 'ProvideAdditionalInformation', {
      information: 'Father: Lo Van Test, of Ban Test.',
      deadline: '2026-12-07T04:00:00Z',
    });
    // On the wire: a VerificationRequest in the same case whose causation id is the answer.
    const message = outboundMessageOf(provided[0])!;
    const answerId = (answered[0].data as { outbound: { messageId: string } }).outbound.messageId;
    expect(message).toMatchObject({
      payloadType: 'xborder.v1.VerificationRequest',
      correlationId: other,
      causationId: answerId,
    });
    const round = deliver(vn, cn, provided);
    expect(typesOf(round)).toEqual(['VerificationAdditionalInformationProvided']);
    expect(contentOf(round[0])).toEqual(contentOf(provided[0]));
    type View = { status: string; round: number; deadline: string };
    const theirs = cn.state<View>('verification', other);
    expect([theirs.status, theirs.round, theirs.deadline]).toEqual(['received', 2, '2026-12-07T04:00:00Z']);

    const confirmed = cn.act('verification', other, 'AnswerVerificationRequest', {
      outcome: 'confirmed',
      findings: 'Found with the father named.',
    });
    deliver(cn, vn, confirmed);
    expect(vn.state<View>('verification', other)).toMatchObject({ status: 'answered', round: 2 });
  });

  it('withdraws a sent request on both sides', () => {
    const third = '0193a7e2-0000-4000-8000-000000000003';
    vn.act('verification', third, 'DraftVerificationRequest', {
      caseId: third,
      counterpart: CN,
      subject: { role: 'victim', person: WOMAN },
      purposes: ['identity'],
      details: 'Found in Hekou.',
      deadline: '2026-11-30T04:00:00Z',
    });
    deliver(vn, cn, vn.act('verification', third, 'SendVerificationRequest', {}));
    const withdrawn = vn.act('verification', third, 'WithdrawVerificationRequest', {
      reason: 'Identified by her family here.',
    });
    expect(outboundMessageOf(withdrawn[0])?.payloadType).toBe('xborder.v1.VerificationWithdrawal');
    const applied = deliver(vn, cn, withdrawn);
    expect(applied.map(contentOf)).toEqual([{ reason: 'Identified by her family here.' }]);
    expect([vn.state('verification', third).status, cn.state('verification', third).status]).toEqual([
      'withdrawn',
      'withdrawn',
    ]);
  });
});
