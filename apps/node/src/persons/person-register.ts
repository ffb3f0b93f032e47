// The node's person register (docs/persons.md): persons as event streams (`person-<id>`, the person-register
// decider of libs/domain), the candidate index of their blind indexes (libs/persons), and the queries a console
// page and the API need: candidates for a person, a person's timeline across every case linked to them or to
// a person merged into them. Candidates are proposed only; an officer confirms or rejects each one.
import {
  CaseRecordLink,
  CommandMetadata,
  DomainError,
  PersonEvent,
  PersonParticulars,
  PersonState,
  isDomainError,
  isUuid,
  personDecider,
  personProblems,
  personsOf,
  prefixed,
  validationFailed,
} from '@xb/domain';
import { EventStore, RecordedEvent, handleCommand, openedEvents, readStreamIfAny } from '@xb/event-store';
import {
  BlindIndexer,
  BlindRecord,
  Candidate,
  CandidateIndex,
  Particulars,
  blindRecord,
  probe,
} from '@xb/persons';
import { TimelineEntry, caseTimeline } from '../api/timeline';

/** A case's particulars as the matcher reads them: every name and rendering, the date of birth, the place. */
export function matchingParticularsOf(
  person: PersonParticulars,
  placeOfOrigin: string | undefined,
  now: string,
): Particulars {
  const names = [person.name, ...(person.otherNames ?? [])]
    .flatMap((name) => [name.original, name.romanised])
    .filter((n) => n && n.trim() !== '');
  const dob = person.dateOfBirth;
  const pad = (n: number) => String(n).padStart(2, '0');
  let dobText = '';
  if (dob?.year !== undefined)
    dobText =
      dob.month !== undefined && dob.day !== undefined
        ? `${dob.year}-${pad(dob.month)}-${pad(dob.day)}`
        : String(dob.year);
  else if (person.estimatedAgeYears !== undefined)
    dobText = `~${Number(now.slice(0, 4)) - person.estimatedAgeYears}`;
  return { names, dob: dobText, place: placeOfOrigin ?? person.claimedNationality ?? '' };
}

export interface PersonTimelineEntry extends TimelineEntry {
  /** The case the line belongs to, or absent for a line of the person's own record. */
  readonly caseId?: string;
  readonly category: string;
  readonly personId: string;
}

export type RegisterOutcome = { readonly personId: string; readonly state: PersonState } | DomainError;

/** The domain of a record's key check: the blind index of nothing, which tells under which key a record was indexed. */
const KEY_CHECK = 'person.key-check';

/** A `PersonRecorded`'s blind indexes as stored: the record and the check of the key they were made under. */
type StoredBlind = BlindRecord & { readonly keyCheck?: string };

export class PersonRegister {
  private readonly index = new CandidateIndex();
  private readonly keyCheck: string;

  /**
   * @param isErased whether a person's key was destroyed (docs/confidentiality.md): an erased person is
   * kept out of the candidate index, whichever process erased them. Default: nobody is.
   */
  constructor(
    private readonly store: EventStore,
    private readonly indexer: BlindIndexer,
    private readonly isErased: (personId: string) => Promise<boolean> = async () => false,
  ) {
    this.keyCheck = indexer.blind(KEY_CHECK, '');
  }

  /**
   * Rebuilds the candidate index from the register's events (blind indexes only: no particular is read or
   * opened). Only `person-` streams are read, through a filtered catch-up subscription (EventStoreDB filters on
   * the server, SQLite before parsing a row); the subscription also lets through the stream of the event that
   * was last when the rebuild began, so it ends there rather than waiting for a person event that may never come.
   */
  async start(): Promise<void> {
    const [head] = await this.store.readAll({ direction: 'backwards', maxCount: 1 });
    if (!head) return;
    const blinds = new Map<string, StoredBlind>();
    const merged = new Set<string>();
    const subscription = this.store.subscribeToAll({
      filter: { streamPrefixes: ['person-', head.streamId] },
    });
    try {
      for await (const event of subscription) {
        if (event.streamId.startsWith('person-')) {
          const id = event.streamId.slice('person-'.length);
          if (event.type === 'PersonRecorded')
            blinds.set(id, (event.data as { blindIndex: StoredBlind }).blindIndex);
          if (event.type === 'PersonMergedInto') merged.add(id);
          if (event.type === 'PersonRestored') merged.delete(id);
        }
        if (event.position >= head.position) break;
      }
    } finally {
      await subscription.stop();
    }
    for (const [id, blind] of blinds) {
      if (merged.has(id) || (await this.isErased(id))) continue;
      const current = blind.keyCheck === this.keyCheck ? blind : await this.reindexed(id);
      if (current) this.index.put(id, current);
    }
  }

  /**
   * The blind indexes of a record indexed under another key (a former register secret, a new master key),
   * made again from its opened particulars; none for an erased person or a record that no longer parses.
   */
  private async reindexed(personId: string): Promise<BlindRecord | undefined> {
    const recorded = (await this.load(personId))?.recorded;
    if (!recorded || (recorded.particulars as { erased?: boolean }).erased) return undefined;
    try {
      return blindRecord(
        matchingParticularsOf(recorded.particulars, recorded.placeOfOrigin, recorded.at),
        this.indexer,
      );
    } catch {
      return undefined;
    }
  }

