import { given } from '../testing/given';
import { fromThem, queuing, THEM, US } from '../testing/fixtures';
import { verificationDecider as decider } from './decider';
import { describeVerificationEvent, storedPurposes, VerificationEvent } from './events';
import { cmd, content, DEADLINE, incoming, request, sent, drafted } from './verification.histories';

// The contract's purposes (identity, nationality, family, documents, criminal record) as a set on the
// request, each answered on its own, the answer checked against what was asked.
const CASE = content.caseId;
const askedThree: VerificationEvent = {
  type: 'VerificationRequestReceived',
  data: {
    ...incoming,
    purposes: ['identity', 'nationality', 'family'],
    inbound: { messageId: 'in-req', counterpart: THEM },
  },
};
const weAskedThree: VerificationEvent[] = [
  {
    type: 'VerificationRequestDrafted',
    data: { ...content, purposes: ['identity', 'nationality', 'family'] },
  },
  {
    type: 'VerificationRequestSent',
    data: {
      ...content,
      purposes: ['identity', 'nationality', 'family'],
      outbound: { messageId: 'm-req', counterpart: THEM, kind: 'VerificationRequest' },
    },
  },
];
const answer = (outcome: string, answers: object) =>
  cmd('AnswerVerificationRequest', { outcome, findings: 'checked', answers } as never, queuing('m-ans'));
const refusedFields = (history: VerificationEvent[], command: ReturnType<typeof answer>) => {
  const result = decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
  return 'code' in result ? { code: result.code, fields: result.fields } : result;
};

describe('verification purposes: asked as a set', () => {
  it('drafts a request for several purposes, kept in the contract order', () => {
    const state = given(decider)
      .when(
        cmd('DraftVerificationRequest', {
          caseId: CASE,
          counterpart: THEM,
          ...request,
          purposes: ['family', 'identity', 'criminal_record'],
        }),
      )
      .then([
        {
          type: 'VerificationRequestDrafted',
          data: { ...content, purposes: ['identity', 'family', 'criminal_record'] },
        },
      ]);
    expect(state).toMatchObject({ status: 'drafted', purposes: ['identity', 'family', 'criminal_record'] });
  });

  it.each<[string, unknown]>([
    ['no purpose', []],
    ['an unknown purpose', ['identity', 'home_town']],
    ['a purpose twice', ['family', 'family']],
    ['a single word instead of a set', 'identity'],
  ])('refuses a request with %s (field purposes)', (_label, purposes) => {
    const result = decider.decide(
      cmd('DraftVerificationRequest', { caseId: CASE, counterpart: THEM, ...request, purposes } as never),
      decider.initialState(),
    );
    expect(result).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['purposes'] });
  });

  it('reads a request stored before the set: one word, with the annex points', () => {
    const legacy = {
      caseId: CASE,
      requester: US,
      responder: THEM,
      subject: request.subject,
      purpose: 'identity_and_nationality' as const,
      details: 'd',
      deadline: DEADLINE,
      annex: { points: ['identity' as const, 'nationality' as const, 'family' as const] },
    };
    const state = [{ type: 'VerificationRequestDrafted' as const, data: legacy }].reduce(
      decider.evolve,
      decider.initialState(),
    );
    expect(state).toMatchObject({ purposes: ['identity', 'nationality', 'family'] });
    expect(state).not.toHaveProperty('purpose');
    expect(storedPurposes({ purpose: 'nationality' })).toEqual(['nationality']);
    expect(storedPurposes({ purpose: 'identity' })).toEqual(['identity']);
  });
});

