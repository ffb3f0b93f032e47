import { REFUSAL_REASONS, rejectionReasonOf } from './refusal';
import { contractHasMessage, validateMessage } from './validate';
import { PAYLOAD_TYPES, v1 } from './wire';

const person = (extra: Record<string, unknown> = {}) => ({
  personId: '01936b2a-1c00-7000-8000-0000000a0001',
  name: { romanised: 'SOMPHONE' },
  ...extra,
});
const rules = (type: string, message: unknown) =>
  validateMessage(type, message).map((p) => `${p.path}: ${p.rule}`);

describe('validateMessage', () => {
  it.each([
    ['a minimal person', 'xborder.v1.Person', person(), []],
    ['a missing required message', 'xborder.v1.Person', { personId: person().personId }, ['name: required']],
    ['an ill-formed UUID', 'xborder.v1.Person', person({ personId: 'x' }), ['personId: format: uuid']],
    [
      'a lower-case country code',
      'xborder.v1.Person',
      person({ claimedNationality: 'vn' }),
      ['claimedNationality: format: country_code'],
    ],
    [
      'a photo digest of the wrong length',
      'xborder.v1.Person',
      person({ photoSha256: new Uint8Array(31) }),
      ['photoSha256: format: sha256'],
    ],
    ['an unknown enum value', 'xborder.v1.Person', person({ sex: 9 }), ['sex: unknown enum value']],
    [
      'a day without a month',
      'xborder.v1.Person',
      person({ dateOfBirth: { year: 2001, day: 3 } }),
      ['dateOfBirth.day: range 1-31, with a month, or 0'],
    ],
    ['a year only', 'xborder.v1.Person', person({ dateOfBirth: { year: 2001 } }), []],
    [
      'a 200-character name, counted in code points after NFC',
      'xborder.v1.Person',
      person({ name: { romanised: 'SOMPHONE', original: 'ễ'.normalize('NFD').repeat(200) } }),
      [],
    ],
    [
      'a name over its max_length',
      'xborder.v1.Person',
      person({ name: { romanised: 'A'.repeat(201) } }),
      ['name.romanised: max_length: 200'],
    ],
    [
      'free text over its max_length',
      'xborder.v1.VerificationWithdrawal',
      { reason: '王'.repeat(10_001) },
      ['reason: max_length: 10000'],
    ],
    [
      'a calendar date that does not exist',
      'xborder.v1.CalendarDate',
      { year: 2026, month: 2, day: 30 },
      [': a real calendar date'],
    ],
    [
      'a child with children',
      'xborder.v1.Person',
      person({ accompanyingChildren: [{ child: person({ accompanyingChildren: [{ child: person() }] }) }] }),
      ['accompanyingChildren[0].child.accompanyingChildren: a child has no accompanying children'],
    ],
    [
      'an empty required repeated field',
      'xborder.v1.RepatriationHandoverDone',
      { handedOverAt: {}, gate: { gateCode: 'VN-CN.LAOCAI-HEKOU' } },
      ['personIds: required: at least one element'],
    ],
    [
      'a required enum left unspecified',
      'xborder.v1.Handling',
      { dissemination: 0, evidentialUse: 1 },
      ['dissemination: required: a value other than *_UNSPECIFIED'],
    ],
    // Schema version 2 additions.
    ['a cancellation without a reason', 'xborder.v1.RepatriationCancellation', {}, ['reason: required']],
    [
      'a child added without the child',
      'xborder.v1.RepatriationChildAdded',
      { child: null },
      ['child: required'],
    ],
    [
      'received person ids that are not UUIDs',
      'xborder.v1.RepatriationReceptionConfirmed',
      { receivedAt: {}, receivingUnit: 'U', personIds: ['child-1'] },
      ['personIds[0]: format: uuid'],
    ],
    ['a notice linked to a joint period', 'xborder.v1.JointOperationCaseLinked', { caseKind: 5 }, []],
    [
      'a bad agency id',
      'xborder.v1.ParticipatingUnit',
      { agencyId: 'vn.police' },
      ['agencyId: format: agency_id'],
    ],
  ])('%s', (_name, type, message, expected) => {
    expect(rules(type, message)).toEqual(expected);
  });
});

describe('the contract and the code agree', () => {
  it('every registered payload type is a message of the contract', () => {
    expect(PAYLOAD_TYPES.filter((t) => !contractHasMessage(t))).toEqual([]);
  });

  it('registers the payload types added in schema version 2', () => {
    const added = [
      'xborder.v1.VerificationWithdrawal',
      'xborder.v1.RepatriationChildAdded',
      'xborder.v1.RepatriationCancellation',
      'xborder.v1.SuspectHandoverCancellation',
      'xborder.v1.JointOperationDeclined',
    ];
    expect(added.filter((t) => !(PAYLOAD_TYPES as string[]).includes(t))).toEqual([]);
  });

  it('every refusal reason has its wire code in RejectionReason', () => {
    for (const reason of REFUSAL_REASONS)
      expect(v1.RejectionReason[rejectionReasonOf(reason)]).toBe(`REJECTION_REASON_${reason}`);
  });
});