  get size(): number {
    return this.index.size;
  }

  async record(
    input: {
      personId: string;
      particulars: PersonParticulars;
      placeOfOrigin?: string;
      firstRecord?: CaseRecordLink;
    },
    metadata: CommandMetadata,
  ): Promise<RegisterOutcome> {
    // The particulars are checked before the blind indexes are made of them (the decider checks them again).
    const problems = personProblems(input.particulars);
    if (problems.length > 0) return validationFailed(prefixed('particulars', problems));
    let blind: BlindRecord;
    try {
      blind = blindRecord(
        matchingParticularsOf(input.particulars, input.placeOfOrigin, metadata.now),
        this.indexer,
      );
    } catch (error) {
      // The matcher refuses a malformed date or place by field name only (never the value).
      const field = error instanceof Error && /field: (\w+)/.exec(error.message)?.[1];
      return {
        kind: 'DomainError',
        code: 'VALIDATION_FAILED',
        reason: `invalid: ${field || 'particulars'}`,
        fields: [field || 'particulars'],
      };
    }
    // The record names its person, so the node seals it under `person:<personId>` (docs/confidentiality.md) and
    // erasing the person reaches it; a reference the particulars already carry is kept.
    const particulars = input.particulars.personId
      ? input.particulars
      : { ...input.particulars, personId: input.personId };
    const outcome = await this.run(input.personId, {
      type: 'RecordPerson',
      data: {
        ...input,
        particulars,
        blindIndex: { ...blind, keyCheck: this.keyCheck } as unknown as Record<string, unknown>,
      },
      metadata,
    });
    if (!isDomainError(outcome)) this.index.put(input.personId, blind);
    return outcome;
  }

  linkCaseRecord(
    personId: string,
    link: CaseRecordLink,
    metadata: CommandMetadata,
  ): Promise<RegisterOutcome> {
    return this.run(personId, { type: 'LinkCaseRecord', data: link, metadata });
  }

  /** Candidates for a person, best first: never the person, nor one already merged with or rejected for them. */
  async candidates(personId: string, limit = 20): Promise<Candidate[] | undefined> {
    const loaded = await this.load(personId);
    if (!loaded) return undefined;
    const { state, recorded } = loaded;
    if (state.status === 'none' || !recorded) return undefined;
    // An erased person has nothing left to match with.
    if (await this.forgetIfErased(personId)) return [];
    const skip = new Set([...state.absorbed, ...state.rejected]);
    const particulars = matchingParticularsOf(recorded.particulars, recorded.placeOfOrigin, recorded.at);
    const found = this.index.search(probe(particulars, this.indexer), {
      exclude: personId,
      limit: limit + skip.size,
    });
    // A person erased since the index was built (by another process, say) leaves it at their first hit.
    const kept: Candidate[] = [];
    for (const candidate of found)
      if (!skip.has(candidate.personId) && !(await this.forgetIfErased(candidate.personId)))
        kept.push(candidate);
    return kept.slice(0, limit);
  }

  /** Takes an erased person's blind indexes out of the candidate index; true when they were erased. */
  async forgetIfErased(personId: string): Promise<boolean> {
    if (!(await this.isErased(personId))) return false;
    this.index.remove(personId);
    return true;
  }

  /** Whether the candidate index holds a person's blind indexes. */
  indexes(personId: string): boolean {
    return this.index.has(personId);
  }

  /** The officer's confirmation: `otherId` is merged into `personId` (two events, one on each stream). */
  async confirmMatch(
    personId: string,
    otherId: string,
    metadata: CommandMetadata,
    score?: number,
  ): Promise<RegisterOutcome> {
    if (!isUuid(otherId) || otherId === personId) return validationFailed(['otherPersonId']);
    const other = await this.load(otherId);
    if (!other || other.state.status === 'none')
      return {
        kind: 'DomainError',
        code: 'NOT_FOUND',
        reason: 'ConfirmMatch: no such person',
        fields: ['otherPersonId'],
      };
    if (other.state.status === 'merged' && other.state.mergedInto !== personId)
      return {
        kind: 'DomainError',
        code: 'INVALID_TRANSITION',
        reason: 'ConfirmMatch: the other person is merged into a third one',
      };
    const confirmed = await this.run(personId, {
      type: 'ConfirmMatch',
      data: { otherPersonId: otherId, ...(score === undefined ? {} : { score }) },
      metadata,
    });
    if (isDomainError(confirmed)) return confirmed;
    const marked = await this.run(otherId, {
      type: 'MarkMergedInto',
      data: { intoPersonId: personId },
      metadata,
    });
    if (isDomainError(marked)) return marked;
    this.index.remove(otherId);
    return confirmed;
  }

