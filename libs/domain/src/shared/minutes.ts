/**
 * Hand-over minutes (biên bản bàn giao / 移交笔录) co-signed by both sides: one record of who and what
 * was handed over, where, when (in both sides' local times) and before whom. Each side signs the same
 * canonical bytes (`canonicalMinutesText`, UTF-8) with its agency key; the signatures are made outside
 * the domain (by the node holding the key) and kept with the case. docs/protocol.md section 3a.
 */
import { domainError, DomainError } from '../decider';
import { localTimeOf, LocalTime } from './zones';
import { isAgencyId, isNonEmptyText, isUuid, Problems, problems } from './values';

/** Version of the canonical record; a change of the record's fields raises it. */
export const MINUTES_FORMAT = 'xborder.v1.minutes/1';

export type MinutesPersonRole = 'victim' | 'child' | 'suspect';

/** An officer present at the hand-over, of either side. */
export interface MinutesOfficer {
  readonly agency: string;
  readonly name: string;
  readonly position: string;
}

/** The minutes as both sides sign them. Every value is a string or a list (no numbers: see below). */
export interface HandoverMinutes {
  readonly format: string;
  readonly minutesId: string;
  readonly caseId: string;
  readonly process: 'repatriation' | 'suspect_handover';
  readonly handingOverAgency: string;
  readonly receivingAgency: string;
  readonly borderGate: string;
  /** UTC instant, `YYYY-MM-DDTHH:MM:SSZ`. */
  readonly handedOverAt: string;
  /** The instant in the handing side's then the receiving side's local time. */
  readonly localTimes: readonly LocalTime[];
  /** Persons handed over, by the case's person ids (no particulars in the minutes). */
  readonly persons: readonly { readonly personId: string; readonly role: MinutesPersonRole }[];
  /** Documents handed over (kind and reference, as written on the paper minutes). */
  readonly documents: readonly string[];
  /** Belongings handed over. */
  readonly belongings: readonly string[];
  readonly officers: readonly MinutesOfficer[];
  /**
   * Suspect hand-overs only: the warrant under which the suspect is handed over, which names them (the
   * minutes name persons by id, never by particulars). Absent from a repatriation's minutes.
   */
  readonly warrant?: MinutesWarrant;
}

/** The warrant a suspect is handed over under, as the case records it (official references, no particulars). */
export interface MinutesWarrant {
  readonly reference: string;
  readonly issuedBy?: string;
  /** `YYYY-MM-DD`. */
  readonly issuedOn?: string;
}

/** One side's detached OpenPGP signature over the canonical minutes (binary packets, base64). */
export interface MinutesSignature {
  readonly agency: string;
  readonly signature: string;
}

/**
 * The canonical text of a JSON value: object members sorted by name (UTF-16 code units; the names are
 * ASCII), no insignificant whitespace, strings as JSON.stringify writes them (RFC 8259 escapes,
 * non-ASCII as UTF-8). Only strings, arrays and objects: numbers have no single canonical form.
 * Python: `json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
 */
export const canonicalJson = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error('canonicalJson: only strings, arrays and objects');
};

/** The text both sides sign (encode as UTF-8). */
export const canonicalMinutesText = (minutes: HandoverMinutes): string => canonicalJson(minutes);

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isWarrant = (w: MinutesWarrant | undefined): boolean =>
  typeof w === 'object' &&
  w !== null &&
  isNonEmptyText(w.reference, 100) &&
  (w.issuedBy === undefined || isNonEmptyText(w.issuedBy, 300)) &&
  (w.issuedOn === undefined || (typeof w.issuedOn === 'string' && DAY.test(w.issuedOn)));
const ROLES: readonly MinutesPersonRole[] = ['victim', 'child', 'suspect'];
const texts = (value: unknown, max: number) =>
  Array.isArray(value) && value.length <= 100 && value.every((item) => isNonEmptyText(item, max));

/** Well-formedness of a minutes record (field paths only). */
export const minutesShapeProblems = (m: HandoverMinutes | undefined): Problems => [
  ...problems({
    'minutes.format': m?.format === MINUTES_FORMAT,
    'minutes.minutesId': isUuid(m?.minutesId),
    'minutes.caseId': isUuid(m?.caseId),
    'minutes.process': m?.process === 'repatriation' || m?.process === 'suspect_handover',
    'minutes.handingOverAgency': isAgencyId(m?.handingOverAgency),
    'minutes.receivingAgency': isAgencyId(m?.receivingAgency),
    'minutes.borderGate': isNonEmptyText(m?.borderGate, 200),
    'minutes.handedOverAt': typeof m?.handedOverAt === 'string' && INSTANT.test(m.handedOverAt),
    'minutes.persons':
      Array.isArray(m?.persons) &&
      m.persons.length > 0 &&
      m.persons.every((p) => isNonEmptyText(p?.personId, 100) && ROLES.includes(p?.role)) &&
      new Set(m.persons.map((p) => p.personId)).size === m.persons.length,
    'minutes.documents': texts(m?.documents, 300),
    'minutes.belongings': texts(m?.belongings, 300),
    'minutes.officers':
      Array.isArray(m?.officers) &&
      m.officers.length > 0 &&
      m.officers.every(
        (o) => isAgencyId(o?.agency) && isNonEmptyText(o?.name, 200) && isNonEmptyText(o?.position, 200),
      ),
    // A suspect is handed over under a warrant; a victim under none.
    'minutes.warrant': m?.process === 'suspect_handover' ? isWarrant(m.warrant) : m?.warrant === undefined,
  }),
];

