import { commandsOf, given } from '../testing/given';
import { NOW, PERSON } from '../testing/fixtures';
import { PersonCommand, PersonEvent, personDecider as decider, personsOf } from './person-register';

const cmd = commandsOf<PersonCommand>();
const ME = '0193a7b2-0000-7000-8000-0000000000a1';
const OTHER = '0193a7b2-0000-7000-8000-0000000000a2';
const CASE = '0193a7b2-0000-7000-8000-000000000101';
const BLIND = { names: [[{ fine: ['x'], coarse: ['y'], tonal: [], generic: false }]], dobYear: 'z' };
const WHO = { by: 'officer:7', at: NOW };
const link = { caseId: CASE, category: 'verification', role: 'subject' };

const recorded: PersonEvent = {
  type: 'PersonRecorded',
  data: { personId: ME, particulars: PERSON, placeOfOrigin: 'VN-01', blindIndex: BLIND, ...WHO },
};
const linked: PersonEvent = { type: 'CaseRecordLinked', data: { ...link, ...WHO } };
const confirmed: PersonEvent = {
  type: 'MatchConfirmed',
  data: { otherPersonId: OTHER, score: 0.83, ...WHO },
};
const rejected: PersonEvent = {
  type: 'MatchRejected',
  data: { otherPersonId: OTHER, reason: 'another village', ...WHO },
};
const mergedInto: PersonEvent = { type: 'PersonMergedInto', data: { intoPersonId: OTHER, ...WHO } };
const undone: PersonEvent = {
  type: 'MergeUndone',
  data: { mergedPersonId: OTHER, reason: 'different mother', ...WHO },
};
const restored: PersonEvent = {
  type: 'PersonRestored',
  data: { fromPersonId: OTHER, reason: 'different mother', ...WHO },
};

describe('person register: transitions', () => {
  it.each<[string, PersonEvent[], PersonCommand, PersonEvent[], string]>([
    [
      'record a person',
      [],
      cmd('RecordPerson', { personId: ME, particulars: PERSON, placeOfOrigin: 'VN-01', blindIndex: BLIND }),
      [recorded],
      'active',
    ],
    [
      'record a person met in a case',
      [],
      cmd('RecordPerson', {
        personId: ME,
        particulars: PERSON,
        placeOfOrigin: 'VN-01',
        blindIndex: BLIND,
        firstRecord: link,
      }),
      [recorded, linked],
      'active',
    ],
    ['link a case record', [recorded], cmd('LinkCaseRecord', link), [linked], 'active'],
    [
      'link the same case record again: nothing new',
      [recorded, linked],
      cmd('LinkCaseRecord', link),
      [],
      'active',
    ],
    [
      'confirm a match',
      [recorded],
      cmd('ConfirmMatch', { otherPersonId: OTHER, score: 0.83 }),
      [confirmed],
      'active',
    ],
    [
      'confirm a match twice: nothing new',
      [recorded, confirmed],
      cmd('ConfirmMatch', { otherPersonId: OTHER, score: 0.83 }),
      [],
      'active',
    ],
    [
      'confirm a match once rejected',
      [recorded, rejected],
      cmd('ConfirmMatch', { otherPersonId: OTHER, score: 0.83 }),
      [confirmed],
      'active',
    ],
    [
      'reject a match',
      [recorded],
      cmd('RejectMatch', { otherPersonId: OTHER, reason: 'another village' }),
      [rejected],
      'active',
    ],
    [
      'reject a match twice: nothing new',
      [recorded, rejected],
      cmd('RejectMatch', { otherPersonId: OTHER, reason: 'another village' }),
      [],
      'active',
    ],
    [
      'be merged into another person',
      [recorded],
      cmd('MarkMergedInto', { intoPersonId: OTHER }),
      [mergedInto],
      'merged',
    ],
    [
      'be merged into the same person again: nothing new',
      [recorded, mergedInto],
      cmd('MarkMergedInto', { intoPersonId: OTHER }),
      [],
      'merged',
    ],
    [
      'undo a merge (split)',
      [recorded, confirmed],
      cmd('UndoMerge', { mergedPersonId: OTHER, reason: 'different mother' }),
      [undone],
      'active',
    ],
    [
      'be restored after a split',
      [recorded, mergedInto],
      cmd('RestoreFromMerge', { fromPersonId: OTHER, reason: 'different mother' }),
      [restored],
      'active',
    ],
  ])('%s', (_name, history, command, events, status) => {
    expect(given(decider, history).when(command).then(events).status).toBe(status);
  });

  it('keeps the confirmed and rejected matches and the linked cases in the state', () => {
    const state = given(decider, [recorded, linked, confirmed])
      .when(cmd('LinkCaseRecord', { ...link, role: 'victim' }))
      .then([{ type: 'CaseRecordLinked', data: { ...link, role: 'victim', ...WHO } }]);
    expect(state).toMatchObject({
      absorbed: [OTHER],
      rejected: [],
      cases: [link, { ...link, role: 'victim' }],
    });
    const split = given(decider, [recorded, confirmed])
      .when(cmd('UndoMerge', { mergedPersonId: OTHER, reason: 'x' }))
      .then([{ type: 'MergeUndone', data: { mergedPersonId: OTHER, reason: 'x', ...WHO } }]);
    expect(split).toMatchObject({ absorbed: [] });
  });
});

