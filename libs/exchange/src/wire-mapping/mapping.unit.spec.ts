import { DECIDERS, DomainEvent, isDomainError, OUTBOUND_KINDS } from '@xb/domain';
import { PAYLOAD_MESSAGES, PAYLOAD_TYPES, toTimestamp, v1 } from '@xb/envelope';
import { deliveryCommandOf } from './delivery';
import { inboundCommandOf, isCasePayloadType, NON_CASE_PAYLOAD_TYPES } from './inbound';
import { outboundMappingOf, outboundMessageOf, outboundMessageOfWith } from './outbound';
import { WIRE } from './table';
import { CN, NOW, VN } from '../testing/wire-conversation';
import { caseId, context, header, messageId, outbound, recorded } from '../testing/single-message';

describe('completeness', () => {
  it.each(OUTBOUND_KINDS)('outbound kind %s has a mapping', (kind) => {
    expect(WIRE[kind].toWire).toBeInstanceOf(Function);
  });

  it.each(PAYLOAD_TYPES)('payload type %s maps to a command or is declared not a case message', (type) => {
    const mapped = isCasePayloadType(type);
    const excluded = Object.prototype.hasOwnProperty.call(NON_CASE_PAYLOAD_TYPES, type);
    expect([mapped, excluded]).toEqual(mapped ? [true, false] : [false, true]);
  });
});

describe('outbound refusals', () => {
  it('refuses to map a payload that would break the contract (a linked case id that is not a UUID)', () => {
    const event = recorded('jointop', 'JointOperationCaseLinked', {
      process: 'verification',
      linkedCaseId: 'v-17',
      ...outbound('JointOperationCaseLink'),
    });
    expect(outboundMappingOf(event)).toMatchObject({ kind: 'unsendable', reason: 'INVALID_PAYLOAD' });
    expect(JSON.stringify(outboundMappingOf(event))).not.toContain('v-17');
  });

  it('refuses to map an event of a case whose id is not a UUID (the correlation id must be one)', () => {
    const event = { ...recorded('notice', 'InformationNoticeSent', {}), streamId: 'notice-n-1' };
    const data = {
      caseId: 'n-1',
      category: 'criminal_method',
      title: 't',
      content: 'c',
      sender: VN,
      recipient: CN,
    };
    expect(
      outboundMappingOf({ ...event, data: { ...data, ...outbound('InformationNotice') } }),
    ).toMatchObject({
      kind: 'unsendable',
      reason: 'INVALID_PAYLOAD',
    });
  });

  it('maps nothing for events without outbound and for events outside a process stream', () => {
    expect(outboundMessageOf(recorded('verification', 'VerificationClosed', {}))).toBeUndefined();
    const applied = recorded('verification', 'VerificationWithdrawn', {
      reason: 'x',
      inbound: { messageId, counterpart: CN },
    });
    expect(outboundMappingOf(applied)).toEqual({ kind: 'none' });
    const elsewhere = {
      ...recorded('verification', 'VerificationWithdrawn', {}),
      streamId: `audit-${caseId}`,
    };
    expect(
      outboundMappingOf({ ...elsewhere, data: { reason: 'x', ...outbound('VerificationWithdrawal') } }),
    ).toEqual({ kind: 'none' });
  });

  it('reads gate times at the agreed offset', () => {
    const schedule = {
      borderGate: 'G',
      date: '2026-12-02',
      time: '09:30',
      receivingUnit: 'U',
      revision: 1,
      proposedBy: VN,
    };
    const event = recorded('repatriation', 'RepatriationHandoverScheduled', {
      schedule,
      ...outbound('HandoverScheduling'),
    });
    const at = (offset?: number) =>
      (
        (offset === undefined
          ? outboundMessageOf(event)
          : outboundMessageOfWith({ gateUtcOffsetMinutes: offset })(event))!.payload.scheduledAt as {
          seconds: { toNumber(): number };
        }
      ).seconds.toNumber();
    expect(new Date(at() * 1000).toISOString()).toBe('2026-12-02T02:30:00.000Z');
    expect(new Date(at(480) * 1000).toISOString()).toBe('2026-12-02T01:30:00.000Z');
  });
});

