import { commandsOf, given } from '../testing/given';
import { applied, fromThem, NOW, OTHER, PERSON, queued, queuing, THEM, US } from '../testing/fixtures';
import { WantedPersonCommand } from './decide';
import { wantedPersonDecider as decider } from './decider';
import { describeWantedPersonEvent, WantedPersonEvent } from './events';
import { wantedPersonDeadlineStatus } from './state';

const cmd = commandsOf<WantedPersonCommand>();
const fold = (events: WantedPersonEvent[]) => events.reduce(decider.evolve, decider.initialState());

const CASE = '0193a7b2-0000-7000-8000-000000000601';
const HANDOVER = '0193a7b2-0000-7000-8000-000000000602';
const request = {
  caseId: CASE,
  suspect: { ...PERSON, sex: 'male' as const },
  warrantReference: 'LC-2026-0043',
  warrantIssuedBy: 'Investigation Police Agency, Lai Chau Provincial Police',
  warrantIssuedOn: '2026-11-02',
  offences: 'Trafficking in persons (art. 150)',
  warrantDocumentDigest: `sha256:${'cd'.repeat(32)}`,
  lastKnownPlace: 'Hekou',
  photos: [],
  deadline: '2026-11-30T10:00:00Z',
};
const arrest = { at: '2026-11-23T01:00:00Z', place: 'Hekou bus station', heldAt: 'Hekou detention centre' };
const link = { process: 'handover' as const, linkedCaseId: HANDOVER };

const requested: WantedPersonEvent = {
  type: 'WantedPersonRequested',
  data: {
    ...request,
    requestingAgency: US,
    requestedAgency: THEM,
    ...queued('m-req', 'WantedPersonRequest'),
  },
};
const acknowledgedByThem: WantedPersonEvent = {
  type: 'WantedPersonAcknowledged',
  data: { ...applied('in-ack') },
};
const arrestedByThem: WantedPersonEvent = {
  type: 'WantedPersonArrested',
  data: { outcome: 'arrested', ...arrest, ...applied('in-arr') },
};
const received: WantedPersonEvent = {
  type: 'WantedPersonRequestReceived',
  data: { ...request, requestingAgency: THEM, requestedAgency: US, ...applied('in-req') },
};
const acknowledgedByUs: WantedPersonEvent = {
  type: 'WantedPersonAcknowledged',
  data: {
    assignedUnit: 'Criminal police',
    note: 'On it.',
    ...queued('m-ack', 'WantedPersonAcknowledgement', 'in-req'),
  },
};
const arrestedByUs: WantedPersonEvent = {
  type: 'WantedPersonArrested',
  data: { outcome: 'arrested', ...arrest, ...queued('m-arr', 'WantedPersonOutcome', 'in-req') },
};

