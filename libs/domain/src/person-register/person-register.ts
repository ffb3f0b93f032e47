/**
 * The person register of a node (docs/persons.md): one stream per person, `person-<personId>`. A person is
 * recorded with particulars (names in their own script and romanised, date of birth exact or estimated,
 * documents, relatives named, places); the records that cases keep of them are linked to the person; the matcher
 * proposes candidates, and only an officer confirms (a merge) or rejects them. A merge is two events, one on each
 * person's stream (the survivor absorbs, the other is marked merged into it); a split undoes it the same way.
 * Nothing is deleted: a merge undone leaves both events and their undoing in the streams and the audit trail.
 */
import { Command, Decider, DomainError, DomainEvent, domainError } from '../decider';
import { PersonParticulars, personProblems } from '../shared/person';
import { invalidTransition, notFound, validationFailed, alreadyExists } from '../shared/refusals';
import { isNonEmptyText, isUuid, prefixed, problems } from '../shared/values';

/**
 * The blind indexes the candidate index is rebuilt from (libs/persons `BlindRecord`): computed outside the
 * domain under the node's secret, opaque here. Kept beside the particulars so that the index never needs them.
 */
export type PersonBlindIndex = Readonly<Record<string, unknown>>;

/** A case's record of a person: which case, of which process, in which role. */
export interface CaseRecordLink {
  readonly caseId: string;
  readonly category: string;
  /** victim, child, suspect, subject, person_named. */
  readonly role: string;
}

export type RecordPerson = Command<
  'RecordPerson',
  {
    readonly personId: string;
    readonly particulars: PersonParticulars;
    /** ISO 3166-2 code of the place of origin as told (VN-02), or a country code. */
    readonly placeOfOrigin?: string;
    readonly blindIndex: PersonBlindIndex;
    /** The case record the person was first met in. */
    readonly firstRecord?: CaseRecordLink;
  }
>;
export type LinkCaseRecord = Command<'LinkCaseRecord', CaseRecordLink>;
export type ConfirmMatch = Command<
  'ConfirmMatch',
  { readonly otherPersonId: string; readonly score?: number }
>;
export type RejectMatch = Command<
  'RejectMatch',
  { readonly otherPersonId: string; readonly reason?: string }
>;
export type MarkMergedInto = Command<'MarkMergedInto', { readonly intoPersonId: string }>;
export type UndoMerge = Command<'UndoMerge', { readonly mergedPersonId: string; readonly reason: string }>;
export type RestoreFromMerge = Command<
  'RestoreFromMerge',
  { readonly fromPersonId: string; readonly reason: string }
>;

export type PersonCommand =
  RecordPerson | LinkCaseRecord | ConfirmMatch | RejectMatch | MarkMergedInto | UndoMerge | RestoreFromMerge;

interface Who {
  readonly by: string;
  readonly at: string;
}

export type PersonEvent =
  | DomainEvent<
      'PersonRecorded',
      {
        readonly personId: string;
        readonly particulars: PersonParticulars;
        readonly placeOfOrigin?: string;
        readonly blindIndex: PersonBlindIndex;
      } & Who
    >
  | DomainEvent<'CaseRecordLinked', CaseRecordLink & Who>
  | DomainEvent<'MatchConfirmed', { readonly otherPersonId: string; readonly score?: number } & Who>
  | DomainEvent<'MatchRejected', { readonly otherPersonId: string; readonly reason?: string } & Who>
  | DomainEvent<'PersonMergedInto', { readonly intoPersonId: string } & Who>
  | DomainEvent<'MergeUndone', { readonly mergedPersonId: string; readonly reason: string } & Who>
  | DomainEvent<'PersonRestored', { readonly fromPersonId: string; readonly reason: string } & Who>;

export const PERSON_EVENT_TYPES: readonly PersonEvent['type'][] = [
  'PersonRecorded',
  'CaseRecordLinked',
  'MatchConfirmed',
  'MatchRejected',
  'PersonMergedInto',
  'MergeUndone',
  'PersonRestored',
];

