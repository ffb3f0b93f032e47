/**
 * The payloads schema version 2 added, both ways, and the fallbacks for events stored before the
 * domain recorded what the wire needs and for messages from senders before version 2.
 */
import { toTimestamp } from '@xb/envelope';
import { inboundCommandOf } from './inbound';
import { outboundMappingOf, outboundMessageOf } from './outbound';
import { childPersonIdOf, personIdOf } from './person';
import { CN, NOW, overTheWire, VN, WOMAN } from '../testing/wire-conversation';
import { caseId, context, header, messageId, outbound, recorded } from '../testing/single-message';

describe('schema version 2 payloads', () => {
  const child = '0193a7e2-0000-4000-8000-0000000000c7';
  // Each kind the contract could not carry before version 2: its payload type, and the command it
  // becomes on the other node after encoding and decoding.
  it.each([
    [
      'verification',
      'VerificationWithdrawn',
      { reason: 'resolved', ...outbound('VerificationWithdrawal') },
      'xborder.v1.VerificationWithdrawal',
      'ReceiveVerificationWithdrawal',
      { reason: 'resolved' },
    ],
    [
      'repatriation',
      'RepatriationChildAdded',
      { childId: child, person: WOMAN, ...outbound('RepatriationChildAdded') },
      'xborder.v1.RepatriationChildAdded',
      'ReceiveAccompanyingChild',
      { childId: child, person: WOMAN },
    ],
    [
      'repatriation',
      'RepatriationCancelled',
      { reason: 'stays', ...outbound('RepatriationCancellation') },
      'xborder.v1.RepatriationCancellation',
      'ReceiveRepatriationCancellation',
      { reason: 'stays' },
    ],
    [
      'handover',
      'SuspectHandoverCancelled',
      { reason: 'lifted', ...outbound('SuspectHandoverCancellation') },
      'xborder.v1.SuspectHandoverCancellation',
      'ReceiveSuspectHandoverCancellation',
      { reason: 'lifted' },
    ],
    [
      'jointop',
      'JointOperationDeclined',
      { decision: 'declined', reason: 'busy', ...outbound('JointOperationAgreement') },
      'xborder.v1.JointOperationDeclined',
      'RecordJointOperationAgreement',
      { decision: 'declined', reason: 'busy' },
    ],
    [
      'jointop',
      'JointOperationCaseLinked',
      { process: 'notice', linkedCaseId: caseId, ...outbound('JointOperationCaseLink') },
      'xborder.v1.JointOperationCaseLinked',
      'ReceiveJointOperationCaseLink',
      { process: 'notice', linkedCaseId: caseId },
    ],
  ])('%s %s travels as %s', (category, type, data, payloadType, commandType, commandData) => {
    const message = outboundMessageOf(recorded(category, type, data));
    expect(message?.payloadType).toBe(payloadType);
    const { header: sent, payload } = overTheWire(message!, VN);
    const result = inboundCommandOf({ ...sent, sender: VN, recipient: CN }, payload, {
      agencyId: CN,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: true, category, command: { type: commandType, data: commandData } });
  });
});

describe('events stored before the domain recorded what the wire needs', () => {
  it('cannot send additional information without the subject (INVALID_PAYLOAD, fields named)', () => {
    const event = recorded('verification', 'VerificationAdditionalInformationProvided', {
      round: 2,
      information: 'x',
      deadline: NOW,
      ...outbound('VerificationAdditionalInformation'),
    });
    expect(outboundMappingOf(event)).toMatchObject({
      kind: 'unsendable',
      reason: 'INVALID_PAYLOAD',
      messageId,
    });
    expect(JSON.stringify(outboundMappingOf(event))).toContain('subject');
  });

  it("sends a request without the warrant's authority and date with the documented fallbacks", () => {
    const event = recorded('handover', 'SuspectHandoverRequested', {
      caseId,
      requestingAgency: VN,
      holdingAgency: CN,
      suspect: WOMAN,
      warrantReference: 'W-1',
      offences: 'Art. 150',
      deadline: '2026-12-20T00:00:00Z',
      ...outbound('SuspectHandoverRequest'),
    });
    expect(outboundMessageOf(event)?.payload.warrant).toEqual({
      issuingAuthority: VN,
      number: 'W-1',
      issuedOn: { year: 2026, month: 11, day: 23 },
      offence: 'Art. 150',
    });
  });

  it('names a child stored with an id that is not a UUID by an id derived from it, everywhere', () => {
    const event = recorded('repatriation', 'RepatriationReceptionConfirmed', {
      facility: 'F',
      receivedAt: NOW,
      childIds: ['c1'],
      ...outbound('ReceptionConfirmed'),
    });
    expect(outboundMessageOf(event)?.payload.personIds).toEqual([
      personIdOf(caseId, 'victim'),
      childPersonIdOf(caseId, 'c1'),
    ]);
  });
});

describe('inbound from senders before schema version 2', () => {
  const day = 24 * 60 * 60 * 1000;
  const person = { personId: caseId, name: { romanised: 'LO THI MAU', original: 'Lò Thị Mẫu' }, sex: 1 };
  const terms = {
    name: 'P',
    startsOn: { year: 2026, month: 12, day: 1 },
    endsOn: { year: 2027, month: 2, day: 28 },
    units: [{ agencyId: VN }],
  };
  const warrant = {
    issuingAuthority: 'A',
    number: 'W',
    issuedOn: { year: 2026, month: 11, day: 1 },
    offence: 'O',
  };
  const respondBy = toTimestamp(new Date('2026-12-05T00:00:00Z'));

  it.each([
    ['xborder.v1.RepatriationRequest', { victim: person }, 30],
    ['xborder.v1.SuspectHandoverRequest', { suspect: person, warrant }, 30],
    ['xborder.v1.JointOperationProposal', { terms }, 14],
  ])('%s: the deadline is respond_by, else this node sets it by policy', (type, payload, days) => {
    const deadlineOf = (extra: object) => {
      const result = inboundCommandOf(header(type), { ...payload, ...extra }, context);
      if (!result.ok) throw new Error(result.detail);
      return (result.command.data as { deadline: string }).deadline;
    };
    expect(deadlineOf({ respondBy })).toBe('2026-12-05T00:00:00Z');
    expect(deadlineOf({})).toBe(new Date(Date.parse(NOW) + days * day).toISOString().replace('.000Z', 'Z'));
  });

  it('records no child as received from a reception that names nobody', () => {
    const payload = { receivedAt: toTimestamp(new Date(NOW)), receivingUnit: 'U' };
    const result = inboundCommandOf(header('xborder.v1.RepatriationReceptionConfirmed'), payload, context);
    expect(result).toMatchObject({ ok: true, command: { data: { childIds: [] } } });
  });
});