describe('wanted person: transitions', () => {
  it.each<[string, WantedPersonEvent[], WantedPersonCommand, WantedPersonEvent[], string]>([
    [
      'request',
      [],
      cmd('RequestWantedPerson', { ...request, counterpart: THEM }, queuing('m-req')),
      [requested],
      'requested',
    ],
    [
      'receive a request',
      [],
      cmd('ReceiveWantedPersonRequest', request, fromThem('in-req')),
      [received],
      'requested',
    ],
    [
      'acknowledge',
      [received],
      cmd('AcknowledgeWantedPerson', { assignedUnit: 'Criminal police', note: 'On it.' }, queuing('m-ack')),
      [acknowledgedByUs],
      'acknowledged',
    ],
    [
      'record their acknowledgement',
      [requested],
      cmd('RecordWantedPersonAcknowledgement', {}, fromThem('in-ack')),
      [acknowledgedByThem],
      'acknowledged',
    ],
    [
      'report progress',
      [requested, acknowledgedByThem],
      cmd('ReportWantedPersonProgress', { summary: 'New phone number.' }, queuing('m-p')),
      [
        {
          type: 'WantedPersonProgressReported',
          data: { summary: 'New phone number.', ...queued('m-p', 'WantedPersonProgress', 'm-req') },
        },
      ],
      'acknowledged',
    ],
    [
      'receive progress',
      [received, acknowledgedByUs],
      cmd('ReceiveWantedPersonProgress', { summary: 'Seen at the market.' }, fromThem('in-p')),
      [
        {
          type: 'WantedPersonProgressReported',
          data: { summary: 'Seen at the market.', ...applied('in-p') },
        },
      ],
      'acknowledged',
    ],
    [
      'record the arrest',
      [received, acknowledgedByUs],
      cmd('RecordWantedPersonArrest', arrest, queuing('m-arr')),
      [arrestedByUs],
      'arrested',
    ],
    [
      'record not found',
      [received, acknowledgedByUs],
      cmd('RecordWantedPersonNotFound', { note: 'Left the province.' }, queuing('m-nf')),
      [
        {
          type: 'WantedPersonNotFound',
          data: {
            outcome: 'not_found',
            note: 'Left the province.',
            ...queued('m-nf', 'WantedPersonOutcome', 'in-req'),
          },
        },
      ],
      'not_found',
    ],
    [
      'receive the arrest',
      [requested, acknowledgedByThem],
      cmd('RecordWantedPersonOutcome', { outcome: 'arrested', ...arrest }, fromThem('in-arr')),
      [arrestedByThem],
      'arrested',
    ],
    [
      'receive not found',
      [requested, acknowledgedByThem],
      cmd('RecordWantedPersonOutcome', { outcome: 'not_found', note: 'No trace.' }, fromThem('in-nf')),
      [
        {
          type: 'WantedPersonNotFound',
          data: { outcome: 'not_found', note: 'No trace.', ...applied('in-nf') },
        },
      ],
      'not_found',
    ],
    [
      'link the suspect hand-over (warrant side)',
      [requested, acknowledgedByThem, arrestedByThem],
      cmd('LinkCaseToWantedPerson', link, queuing('m-link')),
      [{ type: 'WantedPersonCaseLinked', data: { ...link, ...queued('m-link', 'WantedPersonCaseLink') } }],
      'arrested',
    ],
    [
      'receive the link (arresting side)',
      [received, acknowledgedByUs, arrestedByUs],
      cmd('ReceiveWantedPersonCaseLink', link, fromThem('in-link')),
      [{ type: 'WantedPersonCaseLinked', data: { ...link, ...applied('in-link') } }],
      'arrested',
    ],
    [
      'ignore a link already recorded',
      [
        received,
        acknowledgedByUs,
        arrestedByUs,
        { type: 'WantedPersonCaseLinked', data: { ...link, ...applied('in-link') } },
      ],
      cmd('LinkCaseToWantedPerson', link, queuing('m-link')),
      [],
      'arrested',
    ],
    [
      'ignore a repeated inbound message',
      [received],
      cmd('ReceiveWantedPersonRequest', request, fromThem('in-req')),
      [],
      'requested',
    ],
    [
      'record a rejection of the request',
      [requested],
      cmd('RecordRejection', { messageId: 'm-req', reason: 'INVALID_PAYLOAD' }, { actor: `agency:${THEM}` }),
      [
        {
          type: 'WantedPersonMessageRejected',
          data: { messageId: 'm-req', kind: 'WantedPersonRequest', reason: 'INVALID_PAYLOAD' },
        },
      ],
      'requested',
    ],
  ])('%s', (_label, history, command, events, status) => {
    expect(given(decider, history).when(command).then(events).status).toBe(status);
  });

  it('keeps the warrant, the progress, the arrest and the link in the state', () => {
    const state = fold([
      received,
      acknowledgedByUs,
      { type: 'WantedPersonProgressReported', data: { summary: 'theirs', ...applied('in-p') } },
      arrestedByUs,
      { type: 'WantedPersonCaseLinked', data: { ...link, ...applied('in-link') } },
    ]);
    expect(state).toMatchObject({
      status: 'arrested',
      ourSide: 'requested',
      counterpart: THEM,
      warrantReference: 'LC-2026-0043',
      warrantDocumentDigest: request.warrantDocumentDigest,
      acknowledgement: { assignedUnit: 'Criminal police' },
      progress: [{ summary: 'theirs', by: 'requesting', messageId: 'in-p' }],
      arrest,
      linkedCases: [link],
    });
    expect(state).not.toHaveProperty('arrest.outcome');
  });
});

