/**
 * What the contract allows a counterpart to send, the domain takes; what it forbids, the domain refuses
 * naming the field and the rule (the receipt's domain_code), never the value. Everyday cases at a
 * border: a name known only romanised, an unnamed infant, a person without papers, a document
 * remembered without its number or issuing country, a request without circumstances.
 */
import { isDomainError } from './decider';
import { receiptCodeOf, PersonParticulars } from './shared';
import { fromThem, PERSON, THEM, US } from './testing/fixtures';
import { given } from './testing/given';
import { repatriationDecider } from './repatriation';
import { verificationDecider } from './verification';
import { cmd, DEADLINE } from './verification/verification.histories';

const caseId = '0193a7b2-0000-7000-8000-0000000001aa';
const childId = '0193a7b2-0000-7000-8000-0000000001cc';
const inbound = { messageId: 'in-1', counterpart: THEM };

/** A counterpart's verification request about `person`, with `details` as its circumstances. */
const receive = (person: PersonParticulars, details = '') =>
  cmd(
    'ReceiveVerificationRequest',
    {
      caseId,
      subject: { role: 'victim', person },
      purposes: ['identity' as const],
      details,
      deadline: DEADLINE,
    },
    fromThem('in-1'),
  );

const received = (person: PersonParticulars, details = '') => [
  {
    type: 'VerificationRequestReceived' as const,
    data: {
      caseId,
      requester: THEM,
      responder: US,
      subject: { role: 'victim' as const, person },
      purposes: ['identity' as const],
      details,
      deadline: DEADLINE,
      inbound,
    },
  },
];

describe('the domain takes what the contract allows', () => {
  it.each<[string, PersonParticulars]>([
    [
      'a name known only romanised',
      { name: { original: '', romanised: 'WANG XIAOMEI' }, identityDocuments: [] },
    ],
    [
      'an unnamed infant (described, sex and age not stated, no papers)',
      { name: { original: '', romanised: 'INFANT OF LO THI MAU' }, identityDocuments: [] },
    ],
    ['a person without papers', { ...PERSON, identityDocuments: [] }],
    [
      'a document remembered without its number or issuing country',
      { ...PERSON, identityDocuments: [{ type: 'household_registration', number: '', issuingCountry: '' }] },
    ],
  ])(
    'given no case, when a counterpart asks to verify %s without circumstances, then it is received',
    (_, person) => {
      given(verificationDecider).when(receive(person)).then(received(person));
    },
  );

  it('given no case, when a counterpart asks to repatriate a victim with a child and no remarks, then it is received', () => {
    const victim: PersonParticulars = {
      name: { original: '', romanised: 'LO THI MAU' },
      identityDocuments: [],
    };
    const child = {
      childId,
      person: { name: { original: '', romanised: 'BABY LO' }, identityDocuments: [] },
    };
    const data = { caseId, victim, children: [child], circumstances: '', deadline: DEADLINE };
    const state = given(repatriationDecider)
      .when({ type: 'ReceiveRepatriationRequest', data, metadata: fromThem('in-1') })
      .then([
        {
          type: 'RepatriationRequestReceived',
          data: { ...data, requestingAgency: THEM, receivingAgency: US, inbound },
        },
      ]);
    expect(state).toMatchObject({ status: 'requested', children: [{ childId, handedOver: false }] });
  });

  it('given no case, when our officer drafts a request without circumstances, then it is refused (officers state them)', () => {
    const data = { caseId, counterpart: THEM, subject: { role: 'victim' as const, person: PERSON } };
    const result = verificationDecider.decide(
      cmd('DraftVerificationRequest', {
        ...data,
        purposes: ['identity' as const],
        details: ' ',
        deadline: DEADLINE,
      }),
      verificationDecider.initialState(),
    );
    expect(isDomainError(result) && receiptCodeOf(result)).toBe('VALIDATION_FAILED:details');
  });
});