export type PersonState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'merged';
      readonly personId: string;
      readonly cases: readonly CaseRecordLink[];
      /** Persons merged into this one (confirmed matches not undone). */
      readonly absorbed: readonly string[];
      readonly rejected: readonly string[];
      readonly mergedInto?: string;
    };

export const initialPersonState = (): PersonState => ({ status: 'none' });

const without = (list: readonly string[], id: string) => list.filter((x) => x !== id);

export function evolvePerson(state: PersonState, event: PersonEvent): PersonState {
  if (event.type === 'PersonRecorded')
    return { status: 'active', personId: event.data.personId, cases: [], absorbed: [], rejected: [] };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'CaseRecordLinked': {
      const { caseId, category, role } = event.data;
      return { ...state, cases: [...state.cases, { caseId, category, role }] };
    }
    case 'MatchConfirmed':
      return {
        ...state,
        absorbed: [...without(state.absorbed, event.data.otherPersonId), event.data.otherPersonId],
        rejected: without(state.rejected, event.data.otherPersonId),
      };
    case 'MatchRejected':
      return {
        ...state,
        rejected: [...without(state.rejected, event.data.otherPersonId), event.data.otherPersonId],
      };
    case 'PersonMergedInto':
      return { ...state, status: 'merged', mergedInto: event.data.intoPersonId };
    case 'MergeUndone':
      return { ...state, absorbed: without(state.absorbed, event.data.mergedPersonId) };
    case 'PersonRestored': {
      const { mergedInto: _gone, ...rest } = state;
      return { ...rest, status: 'active' };
    }
  }
}

const who = (command: Command): Who => ({ by: command.metadata.actor, at: command.metadata.now });
const sameLink = (a: CaseRecordLink, b: CaseRecordLink) =>
  a.caseId === b.caseId && a.category === b.category && a.role === b.role;
const linkProblems = (link: CaseRecordLink | undefined) =>
  problems({
    caseId: isUuid(link?.caseId),
    category: isNonEmptyText(link?.category, 40),
    role: isNonEmptyText(link?.role, 40),
  });
const PLACE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const mergedAway = (command: string, into: string | undefined): DomainError =>
  domainError(
    'INVALID_TRANSITION',
    `${command}: this person is merged into ${into ?? 'another'}; act on that person`,
  );