describe('person register: refusals', () => {
  it.each<[string, PersonEvent[], PersonCommand, string]>([
    [
      'record an existing person',
      [recorded],
      cmd('RecordPerson', { personId: ME, particulars: PERSON, blindIndex: BLIND }),
      'ALREADY_EXISTS',
    ],
    [
      'record without a valid id',
      [],
      cmd('RecordPerson', { personId: 'x', particulars: PERSON, blindIndex: BLIND }),
      'VALIDATION_FAILED',
    ],
    [
      'record without a romanised name',
      [],
      cmd('RecordPerson', {
        personId: ME,
        particulars: { ...PERSON, name: { original: 'Lò', romanised: '' } },
        blindIndex: BLIND,
      }),
      'VALIDATION_FAILED',
    ],
    [
      'record without blind indexes',
      [],
      cmd('RecordPerson', { personId: ME, particulars: PERSON, blindIndex: undefined as never }),
      'VALIDATION_FAILED',
    ],
    [
      'record with a malformed place',
      [],
      cmd('RecordPerson', {
        personId: ME,
        particulars: PERSON,
        placeOfOrigin: 'Lai Chau',
        blindIndex: BLIND,
      }),
      'VALIDATION_FAILED',
    ],
    [
      'record with a malformed first case record',
      [],
      cmd('RecordPerson', {
        personId: ME,
        particulars: PERSON,
        blindIndex: BLIND,
        firstRecord: { ...link, caseId: 'c' },
      }),
      'VALIDATION_FAILED',
    ],
    ['link a case record to no person', [], cmd('LinkCaseRecord', link), 'NOT_FOUND'],
    [
      'link a malformed case record',
      [recorded],
      cmd('LinkCaseRecord', { ...link, role: '' }),
      'VALIDATION_FAILED',
    ],
    [
      'link a case record to a merged person',
      [recorded, mergedInto],
      cmd('LinkCaseRecord', link),
      'INVALID_TRANSITION',
    ],
    ['confirm a match with no person', [], cmd('ConfirmMatch', { otherPersonId: OTHER }), 'NOT_FOUND'],
    [
      'confirm a match with oneself',
      [recorded],
      cmd('ConfirmMatch', { otherPersonId: ME }),
      'VALIDATION_FAILED',
    ],
    [
      'confirm a match with a score out of range',
      [recorded],
      cmd('ConfirmMatch', { otherPersonId: OTHER, score: 3 }),
      'VALIDATION_FAILED',
    ],
    [
      'confirm a match on a merged person',
      [recorded, mergedInto],
      cmd('ConfirmMatch', { otherPersonId: OTHER }),
      'INVALID_TRANSITION',
    ],
    [
      'reject a match with oneself',
      [recorded],
      cmd('RejectMatch', { otherPersonId: ME }),
      'VALIDATION_FAILED',
    ],
    [
      'reject a merged match',
      [recorded, confirmed],
      cmd('RejectMatch', { otherPersonId: OTHER }),
      'INVALID_TRANSITION',
    ],
    [
      'reject a match on a merged person',
      [recorded, mergedInto],
      cmd('RejectMatch', { otherPersonId: OTHER }),
      'INVALID_TRANSITION',
    ],
    ['merge into oneself', [recorded], cmd('MarkMergedInto', { intoPersonId: ME }), 'VALIDATION_FAILED'],
    [
      'merge into a second person',
      [recorded, mergedInto],
      cmd('MarkMergedInto', { intoPersonId: '0193a7b2-0000-7000-8000-0000000000a3' }),
      'INVALID_TRANSITION',
    ],
    [
      'undo a merge that was not made',
      [recorded],
      cmd('UndoMerge', { mergedPersonId: OTHER, reason: 'x' }),
      'INVALID_TRANSITION',
    ],
    [
      'undo a merge without a reason',
      [recorded, confirmed],
      cmd('UndoMerge', { mergedPersonId: OTHER, reason: '' }),
      'VALIDATION_FAILED',
    ],
    [
      'undo a merge on a merged person',
      [recorded, mergedInto],
      cmd('UndoMerge', { mergedPersonId: OTHER, reason: 'x' }),
      'INVALID_TRANSITION',
    ],
    [
      'restore a person not merged',
      [recorded],
      cmd('RestoreFromMerge', { fromPersonId: OTHER, reason: 'x' }),
      'INVALID_TRANSITION',
    ],
    [
      'restore from the wrong person',
      [recorded, mergedInto],
      cmd('RestoreFromMerge', { fromPersonId: '0193a7b2-0000-7000-8000-0000000000a3', reason: 'x' }),
      'INVALID_TRANSITION',
    ],
    [
      'restore without a reason',
      [recorded, mergedInto],
      cmd('RestoreFromMerge', { fromPersonId: OTHER, reason: '' }),
      'VALIDATION_FAILED',
    ],
    ['restore no person', [], cmd('RestoreFromMerge', { fromPersonId: OTHER, reason: 'x' }), 'NOT_FOUND'],
  ])('refuses to %s', (_name, history, command, code) => {
    given(decider, history).when(command).then({ code });
  });

  it('names fields, never particulars, in a refusal', () => {
    const result = decider.decide(
      cmd('RecordPerson', {
        personId: ME,
        particulars: { ...PERSON, name: { original: 'Lò Thị Mẫu', romanised: '' } },
        blindIndex: BLIND,
      }),
      decider.initialState(),
    );
    expect(JSON.stringify(result)).not.toContain('Lò');
    expect(result).toMatchObject({ fields: ['particulars.name.romanised'] });
  });
});

describe('persons a record stands for', () => {
  it('follows merges transitively, once each', () => {
    const absorbed: Record<string, string[]> = { a: ['b', 'c'], b: ['d'], c: ['a'], d: [] };
    expect(personsOf('a', (id) => absorbed[id] ?? [])).toEqual(['a', 'b', 'c', 'd']);
  });
});