describe('inbound refusals', () => {
  it('refuses a type no process knows as UNSUPPORTED_TYPE', () => {
    expect(inboundCommandOf(header('xborder.v1.Unknown'), {}, context)).toMatchObject({
      ok: false,
      reason: 'UNSUPPORTED_TYPE',
    });
    expect(inboundCommandOf(header('xborder.v1.AuditSealHead'), {}, context)).toMatchObject({
      ok: false,
      reason: 'UNSUPPORTED_TYPE',
    });
    expect(inboundCommandOf(header('toString'), {}, context)).toMatchObject({
      ok: false,
      reason: 'UNSUPPORTED_TYPE',
    });
  });

  it('refuses a payload that breaks the contract as INVALID_PAYLOAD, naming fields only', () => {
    const person = { personId: caseId, name: { original: 'Lò Thị Mẫu' } }; // no romanised name
    const payload = {
      subjectRole: 1,
      person,
      points: [1],
      answerBy: toTimestamp(new Date('2026-12-01T00:00:00Z')),
    };
    const result = inboundCommandOf(header('xborder.v1.VerificationRequest'), payload, context);
    expect(result).toMatchObject({ ok: false, reason: 'INVALID_PAYLOAD' });
    expect(JSON.stringify(result)).toContain('person.name.romanised');
    expect(JSON.stringify(result)).not.toContain('Lò');
  });

  it('refuses a valid payload the domain has no place for (a criminal case link) as INVALID_PAYLOAD', () => {
    const payload = { caseKind: v1.CaseKind.CASE_KIND_CRIMINAL_CASE, fileReference: '45/2026' };
    const result = inboundCommandOf(header('xborder.v1.JointOperationCaseLinked'), payload, context);
    expect(result).toMatchObject({ ok: false, reason: 'INVALID_PAYLOAD' });
  });

  it('refuses a header without a case', () => {
    const payload = { decision: 1 };
    const result = inboundCommandOf(
      header('xborder.v1.RepatriationDecision', { correlationId: '' }),
      payload,
      context,
    );
    expect(result).toMatchObject({ ok: false, reason: 'INVALID_PAYLOAD' });
  });

  it('leaves the rules the contract states in words to the decider, which names the field', () => {
    // A day of the month that the month does not have (2005 is no leap year).
    const person = {
      personId: caseId,
      name: { romanised: 'LO THI MAU' },
      dateOfBirth: { year: 2005, month: 2, day: 29 },
    };
    const payload = {
      subjectRole: 1,
      person,
      points: [1],
      answerBy: toTimestamp(new Date('2026-12-01T00:00:00Z')),
    };
    const result = inboundCommandOf(header('xborder.v1.VerificationRequest'), payload, context);
    if (!result.ok) throw new Error(result.detail);
    expect(result.command.type).toBe('ReceiveVerificationRequest');
    const decided = DECIDERS.verification.decide(
      result.command as never,
      DECIDERS.verification.initialState(),
    );
    expect(isDomainError(decided) && decided.code).toBe('VALIDATION_FAILED');
    expect(isDomainError(decided) && decided.fields).toEqual(['subject.person.dateOfBirth']);
  });
});

describe('inbound forms', () => {
  const person = { personId: caseId, name: { romanised: 'LO THI MAU', original: 'Lò Thị Mẫu' }, sex: 1 };
  const payload = {
    subjectRole: 1,
    person,
    points: [2],
    answerBy: toTimestamp(new Date('2026-12-01T00:00:00Z')),
    circumstances: 'Found in Hekou',
  };

  it('maps a message instance and its plain-object form (enum names, number seconds) alike', () => {
    const instance = PAYLOAD_MESSAGES['xborder.v1.VerificationRequest'].fromObject(payload);
    const plain = PAYLOAD_MESSAGES['xborder.v1.VerificationRequest'].toObject(instance, {
      enums: String,
      longs: Number,
    });
    const fromInstance = inboundCommandOf(
      header('xborder.v1.VerificationRequest'),
      instance as never,
      context,
    );
    const fromPlain = inboundCommandOf(header('xborder.v1.VerificationRequest'), plain, context);
    expect(fromPlain).toEqual(fromInstance);
    expect(fromInstance).toMatchObject({
      ok: true,
      category: 'verification',
      caseId,
      command: {
        type: 'ReceiveVerificationRequest',
        data: {
          caseId,
          purposes: ['nationality'],
          details: 'Found in Hekou',
          deadline: '2026-12-01T00:00:00Z',
        },
        metadata: { now: NOW, actor: `agency:${CN}`, agencyId: VN, messageId },
      },
    });
  });

  it('maps a follow-up VerificationRequest (with a causation id) to another round', () => {
    const result = inboundCommandOf(
      header('xborder.v1.VerificationRequest', { causationId: caseId }),
      payload,
      context,
    );
    expect(result).toMatchObject({
      ok: true,
      command: {
        type: 'ReceiveAdditionalInformation',
        data: { information: 'Found in Hekou', deadline: '2026-12-01T00:00:00Z' },
      },
    });
  });
});

describe('deliveryCommandOf', () => {
  const receipt = {
    messageId,
    correlationId: caseId,
    receiver: CN,
    envelopeSha256: '00'.repeat(32),
    receivedAt: NOW,
  };

  it('turns an accepted receipt into RecordDelivery and a rejected one into RecordRejection', () => {
    expect(deliveryCommandOf('notice', caseId, { ...receipt, status: 'accepted' }, context)).toEqual({
      category: 'notice',
      caseId,
      command: {
        type: 'RecordDelivery',
        data: { messageId },
        metadata: { now: NOW, actor: `agency:${CN}`, agencyId: VN },
      },
    });
    const rejected = deliveryCommandOf(
      'notice',
      caseId,
      { ...receipt, status: 'rejected', reason: 'INVALID_PAYLOAD' },
      context,
    );
    expect(rejected?.command).toMatchObject({
      type: 'RecordRejection',
      data: { messageId, reason: 'INVALID_PAYLOAD' },
    });
  });

  it("is applied by the case's decider", () => {
    const sent: DomainEvent = {
      type: 'InformationNoticeSent',
      data: {
        caseId,
        category: 'criminal_method',
        title: 't',
        content: 'c',
        sender: VN,
        recipient: CN,
        ...outbound('InformationNotice'),
      },
    };
    const state = DECIDERS.notice.evolve(DECIDERS.notice.initialState(), sent as never);
    const rejected = deliveryCommandOf('notice', caseId, { ...receipt, status: 'rejected' }, context)!;
    expect(DECIDERS.notice.decide(rejected.command as never, state)).toEqual([
      {
        type: 'InformationNoticeMessageRejected',
        data: { messageId, kind: 'InformationNotice', reason: 'REJECTED' },
      },
    ]);
  });

  it('has nothing for a category that is no process', () => {
    expect(
      deliveryCommandOf('outbound-message', caseId, { ...receipt, status: 'accepted' }, context),
    ).toBeUndefined();
  });
});