export function decidePerson(
  command: PersonCommand,
  state: PersonState,
): readonly PersonEvent[] | DomainError {
  if (command.type === 'RecordPerson') {
    if (state.status !== 'none') return alreadyExists(command.type);
    const d = command.data;
    const fields = [
      ...problems({
        personId: isUuid(d?.personId),
        placeOfOrigin:
          d?.placeOfOrigin === undefined ||
          (typeof d.placeOfOrigin === 'string' && PLACE.test(d.placeOfOrigin)),
        blindIndex:
          typeof d?.blindIndex === 'object' && d.blindIndex !== null && !Array.isArray(d.blindIndex),
      }),
      ...prefixed('particulars', personProblems(d?.particulars)),
      ...(d?.firstRecord === undefined ? [] : prefixed('firstRecord', linkProblems(d.firstRecord))),
    ];
    if (fields.length > 0) return validationFailed(fields);
    const recorded: PersonEvent = {
      type: 'PersonRecorded',
      data: {
        personId: d.personId,
        particulars: d.particulars,
        ...(d.placeOfOrigin === undefined ? {} : { placeOfOrigin: d.placeOfOrigin }),
        blindIndex: d.blindIndex,
        ...who(command),
      },
    };
    return d.firstRecord === undefined
      ? [recorded]
      : [recorded, { type: 'CaseRecordLinked', data: { ...pickLink(d.firstRecord), ...who(command) } }];
  }
  if (state.status === 'none') return notFound(command.type);
  switch (command.type) {
    case 'LinkCaseRecord': {
      if (state.status === 'merged') return mergedAway(command.type, state.mergedInto);
      const fields = linkProblems(command.data);
      if (fields.length > 0) return validationFailed(fields);
      if (state.cases.some((link) => sameLink(link, command.data))) return [];
      return [{ type: 'CaseRecordLinked', data: { ...pickLink(command.data), ...who(command) } }];
    }
    case 'ConfirmMatch': {
      if (state.status === 'merged') return mergedAway(command.type, state.mergedInto);
      const { otherPersonId, score } = command.data ?? {};
      const fields = problems({
        otherPersonId: isUuid(otherPersonId) && otherPersonId !== state.personId,
        score: score === undefined || (typeof score === 'number' && score >= 0 && score <= 1),
      });
      if (fields.length > 0) return validationFailed(fields);
      if (state.absorbed.includes(otherPersonId)) return [];
      return [
        {
          type: 'MatchConfirmed',
          data: { otherPersonId, ...(score === undefined ? {} : { score }), ...who(command) },
        },
      ];
    }
    case 'RejectMatch': {
      if (state.status === 'merged') return mergedAway(command.type, state.mergedInto);
      const { otherPersonId, reason } = command.data ?? {};
      const fields = problems({
        otherPersonId: isUuid(otherPersonId) && otherPersonId !== state.personId,
        reason: reason === undefined || isNonEmptyText(reason, 500),
      });
      if (fields.length > 0) return validationFailed(fields);
      if (state.absorbed.includes(otherPersonId))
        return domainError(
          'INVALID_TRANSITION',
          'RejectMatch: the persons are merged; undo the merge instead',
        );
      if (state.rejected.includes(otherPersonId)) return [];
      return [
        {
          type: 'MatchRejected',
          data: { otherPersonId, ...(reason === undefined ? {} : { reason }), ...who(command) },
        },
      ];
    }
    case 'MarkMergedInto': {
      const { intoPersonId } = command.data ?? {};
      if (!isUuid(intoPersonId) || intoPersonId === state.personId) return validationFailed(['intoPersonId']);
      if (state.status === 'merged')
        return state.mergedInto === intoPersonId ? [] : mergedAway(command.type, state.mergedInto);
      return [{ type: 'PersonMergedInto', data: { intoPersonId, ...who(command) } }];
    }
    case 'UndoMerge': {
      if (state.status === 'merged') return mergedAway(command.type, state.mergedInto);
      const { mergedPersonId, reason } = command.data ?? {};
      const fields = problems({
        mergedPersonId: isUuid(mergedPersonId),
        reason: isNonEmptyText(reason, 500),
      });
      if (fields.length > 0) return validationFailed(fields);
      if (!state.absorbed.includes(mergedPersonId))
        return domainError('INVALID_TRANSITION', 'UndoMerge: that person is not merged into this one');
      return [{ type: 'MergeUndone', data: { mergedPersonId, reason, ...who(command) } }];
    }
    case 'RestoreFromMerge': {
      const { fromPersonId, reason } = command.data ?? {};
      const fields = problems({ fromPersonId: isUuid(fromPersonId), reason: isNonEmptyText(reason, 500) });
      if (fields.length > 0) return validationFailed(fields);
      if (state.status !== 'merged') return invalidTransition(command.type, state.status);
      if (state.mergedInto !== fromPersonId)
        return domainError('INVALID_TRANSITION', 'RestoreFromMerge: this person is merged into another one');
      return [{ type: 'PersonRestored', data: { fromPersonId, reason, ...who(command) } }];
    }
  }
}

const pickLink = ({ caseId, category, role }: CaseRecordLink): CaseRecordLink => ({ caseId, category, role });

/** The person register; streams `person-<personId>`. */
export const personDecider: Decider<PersonCommand, PersonEvent, PersonState> = {
  category: 'person',
  initialState: initialPersonState,
  evolve: evolvePerson,
  decide: decidePerson,
  // Every refusal depends only on the state, so a command that lost a race can be decided again.
  retryOnConflict: () => true,
};

/** The persons a person's record stands for: itself and, transitively, those merged into it (for a timeline). */
export function personsOf(personId: string, absorbedOf: (id: string) => readonly string[]): string[] {
  const out: string[] = [];
  const queue = [personId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (out.includes(id)) continue;
    out.push(id);
    queue.push(...absorbedOf(id));
  }
  return out;
}