describe('verification purposes: each answered on its own', () => {
  it('answers identity, nationality and family each', () => {
    const answers = { identity: 'confirmed', nationality: 'confirmed', family: 'traced' } as const;
    const state = given(decider, [askedThree])
      .when(answer('confirmed', { family: 'traced', identity: 'confirmed', nationality: 'confirmed' }))
      .then([
        {
          type: 'VerificationAnswered',
          data: {
            outcome: 'confirmed',
            findings: 'checked',
            answers,
            round: 1,
            outbound: {
              messageId: 'm-ans',
              counterpart: THEM,
              kind: 'VerificationAnswer',
              inReplyTo: 'in-req',
            },
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'answered', answer: { answers } });
  });

  it('records a partial answer from the counterpart: family not traced', () => {
    const answers = { identity: 'confirmed', nationality: 'confirmed', family: 'not_traced' } as const;
    const state = given(decider, weAskedThree)
      .when(
        cmd('RecordVerificationAnswer', { outcome: 'partial', findings: '', answers }, fromThem('in-ans')),
      )
      .then([
        {
          type: 'VerificationAnswered',
          data: {
            outcome: 'partial',
            findings: '',
            answers,
            round: 1,
            inbound: { messageId: 'in-ans', counterpart: THEM },
          },
        },
      ]);
    expect(state).toMatchObject({ answer: { outcome: 'partial', answers } });
  });

  it('takes "more information needed" with only some purposes answered', () => {
    given(decider, [askedThree])
      .when(answer('more_information_needed', { identity: 'confirmed' }))
      .then([
        {
          type: 'VerificationAnswered',
          data: {
            outcome: 'more_information_needed',
            findings: 'checked',
            answers: { identity: 'confirmed' },
            round: 1,
            outbound: {
              messageId: 'm-ans',
              counterpart: THEM,
              kind: 'VerificationAnswer',
              inReplyTo: 'in-req',
            },
          },
        },
      ]);
  });

  it('answers documents and criminal record with their own words', () => {
    const asked: VerificationEvent = {
      type: 'VerificationRequestReceived',
      data: {
        ...incoming,
        purposes: ['documents', 'criminal_record'],
        inbound: { messageId: 'in-req', counterpart: THEM },
      },
    };
    const state = given(decider, [asked])
      .when(answer('confirmed', { documents: 'genuine', criminal_record: 'none' }))
      .then([
        {
          type: 'VerificationAnswered',
          data: {
            outcome: 'confirmed',
            findings: 'checked',
            answers: { documents: 'genuine', criminal_record: 'none' },
            round: 1,
            outbound: {
              messageId: 'm-ans',
              counterpart: THEM,
              kind: 'VerificationAnswer',
              inReplyTo: 'in-req',
            },
          },
        },
      ]);
    expect(state.status).toBe('answered');
  });

  it.each<[string, string, object, string[]]>([
    [
      'an asked purpose unanswered',
      'confirmed',
      { identity: 'confirmed', nationality: 'confirmed' },
      ['answers.family'],
    ],
    ['no answers at all', 'partial', {}, ['answers.identity', 'answers.nationality', 'answers.family']],
    [
      'nothing answered when not found',
      'not_found',
      {},
      ['answers.identity', 'answers.nationality', 'answers.family'],
    ],
    [
      'a purpose not asked',
      'confirmed',
      { identity: 'confirmed', nationality: 'confirmed', family: 'traced', documents: 'genuine' },
      ['answers.documents'],
    ],
    [
      "another purpose's word",
      'partial',
      { identity: 'confirmed', nationality: 'confirmed', family: 'confirmed' },
      ['answers.family'],
    ],
    ['an unknown key', 'more_information_needed', { relatives: 'traced' }, ['answers.relatives']],
    [
      'confirmed with a purpose denied',
      'confirmed',
      { identity: 'confirmed', nationality: 'not_confirmed', family: 'traced' },
      ['answers.nationality'],
    ],
    [
      'not found with a purpose established',
      'not_found',
      { identity: 'not_confirmed', nationality: 'not_confirmed', family: 'traced' },
      ['answers.family'],
    ],
  ])('refuses %s, naming the field', (_label, outcome, answers, fields) => {
    expect(refusedFields([askedThree], answer(outcome, answers))).toEqual({
      code: 'VALIDATION_FAILED',
      fields,
    });
  });

  it('refuses an answers list instead of one answer per purpose', () => {
    expect(refusedFields([askedThree], answer('more_information_needed', ['identity']))).toEqual({
      code: 'VALIDATION_FAILED',
      fields: ['answers'],
    });
  });

  it("refuses a counterpart's incomplete answer the same way (the refusal travels in the receipt)", () => {
    const result = decider.decide(
      cmd(
        'RecordVerificationAnswer',
        { outcome: 'confirmed', findings: '', answers: { identity: 'confirmed' } },
        fromThem('in-ans'),
      ),
      weAskedThree.reduce(decider.evolve, decider.initialState()),
    );
    expect(result).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: ['answers.nationality', 'answers.family'],
    });
  });

  it('checks the answer against the round: another round may ask other purposes', () => {
    const moreNeeded: VerificationEvent = {
      type: 'VerificationAnswered',
      data: {
        outcome: 'more_information_needed',
        findings: 'photo',
        round: 1,
        inbound: { messageId: 'in-ans', counterpart: THEM },
      },
    };
    const state = given(decider, [drafted, sent, moreNeeded])
      .when(
        cmd(
          'ProvideAdditionalInformation',
          {
            information: 'photo digest',
            deadline: '2026-12-05T10:00:00Z',
            purposes: ['identity', 'documents'],
          },
          queuing('m-add'),
        ),
      )
      .then([
        {
          type: 'VerificationAdditionalInformationProvided',
          data: {
            round: 2,
            information: 'photo digest',
            deadline: '2026-12-05T10:00:00Z',
            subject: request.subject,
            purposes: ['identity', 'documents'],
            outbound: {
              messageId: 'm-add',
              counterpart: THEM,
              kind: 'VerificationAdditionalInformation',
              inReplyTo: 'in-ans',
            },
          },
        },
      ]);
    expect(state).toMatchObject({ round: 2, purposes: ['identity', 'documents'] });
  });

  it('says each answer in the timeline line, without particulars', () => {
    const line = describeVerificationEvent({
      type: 'VerificationAnswered',
      data: {
        outcome: 'partial',
        findings: 'Lo Thi Mau is registered in Ma Ly Pho',
        answers: { identity: 'confirmed', family: 'not_traced', criminal_record: 'none' },
        round: 1,
      },
    });
    expect(line).toBe(
      'Verification answered (round 1): partial; identity confirmed, family not traced, criminal record none',
    );
    expect(line).not.toContain('Lo Thi Mau');
  });
});
