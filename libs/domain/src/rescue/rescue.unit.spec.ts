import { commandsOf, given } from '../testing/given';
import { applied, CHILD, fromThem, NOW, OTHER, PERSON, queued, queuing, THEM, US } from '../testing/fixtures';
import { LocateRescueCommand } from './decide';
import { locateRescueDecider as decider } from './decider';
import { describeLocateRescueEvent, LocateRescueEvent } from './events';
import { locateRescueDeadlineStatus } from './state';

const cmd = commandsOf<LocateRescueCommand>();
const fold = (events: LocateRescueEvent[]) => events.reduce(decider.evolve, decider.initialState());

const CASE = '0193a7b2-0000-7000-8000-000000000501';
const LINKED = '0193a7b2-0000-7000-8000-000000000502';
const request = {
  caseId: CASE,
  missingPerson: PERSON,
  lastContact: { date: '2026-10-30', place: 'Hekou', means: 'phone call' },
  phoneNumbers: ['+84 912 000 001'],
  suspectedPlace: 'Jinping county',
  photos: [{ sha256: 'ab'.repeat(32), mediaType: 'image/jpeg' }],
  circumstances: 'Left with a broker promising factory work.',
  deadline: '2026-11-30T10:00:00Z',
};
const located = { at: '2026-11-22T04:00:00Z', place: 'A village in Jinping' };
const rescued = {
  at: '2026-11-23T02:00:00Z',
  place: 'Jinping',
  person: { ...PERSON, accompanyingChildren: [{ person: CHILD, relationship: 'child' as const }] },
  heldAt: 'Hekou shelter',
};
const link = { process: 'repatriation' as const, linkedCaseId: LINKED };

// We ask them (requesting side).
const requested: LocateRescueEvent = {
  type: 'LocateRescueRequested',
  data: {
    ...request,
    requestingAgency: US,
    requestedAgency: THEM,
    ...queued('m-req', 'LocateRescueRequest'),
  },
};
const acknowledgedByThem: LocateRescueEvent = {
  type: 'LocateRescueAcknowledged',
  data: { assignedUnit: 'Hekou police', ...applied('in-ack') },
};
const locatedByThem: LocateRescueEvent = {
  type: 'MissingPersonLocated',
  data: { outcome: 'located', ...located, ...applied('in-loc') },
};
const rescuedByThem: LocateRescueEvent = {
  type: 'MissingPersonRescued',
  data: { outcome: 'rescued', ...rescued, ...applied('in-res') },
};
// They ask us (requested side).
const received: LocateRescueEvent = {
  type: 'LocateRescueRequestReceived',
  data: { ...request, requestingAgency: THEM, requestedAgency: US, ...applied('in-req') },
};
const acknowledgedByUs: LocateRescueEvent = {
  type: 'LocateRescueAcknowledged',
  data: { ...queued('m-ack', 'LocateRescueAcknowledgement', 'in-req') },
};
const locatedByUs: LocateRescueEvent = {
  type: 'MissingPersonLocated',
  data: { outcome: 'located', ...located, ...queued('m-loc', 'LocateRescueOutcome', 'in-req') },
};
const rescuedByUs: LocateRescueEvent = {
  type: 'MissingPersonRescued',
  data: { outcome: 'rescued', ...rescued, ...queued('m-res', 'LocateRescueOutcome', 'in-req') },
};