describe('wanted person: refusals', () => {
  it.each<[string, WantedPersonEvent[], WantedPersonCommand, string]>([
    ['a step on no case', [], cmd('AcknowledgeWantedPerson', {}, queuing('m')), 'NOT_FOUND'],
    [
      'a second request',
      [requested],
      cmd('RequestWantedPerson', { ...request, counterpart: THEM }, queuing('m')),
      'ALREADY_EXISTS',
    ],
    [
      'a request without a warrant number',
      [],
      cmd('RequestWantedPerson', { ...request, warrantReference: '', counterpart: THEM }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a request without the issuing authority',
      [],
      cmd('ReceiveWantedPersonRequest', { ...request, warrantIssuedBy: ' ' }, fromThem('in')),
      'VALIDATION_FAILED',
    ],
    [
      'a warrant dated after today',
      [],
      cmd(
        'RequestWantedPerson',
        { ...request, warrantIssuedOn: '2026-11-25', counterpart: THEM },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'an inbound warrant date that is no date',
      [],
      cmd('ReceiveWantedPersonRequest', { ...request, warrantIssuedOn: '2026-02-30' }, fromThem('in')),
      'VALIDATION_FAILED',
    ],
    [
      'a warrant digest that is no SHA-256',
      [],
      cmd(
        'RequestWantedPerson',
        { ...request, warrantDocumentDigest: 'sha256:ab', counterpart: THEM },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a request without offences',
      [],
      cmd('RequestWantedPerson', { ...request, offences: '', counterpart: THEM }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'a suspect without a name',
      [],
      cmd(
        'RequestWantedPerson',
        { ...request, suspect: { ...PERSON, name: { original: '', romanised: '' } }, counterpart: THEM },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a deadline already passed',
      [],
      cmd(
        'RequestWantedPerson',
        { ...request, deadline: '2026-11-01T00:00:00Z', counterpart: THEM },
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a request to no agency',
      [],
      cmd('RequestWantedPerson', { ...request, counterpart: 'nobody' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'an inbound request from an officer',
      [],
      cmd('ReceiveWantedPersonRequest', request, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'the requester acknowledging',
      [requested],
      cmd('AcknowledgeWantedPerson', {}, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'a second acknowledgement',
      [received, acknowledgedByUs],
      cmd('AcknowledgeWantedPerson', {}, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'an acknowledgement from another agency',
      [requested],
      cmd('RecordWantedPersonAcknowledgement', {}, fromThem('in', OTHER)),
      'NOT_PERMITTED',
    ],
    [
      'progress before the acknowledgement',
      [requested],
      cmd('ReportWantedPersonProgress', { summary: 'x' }, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'empty progress',
      [requested, acknowledgedByThem],
      cmd('ReportWantedPersonProgress', { summary: '' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'an arrest before the acknowledgement',
      [received],
      cmd('RecordWantedPersonArrest', arrest, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'the warrant side recording an arrest',
      [requested, acknowledgedByThem],
      cmd('RecordWantedPersonArrest', arrest, queuing('m')),
      'NOT_PERMITTED',
    ],
    [
      'an arrest in the future',
      [received, acknowledgedByUs],
      cmd('RecordWantedPersonArrest', { ...arrest, at: '2026-11-24T00:00:00Z' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'an arrest without a place',
      [received, acknowledgedByUs],
      cmd('RecordWantedPersonArrest', { ...arrest, place: '' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'not found without a note',
      [received, acknowledgedByUs],
      cmd('RecordWantedPersonNotFound', { note: '' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'an inbound outcome without a result',
      [requested, acknowledgedByThem],
      cmd('RecordWantedPersonOutcome', { note: 'x' } as never, fromThem('in')),
      'VALIDATION_FAILED',
    ],
    [
      'a second outcome',
      [received, acknowledgedByUs, arrestedByUs],
      cmd('RecordWantedPersonNotFound', { note: 'x' }, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'a link before the arrest',
      [requested, acknowledgedByThem],
      cmd('LinkCaseToWantedPerson', link, queuing('m')),
      'INVALID_TRANSITION',
    ],
    [
      'a link to a repatriation',
      [requested, acknowledgedByThem, arrestedByThem],
      cmd(
        'LinkCaseToWantedPerson',
        { process: 'repatriation', linkedCaseId: HANDOVER } as never,
        queuing('m'),
      ),
      'VALIDATION_FAILED',
    ],
    [
      'a link to no UUID',
      [requested, acknowledgedByThem, arrestedByThem],
      cmd('LinkCaseToWantedPerson', { process: 'handover', linkedCaseId: 'h-1' }, queuing('m')),
      'VALIDATION_FAILED',
    ],
    [
      'an inbound link from another agency',
      [received, acknowledgedByUs, arrestedByUs],
      cmd('ReceiveWantedPersonCaseLink', link, fromThem('in', OTHER)),
      'NOT_PERMITTED',
    ],
  ])('%s', (_label, history, command, code) => {
    given(decider, history).when(command).then({ code });
  });
});

describe('wanted person: deadline and timeline', () => {
  it.each<[string, WantedPersonEvent[], string, string]>([
    ['awaiting the acknowledgement', [requested], NOW, 'on_time'],
    ['past the deadline', [requested], '2026-12-01T00:00:00Z', 'overdue'],
    ['acknowledged', [requested, acknowledgedByThem], '2026-12-01T00:00:00Z', 'met'],
  ])('%s', (_label, history, now, status) => {
    expect(wantedPersonDeadlineStatus(fold(history), now)).toBe(status);
  });

  it.each([requested, received, arrestedByUs])('describes $type without particulars', (event) => {
    expect(describeWantedPersonEvent(event)).not.toMatch(/Lo Thi|Lò|Hekou|LC-2026|000000000001/);
  });
});
