import { encodePayload, v1 } from '@xb/envelope';
import { inboundCommandOf } from './inbound';
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
      purposes: ['identity', 'nationality', 'family'],
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

    // The purposes travel as the request's points.
    expect(outboundMessageOf(sent[0])?.payload).toMatchObject({ points: [1, 2, 4] });
    expect(cn.state('verification', caseId)).toMatchObject({
      purposes: ['identity', 'nationality', 'family'],
    });

    const answers = { identity: 'confirmed', nationality: 'confirmed', family: 'not_traced' } as const;
    const answered = cn.act('verification', caseId, 'AnswerVerificationRequest', {
      outcome: 'partial',
      findings: 'Registered in Phong Tho district records; the parents named are not known there.',
      person: WOMAN,
      answers,
    });
    // Each purpose answered on its own, and as point lists for receivers before schema version 4.
    expect(outboundMessageOf(answered[0])?.payload).toMatchObject({
      pointAnswers: [
        { point: 1, result: 1 },
        { point: 2, result: 1 },
        { point: 4, result: 4 },
      ],
      confirmedPoints: [1, 2],
      unconfirmedPoints: [4],
    });
    const recorded = deliver(cn, vn, answered);
    expect(typesOf(recorded)).toEqual(['VerificationAnswered']);
    expect(contentOf(recorded[0])).toEqual(contentOf(answered[0]));
    expect(vn.state('verification', caseId)).toMatchObject({ answer: { outcome: 'partial', answers } });

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
      answers: { nationality: 'confirmed' },
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

  describe('a counterpart before schema version 4', () => {
    const fourth = '0193a7e2-0000-4000-8000-000000000004';
    const answerFrom = (payload: v1.IVerificationAnswer) =>
      inboundCommandOf(
        {
          messageId: '0193a7e2-0000-7000-8000-0000000000a4',
          correlationId: fourth,
          sender: CN,
          recipient: VN,
          payloadType: 'xborder.v1.VerificationAnswer',
          sentAt: '2026-11-23T04:00:00Z',
        },
        v1.VerificationAnswer.toObject(
          v1.VerificationAnswer.decode(encodePayload('xborder.v1.VerificationAnswer', payload)),
        ),
        { agencyId: VN, now: '2026-11-23T04:00:00Z' },
      );

    it('asks with HOME_ADDRESS: read as identity, the points kept as sent', () => {
      vn.act('verification', fourth, 'DraftVerificationRequest', {
        caseId: fourth,
        counterpart: CN,
        subject: { role: 'victim', person: WOMAN },
        purposes: ['identity', 'family'],
        details: 'Found in Hekou.',
        deadline: '2026-11-30T04:00:00Z',
        annex: { points: ['home_address', 'family'] },
      });
      const sent = vn.act('verification', fourth, 'SendVerificationRequest', {});
      expect(outboundMessageOf(sent[0])?.payload).toMatchObject({ points: [3, 4] });
      const received = deliver(vn, cn, sent);
      expect(received[0].data).toMatchObject({
        purposes: ['identity', 'family'],
        annex: { points: ['home_address', 'family'] },
      });
    });

    it('answers with point lists only: each purpose read from them', () => {
      const mapped = answerFrom({ outcome: 3, confirmedPoints: [1], unconfirmedPoints: [4], remarks: 'r' });
      expect(mapped).toMatchObject({ ok: true, command: { data: { outcome: 'partial' } } });
      if (!mapped.ok) return;
      expect(mapped.command.data).not.toHaveProperty('answers');
      vn.decide('verification', fourth, mapped.command);
      expect(vn.state('verification', fourth)).toMatchObject({
        answer: { outcome: 'partial', answers: { identity: 'confirmed', family: 'not_traced' } },
      });
    });

    it.each<[string, v1.IVerificationPointAnswer[]]>([
      ['a result of another point', [{ point: 4, result: 1 }]],
      [
        'a point answered twice',
        [
          { point: 1, result: 1 },
          { point: 1, result: 2 },
        ],
      ],
      ['HOME_ADDRESS answered (no purpose of its own)', [{ point: 3, result: 1 }]],
      ['no result', [{ point: 1 }]],
    ])('refuses point answers with %s as INVALID_PAYLOAD naming point_answers', (_label, pointAnswers) => {
      expect(answerFrom({ outcome: 4, pointAnswers })).toMatchObject({
        ok: false,
        reason: 'INVALID_PAYLOAD',
        detail: expect.stringMatching(/point_?answers/i),
      });
    });
  });
});