describe('locate and rescue: transitions', () => {
  it.each<[string, LocateRescueEvent[], LocateRescueCommand, LocateRescueEvent[], string]>([
    [
      'request',
      [],
      cmd('RequestLocateRescue', { ...request, counterpart: THEM }, queuing('m-req')),
      [requested],
      'requested',
    ],
    [
      'receive a request',
      [],
      cmd('ReceiveLocateRescueRequest', request, fromThem('in-req')),
      [received],
      'requested',
    ],
    [
      'acknowledge',
      [received],
      cmd('AcknowledgeLocateRescue', {}, queuing('m-ack')),
      [acknowledgedByUs],
      'acknowledged',
    ],
    [
      'record their acknowledgement',
      [requested],
      cmd('RecordLocateRescueAcknowledgement', { assignedUnit: 'Hekou police' }, fromThem('in-ack')),
      [acknowledgedByThem],
      'acknowledged',
    ],
    [
      'report progress (requested side)',
      [received, acknowledgedByUs],
      cmd('ReportLocateRescueProgress', { summary: 'Checked the village.' }, queuing('m-p1')),
      [
        {
          type: 'LocateRescueProgressReported',
          data: { summary: 'Checked the village.', ...queued('m-p1', 'LocateRescueProgress', 'in-req') },
        },
      ],
      'acknowledged',
    ],
    [
      'report progress (requesting side, after she was located)',
      [requested, acknowledgedByThem, locatedByThem],
      cmd('ReportLocateRescueProgress', { summary: 'She called home.' }, queuing('m-p2')),
      [
        {
          type: 'LocateRescueProgressReported',
          data: { summary: 'She called home.', ...queued('m-p2', 'LocateRescueProgress', 'm-req') },
        },
      ],
      'located',
    ],
    [
      'receive progress',
      [requested, acknowledgedByThem],
      cmd('ReceiveLocateRescueProgress', { summary: 'Phone traced.' }, fromThem('in-p')),
      [{ type: 'LocateRescueProgressReported', data: { summary: 'Phone traced.', ...applied('in-p') } }],
      'acknowledged',
    ],
    [
      'record located',
      [received, acknowledgedByUs],
      cmd('RecordPersonLocated', located, queuing('m-loc')),
      [locatedByUs],
      'located',
    ],
    [
      'record rescued after located',
      [received, acknowledgedByUs, locatedByUs],
      cmd('RecordPersonRescued', rescued, queuing('m-res')),
      [rescuedByUs],
      'rescued',
    ],
    [
      'record rescued straight away',
      [received, acknowledgedByUs],
      cmd('RecordPersonRescued', rescued, queuing('m-res')),
      [rescuedByUs],
      'rescued',
    ],
    [
      'record not found',
      [received, acknowledgedByUs, locatedByUs],
      cmd('RecordPersonNotFound', { note: 'Moved on; no trace.' }, queuing('m-nf')),
      [
        {
          type: 'MissingPersonNotFound',
          data: {
            outcome: 'not_found',
            note: 'Moved on; no trace.',
            ...queued('m-nf', 'LocateRescueOutcome', 'in-req'),
          },
        },
      ],
      'not_found',
    ],
    [
      'receive located',
      [requested, acknowledgedByThem],
      cmd('RecordLocateRescueOutcome', { outcome: 'located', ...located }, fromThem('in-loc')),
      [locatedByThem],
      'located',
    ],
    [
      'receive rescued',
      [requested, acknowledgedByThem, locatedByThem],
      cmd('RecordLocateRescueOutcome', { outcome: 'rescued', ...rescued }, fromThem('in-res')),
      [rescuedByThem],
      'rescued',
    ],
    [
      'receive not found',
      [requested, acknowledgedByThem],
      cmd('RecordLocateRescueOutcome', { outcome: 'not_found', note: 'No trace.' }, fromThem('in-nf')),
      [
        {
          type: 'MissingPersonNotFound',
          data: { outcome: 'not_found', note: 'No trace.', ...applied('in-nf') },
        },
      ],
      'not_found',
    ],
    [
      'link the repatriation that followed (rescuing side)',
      [received, acknowledgedByUs, rescuedByUs],
      cmd('LinkCaseToLocateRescue', link, queuing('m-link')),
      [{ type: 'LocateRescueCaseLinked', data: { ...link, ...queued('m-link', 'LocateRescueCaseLink') } }],
      'rescued',
    ],
    [
      'link a verification (requesting side)',
      [requested, acknowledgedByThem, rescuedByThem],
      cmd('LinkCaseToLocateRescue', { process: 'verification', linkedCaseId: LINKED }, queuing('m-link')),
      [
        {
          type: 'LocateRescueCaseLinked',
          data: {
            process: 'verification',
            linkedCaseId: LINKED,
            ...queued('m-link', 'LocateRescueCaseLink'),
          },
        },
      ],
      'rescued',
    ],
    [
      'receive a link',
      [requested, acknowledgedByThem, rescuedByThem],
      cmd('ReceiveLocateRescueCaseLink', link, fromThem('in-link')),
      [{ type: 'LocateRescueCaseLinked', data: { ...link, ...applied('in-link') } }],
      'rescued',
    ],
    [
      'ignore a link already recorded',
      [
        requested,
        acknowledgedByThem,
        rescuedByThem,
        { type: 'LocateRescueCaseLinked', data: { ...link, ...applied('in-link') } },
      ],
      cmd('LinkCaseToLocateRescue', link, queuing('m-link2')),
      [],
      'rescued',
    ],
    [
      'ignore a repeated inbound message',
      [requested, acknowledgedByThem],
      cmd('RecordLocateRescueAcknowledgement', {}, fromThem('in-ack')),
      [],
      'acknowledged',
    ],
    [
      'record the delivery of the request',
      [requested],
      cmd('RecordDelivery', { messageId: 'm-req' }, { actor: `agency:${THEM}` }),
      [{ type: 'LocateRescueMessageDelivered', data: { messageId: 'm-req', kind: 'LocateRescueRequest' } }],
      'requested',
    ],
  ])('%s', (_label, history, command, events, status) => {
    expect(given(decider, history).when(command).then(events).status).toBe(status);
  });

  it('keeps the request, the progress by side, the outcome and the links in the state', () => {
    const state = fold([
      requested,
      acknowledgedByThem,
      {
        type: 'LocateRescueProgressReported',
        data: { summary: 'ours', ...queued('m-p', 'LocateRescueProgress') },
      },
      { type: 'LocateRescueProgressReported', data: { summary: 'theirs', ...applied('in-p') } },
      locatedByThem,
      rescuedByThem,
      { type: 'LocateRescueCaseLinked', data: { ...link, ...applied('in-link') } },
      {
        type: 'LocateRescueMessageRejected',
        data: { messageId: 'm-p', kind: 'LocateRescueProgress', reason: 'X' },
      },
    ]);
    expect(state).toMatchObject({
      status: 'rescued',
      ourSide: 'requesting',
      counterpart: THEM,
      acknowledgement: { assignedUnit: 'Hekou police' },
      progress: [
        { summary: 'ours', by: 'requesting', messageId: 'm-p' },
        { summary: 'theirs', by: 'requested', messageId: 'in-p' },
      ],
      located,
      rescued,
      linkedCases: [link],
      trail: { messages: { 'm-p': { delivery: 'rejected' } } },
    });
    expect(state).not.toHaveProperty('rescued.outcome');
    expect(state).not.toHaveProperty('outbound');
  });
});