  rejectMatch(
    personId: string,
    otherId: string,
    metadata: CommandMetadata,
    reason?: string,
  ): Promise<RegisterOutcome> {
    return this.run(personId, {
      type: 'RejectMatch',
      data: { otherPersonId: otherId, ...(reason === undefined ? {} : { reason }) },
      metadata,
    });
  }

  /** A split: the merge of `otherId` into `personId` undone on both streams; both are persons again. */
  async undoMerge(
    personId: string,
    otherId: string,
    reason: string,
    metadata: CommandMetadata,
  ): Promise<RegisterOutcome> {
    const undone = await this.run(personId, {
      type: 'UndoMerge',
      data: { mergedPersonId: otherId, reason },
      metadata,
    });
    if (isDomainError(undone)) return undone;
    const restored = await this.run(otherId, {
      type: 'RestoreFromMerge',
      data: { fromPersonId: personId, reason },
      metadata,
    });
    if (isDomainError(restored)) return restored;
    const other = await this.load(otherId);
    const stored = other?.recorded?.blindIndex as StoredBlind | undefined;
    const current = stored?.keyCheck === this.keyCheck ? stored : await this.reindexed(otherId);
    if (current) this.index.put(otherId, current);
    return undone;
  }

  /** Every case linked to the person or to anyone merged into them, with its steps and messages, in order. */
  async timeline(personId: string): Promise<PersonTimelineEntry[] | undefined> {
    const root = await this.load(personId);
    if (!root || root.state.status === 'none') return undefined;
    const states = new Map<string, { state: PersonState; events: RecordedEvent[] }>();
    const absorbedOf = (id: string) => {
      const s = states.get(id)?.state;
      return s && s.status !== 'none' ? s.absorbed : [];
    };
    // Load breadth-first so that absorbedOf knows each person before personsOf asks.
    const queue = [personId];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (states.has(id)) continue;
      const loaded = await this.load(id);
      if (!loaded) continue;
      states.set(id, loaded);
      queue.push(...absorbedOf(id));
    }
    const entries: PersonTimelineEntry[] = [];
    const seenCases = new Set<string>();
    for (const id of personsOf(personId, absorbedOf)) {
      const loaded = states.get(id);
      if (!loaded || loaded.state.status === 'none') continue;
      for (const event of loaded.events)
        entries.push({
          position: event.position.toString(),
          at: event.metadata.occurredAt,
          actor: event.metadata.actor,
          type: event.type,
          line: personLine(event),
          category: 'person',
          personId: id,
        });
      for (const link of loaded.state.cases) {
        const key = `${link.category}-${link.caseId}`;
        if (seenCases.has(key)) continue;
        seenCases.add(key);
        for (const entry of (await caseTimeline(this.store, key)) ?? [])
          entries.push({ ...entry, caseId: link.caseId, category: link.category, personId: id });
      }
    }
    return entries.sort((a, b) =>
      BigInt(a.position) < BigInt(b.position) ? -1 : BigInt(a.position) > BigInt(b.position) ? 1 : 0,
    );
  }

  private async run(
    personId: string,
    command: { type: string; data: unknown; metadata: CommandMetadata },
  ): Promise<RegisterOutcome> {
    const outcome = await handleCommand(this.store, personDecider, personId, command as never);
    if (isDomainError(outcome)) return outcome;
    return { personId, state: outcome.state };
  }

  private async load(personId: string): Promise<
    | {
        state: PersonState;
        events: RecordedEvent[];
        recorded?: {
          particulars: PersonParticulars;
          placeOfOrigin?: string;
          blindIndex: unknown;
          at: string;
        };
      }
    | undefined
  > {
    const stored = await readStreamIfAny(this.store, `person-${personId}`);
    if (!stored) return undefined;
    // The stored particulars are sealed (docs/confidentiality.md): the candidates' probe needs them opened.
    const events = await openedEvents(this.store, stored);
    const domainEvents = events.map((e) => ({ type: e.type, data: e.data }) as PersonEvent);
    const state = domainEvents.reduce(personDecider.evolve, personDecider.initialState());
    const first = domainEvents.find((e) => e.type === 'PersonRecorded');
    return { state, events, ...(first?.type === 'PersonRecorded' ? { recorded: first.data } : {}) };
  }
}

/** A line of the person's own record, without particulars. */
function personLine(event: RecordedEvent): string {
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'PersonRecorded':
      return 'person recorded in the register';
    case 'CaseRecordLinked':
      return `record linked: ${d.category} case, as ${d.role}`;
    case 'MatchConfirmed':
      return `match confirmed: person ${d.otherPersonId} merged into this one`;
    case 'MatchRejected':
      return `match rejected: person ${d.otherPersonId} is someone else`;
    case 'PersonMergedInto':
      return `merged into person ${d.intoPersonId}`;
    case 'MergeUndone':
      return `merge undone: person ${d.mergedPersonId} split off`;
    case 'PersonRestored':
      return `restored: no longer merged into person ${d.fromPersonId}`;
    default:
      return event.type;
  }
}