/** What the case agreed before the minutes: the sides, the gate and who may be handed over. */
export interface AgreedHandover {
  readonly caseId: string;
  readonly process: HandoverMinutes['process'];
  readonly handingOverAgency: string;
  readonly receivingAgency: string;
  readonly borderGate?: string;
  readonly persons: readonly { readonly personId: string; readonly role: MinutesPersonRole }[];
  /** Suspect hand-overs: the warrant of the case. */
  readonly warrant?: MinutesWarrant;
}

/** Minutes whose content differs from what was agreed (or from the minutes one side signed). */
export const minutesDiffer = (fields: Problems): DomainError =>
  domainError('MINUTES_DIFFER', `the minutes differ from what was agreed: ${fields.join(', ')}`, fields);

/** The fields of the minutes that contradict the case (the sides, the gate, the persons, the local times). */
export const agreedMinutesProblems = (m: HandoverMinutes, agreed: AgreedHandover): Problems => {
  const known = new Map(agreed.persons.map((p) => [p.personId, p.role]));
  const both = [
    localTimeOf(m.handedOverAt, m.handingOverAgency),
    localTimeOf(m.handedOverAt, m.receivingAgency),
  ];
  const officerAgencies = new Set(m.officers.map((o) => o.agency));
  return problems({
    'minutes.caseId': m.caseId === agreed.caseId,
    'minutes.process': m.process === agreed.process,
    'minutes.handingOverAgency': m.handingOverAgency === agreed.handingOverAgency,
    'minutes.receivingAgency': m.receivingAgency === agreed.receivingAgency,
    'minutes.borderGate': agreed.borderGate !== undefined && m.borderGate === agreed.borderGate,
    'minutes.persons':
      m.persons.every((p) => known.get(p.personId) === p.role) &&
      m.persons.filter((p) => p.role === 'victim').length <= 1,
    'minutes.localTimes': canonicalJson(m.localTimes) === canonicalJson(both),
    'minutes.warrant': canonicalJson(m.warrant ?? {}) === canonicalJson(agreed.warrant ?? {}),
    // Both sides were present: at least one officer of each.
    'minutes.officers':
      officerAgencies.has(agreed.handingOverAgency) &&
      officerAgencies.has(agreed.receivingAgency) &&
      [...officerAgencies].every((a) => a === agreed.handingOverAgency || a === agreed.receivingAgency),
  });
};

/** The first-level fields in which two minutes differ (empty when they are the same record). */
export const minutesDifferences = (a: HandoverMinutes, b: HandoverMinutes | undefined): Problems => {
  if (b === undefined || typeof b !== 'object') return ['minutes'];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const field = (record: HandoverMinutes, key: string) => (record as unknown as Record<string, unknown>)[key];
  return keys
    .filter((key) => {
      try {
        return canonicalJson(field(a, key)) !== canonicalJson(field(b, key));
      } catch {
        return true;
      }
    })
    .map((key) => `minutes.${key}`);
};

/** The minutes a proposing officer's data make, with the gate and local times the case fixes. */
export const draftMinutes = (
  data: {
    readonly minutesId: string;
    readonly handedOverAt: string;
    readonly persons: HandoverMinutes['persons'];
    readonly documents: readonly string[];
    readonly belongings: readonly string[];
    readonly officers: readonly MinutesOfficer[];
  },
  agreed: AgreedHandover & { readonly borderGate: string },
): HandoverMinutes => {
  const handedOverAt = new Date(Date.parse(data.handedOverAt)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    format: MINUTES_FORMAT,
    minutesId: data.minutesId,
    caseId: agreed.caseId,
    process: agreed.process,
    handingOverAgency: agreed.handingOverAgency,
    receivingAgency: agreed.receivingAgency,
    borderGate: agreed.borderGate,
    handedOverAt,
    localTimes: [
      localTimeOf(handedOverAt, agreed.handingOverAgency),
      localTimeOf(handedOverAt, agreed.receivingAgency),
    ],
    persons: data.persons.map(({ personId, role }) => ({ personId, role })),
    documents: [...data.documents],
    belongings: [...data.belongings],
    officers: data.officers.map(({ agency, name, position }) => ({ agency, name, position })),
    ...(agreed.warrant ? { warrant: warrantOf(agreed.warrant) } : {}),
  };
};

/** The warrant's members that are set (canonical JSON has no nulls). */
export const warrantOf = (w: MinutesWarrant): MinutesWarrant => ({
  reference: w.reference,
  ...(w.issuedBy === undefined ? {} : { issuedBy: w.issuedBy }),
  ...(w.issuedOn === undefined ? {} : { issuedOn: w.issuedOn }),
});

/** Where co-signing stands, on one side. */
export type MinutesStatus =
  'awaiting_our_signature' | 'awaiting_our_agreement' | 'awaiting_their_signature' | 'co_signed';

/** The minutes kept with a case, with both sides' signatures as they come. */
export interface MinutesRecord {
  readonly minutes: HandoverMinutes;
  readonly proposedBy: string;
  readonly status: MinutesStatus;
  readonly signatures: readonly MinutesSignature[];
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
export const isSignatureText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 20_000 && BASE64.test(value);