describe('the domain refuses what the contract forbids, naming the field and the rule', () => {
  it.each<[string, PersonParticulars, string]>([
    [
      'a name without its romanised form (PersonName.romanised is required)',
      { name: { original: 'Lò Thị Mẫu', romanised: '' }, identityDocuments: [] },
      'VALIDATION_FAILED:subject.person.name.romanised',
    ],
    [
      'a day of birth the month does not have',
      { ...PERSON, dateOfBirth: { year: 2005, month: 2, day: 29 } },
      'VALIDATION_FAILED:subject.person.dateOfBirth',
    ],
    [
      'an issuing country that is not an ISO 3166 code',
      { ...PERSON, identityDocuments: [{ type: 'passport', number: 'C1', issuingCountry: 'Viet Nam' }] },
      'VALIDATION_FAILED:subject.person.identityDocuments[0].issuingCountry',
    ],
    [
      'a child travelling with children of its own (AccompanyingChild.child must have none)',
      {
        ...PERSON,
        accompanyingChildren: [{ person: { ...PERSON, accompanyingChildren: [{ person: PERSON }] } }],
      },
      'VALIDATION_FAILED:subject.person.accompanyingChildren[0].person.accompanyingChildren',
    ],
  ])('given no case, when a counterpart sends %s, then the refusal names it', (_, person, code) => {
    const result = verificationDecider.decide(receive(person), verificationDecider.initialState());
    expect(isDomainError(result) && receiptCodeOf(result)).toBe(code);
    // Field paths only: the refusal never carries the particulars.
    expect(JSON.stringify(result)).not.toMatch(/Lò|Viet Nam|C1/);
  });
});

describe("an officer's annex and header codes are held to the contract's lists", () => {
  const draft = (annex: unknown, metadata = {}) =>
    verificationDecider.decide(
      cmd(
        'DraftVerificationRequest',
        {
          caseId,
          counterpart: THEM,
          subject: { role: 'victim', person: PERSON },
          purposes: ['identity' as const],
          details: 'found at the bus station',
          deadline: DEADLINE,
          annex: annex as never,
        },
        metadata,
      ),
      verificationDecider.initialState(),
    );

  it('given no case, when an officer drafts with a known form of trafficking and points, then the annex is kept', () => {
    const annex = {
      fileReference: 'LC-1',
      traffickingForm: 'forced_marriage',
      points: ['identity', 'family'],
    };
    const result = draft(annex);
    expect(isDomainError(result) ? result : result[0].data).toMatchObject({ annex });
  });

  it.each<[string, unknown, string]>([
    [
      'an unknown form of trafficking',
      { traffickingForm: 'smuggling' },
      'VALIDATION_FAILED:annex.traffickingForm',
    ],
    ['a field no annex has', { colour: 'red' }, 'VALIDATION_FAILED:annex.colour'],
    [
      'a gate without its code',
      { proposedGate: { name: 'Ma Lu Thang' } },
      'VALIDATION_FAILED:annex.proposedGate',
    ],
  ])(
    'given no case, when an officer drafts with %s, then the refusal names the annex field',
    (_, annex, code) => {
      const result = draft(annex);
      expect(isDomainError(result) && receiptCodeOf(result)).toBe(code);
    },
  );

  it('given a draft, when it is sent under an unknown handling code, then the refusal names it', () => {
    const drafted = draft(undefined);
    if (isDomainError(drafted)) throw new Error(drafted.reason);
    const send = cmd(
      'SendVerificationRequest',
      {},
      {
        newIds: ['m-1'],
        handling: { dissemination: 'everyone', evidentialUse: 'permitted' },
      },
    );
    const result = verificationDecider.decide(
      send,
      drafted.reduce(verificationDecider.evolve, verificationDecider.initialState()),
    );
    expect(isDomainError(result) && receiptCodeOf(result)).toBe('VALIDATION_FAILED:metadata.handling');
  });
});