describe('locate and rescue: refusals', () => {
  it.each<[string, LocateRescueEvent[], LocateRescueCommand, string]>([
    ['a step on no case', [], cmd('AcknowledgeLocateRescue', {}, queuing('m')), 'NOT_FOUND'],
    ['a receipt on no case', [], cmd('RecordDelivery', { messageId: 'm' }), 'NOT_FOUND'],
    [
      'a second request',
      [received],
      cmd('ReceiveLocateRescueRequest', request, fromThem('in-2')),
      'ALREADY_EXISTS',
    ],
    [
      'a request to ourselves',
      [],
      cmd('RequestLocateRescue', { ...request, counterpart: US }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a request without a message id',
      [],
      cmd('RequestLocateRescue', { ...request, counterpart: THEM }),
      'VALIDATION_FAILED',
    ],
    [
      'a request from a counterpart as if an officer',
      [],
      cmd('RequestLocateRescue', { ...request, counterpart: THEM }, fromThem('in')),
      'NOT_PERMITTED',
    ],
    [
      'an inbound request from an officer',
      [],
      cmd('ReceiveLocateRescueRequest', request, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'a deadline already passed',
      [],
      cmd(
        'RequestLocateRescue',
        { ...request, deadline: '2026-11-22T00:00:00Z', counterpart: THEM },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a last contact in the future',
      [],
      cmd(
        'RequestLocateRescue',
        { ...request, lastContact: { date: '2026-11-25', place: 'Hekou' }, counterpart: THEM },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a last contact without a place',
      [],
      cmd(
        'ReceiveLocateRescueRequest',
        { ...request, lastContact: { date: '2026-11-01', place: ' ' } },
        fromThem('in'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a phone number that is no number',
      [],
      cmd('RequestLocateRescue', { ...request, phoneNumbers: ['call her'], counterpart: THEM }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a photo digest that is no SHA-256',
      [],
      cmd(
        'ReceiveLocateRescueRequest',
        { ...request, photos: [{ sha256: 'abc', mediaType: 'image/jpeg' }] },
        fromThem('in'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a photo that is no image',
      [],
      cmd(
        'ReceiveLocateRescueRequest',
        { ...request, photos: [{ sha256: 'ab'.repeat(32), mediaType: 'text/plain' }] },
        fromThem('in'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a missing person without a name',
      [],
      cmd(
        'RequestLocateRescue',
        {
          ...request,
          missingPerson: { ...PERSON, name: { original: '', romanised: '' } },
          counterpart: THEM,
        },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a request without circumstances',
      [],
      cmd('RequestLocateRescue', { ...request, circumstances: '', counterpart: THEM }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a case id that is no UUID',
      [],
      cmd('RequestLocateRescue', { ...request, caseId: 'r-1', counterpart: THEM }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'the requester acknowledging',
      [requested],
      cmd('AcknowledgeLocateRescue', {}, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'a second acknowledgement',
      [received, acknowledgedByUs],
      cmd('AcknowledgeLocateRescue', {}, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'an acknowledgement from another agency',
      [requested],
      cmd('RecordLocateRescueAcknowledgement', {}, fromThem('in', OTHER)),
      'NOT_PERMITTED',
    ],
    [
      'an acknowledgement from the requesting side',
      [received],
      cmd('RecordLocateRescueAcknowledgement', {}, fromThem('in')),
      'NOT_PERMITTED',
    ],
    [
      'progress before the acknowledgement',
      [received],
      cmd('ReportLocateRescueProgress', { summary: 'x' }, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'empty progress',
      [received, acknowledgedByUs],
      cmd('ReportLocateRescueProgress', { summary: ' ' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'progress after the rescue',
      [received, acknowledgedByUs, rescuedByUs],
      cmd('ReportLocateRescueProgress', { summary: 'x' }, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'located before the acknowledgement',
      [received],
      cmd('RecordPersonLocated', located, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'located twice',
      [received, acknowledgedByUs, locatedByUs],
      cmd('RecordPersonLocated', located, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'an inbound located after located',
      [requested, acknowledgedByThem, locatedByThem],
      cmd('RecordLocateRescueOutcome', { outcome: 'located', ...located }, fromThem('in-2')),
      'INVALID_TRANSITION',
    ],
    [
      'the requesting side recording a rescue',
      [requested, acknowledgedByThem],
      cmd('RecordPersonRescued', rescued, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'a rescue in the future',
      [received, acknowledgedByUs],
      cmd('RecordPersonRescued', { ...rescued, at: '2026-11-24T00:00:00Z' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a rescue without particulars',
      [received, acknowledgedByUs],
      cmd('RecordPersonRescued', { at: rescued.at, place: 'Jinping' } as never, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a rescue without a place',
      [received, acknowledgedByUs],
      cmd('RecordPersonRescued', { ...rescued, place: '' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'not found without a note',
      [received, acknowledgedByUs],
      cmd('RecordPersonNotFound', { note: '' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'an inbound outcome without a result',
      [requested, acknowledgedByThem],
      cmd('RecordLocateRescueOutcome', { note: 'x' } as never, fromThem('in')),
      'VALIDATION_FAILED',
    ],
    [
      'an outcome after the search ended',
      [received, acknowledgedByUs, rescuedByUs],
      cmd('RecordPersonNotFound', { note: 'x' }, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'a link before the rescue',
      [received, acknowledgedByUs, locatedByUs],
      cmd('LinkCaseToLocateRescue', link, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'a link to a suspect hand-over',
      [received, acknowledgedByUs, rescuedByUs],
      cmd('LinkCaseToLocateRescue', { process: 'handover', linkedCaseId: LINKED } as never, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a link to the case itself',
      [received, acknowledgedByUs, rescuedByUs],
      cmd('LinkCaseToLocateRescue', { process: 'repatriation', linkedCaseId: CASE }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a link after the search ended without her',
      [
        requested,
        acknowledgedByThem,
        { type: 'MissingPersonNotFound', data: { outcome: 'not_found', note: 'x', ...applied('in-nf') } },
      ],
      cmd('ReceiveLocateRescueCaseLink', link, fromThem('in-l')),
      'INVALID_TRANSITION',
    ],
    [
      'a receipt for a message the case did not queue',
      [requested],
      cmd('RecordDelivery', { messageId: 'other' }),
      'NOT_FOUND',
    ],
  ])('%s', (_label, history, command, code) => {
    given(decider, history).when(command).then({ code });
  });

  it('names the refused fields, never their values', () => {
    const result = decider.decide(
      cmd(
        'RequestLocateRescue',
        { ...request, phoneNumbers: ['call 0912'], counterpart: THEM },
        queuing('m'),
      ),
      fold([]),
    );
    expect(result).toMatchObject({ code: 'VALIDATION_FAILED', fields: ['phoneNumbers[0]'] });
    expect(JSON.stringify(result)).not.toContain('0912');
  });
});

describe('locate and rescue: deadline and timeline', () => {
  it.each<[string, LocateRescueEvent[], string, string]>([
    ['awaiting the acknowledgement', [requested], NOW, 'on_time'],
    ['within a day of the deadline', [requested], '2026-11-29T12:00:00Z', 'due_soon'],
    ['past the deadline', [requested], '2026-12-01T00:00:00Z', 'overdue'],
    ['acknowledged', [requested, acknowledgedByThem], '2026-12-01T00:00:00Z', 'met'],
    ['no case', [], NOW, 'none'],
  ])('%s', (_label, history, now, status) => {
    expect(locateRescueDeadlineStatus(fold(history), now)).toBe(status);
  });

  it.each([requested, received, rescuedByUs, locatedByThem])(
    'describes $type without particulars',
    (event) => {
      expect(describeLocateRescueEvent(event)).not.toMatch(/Lo Thi|Lò|Jinping|Hekou|0912|000000000001/);
    },
  );
});
