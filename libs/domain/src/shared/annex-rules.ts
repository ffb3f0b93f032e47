/**
 * The rules of an annex's fields, by field name (a name means the same in every kind's annex), so an
 * officer's annex is checked as strictly as the wire's: a field this table does not know, or a value
 * out of its list, is refused naming the field (`annex.<field>`), never echoing the value.
 */
import {
  CALLER_KINDS,
  REFERRALS,
  REFUSAL_GROUNDS,
  SUPPORT_NEEDS,
  TRAFFICKING_FORMS,
  URGENCIES,
  VERIFICATION_POINTS,
} from './annex';
import { DISSEMINATIONS, EVIDENTIAL_USES, INFORMATION_ASSESSMENTS, SOURCE_RELIABILITIES } from './handling';
import { isIsoDate, isIsoDateTime, isNonEmptyText, isUuid, Problems } from './values';

type Check = (value: unknown) => boolean;

const text: Check = (value) => isNonEmptyText(value, 2000);
const oneOf =
  (words: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && words.includes(value);
const listOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);
const digest: Check = (value) => typeof value === 'string' && /^sha256:[0-9a-f]{64}$/.test(value);
const count: Check = (value) => Number.isInteger(value) && (value as number) >= 0;
const record =
  (required: Readonly<Record<string, Check>>, optional: Readonly<Record<string, Check>>): Check =>
  (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const fields = value as Record<string, unknown>;
    return (
      Object.entries(required).every(([key, check]) => check(fields[key])) &&
      Object.entries(fields).every(
        ([key, inner]) =>
          required[key] !== undefined || (optional[key] !== undefined && optional[key](inner)),
      )
    );
  };

const gate = record({ code: text }, { name: text });
const contact = record({ name: text }, { unit: text, telephone: text });

const RULES: Readonly<Record<string, Check>> = {
  points: listOf(oneOf(VERIFICATION_POINTS)),
  confirmedPoints: listOf(oneOf(VERIFICATION_POINTS)),
  unconfirmedPoints: listOf(oneOf(VERIFICATION_POINTS)),
  informationNeeded: listOf((value) => typeof value === 'string'),
  traffickingForm: oneOf(TRAFFICKING_FORMS),
  supportNeeds: listOf(oneOf(SUPPORT_NEEDS)),
  refusalGround: oneOf(REFUSAL_GROUNDS),
  referral: oneOf(REFERRALS),
  callerKind: oneOf(CALLER_KINDS),
  urgency: oneOf(URGENCIES),
  rescuedAt: isIsoDateTime,
  receivedAt: isIsoDateTime,
  scheduledAt: isIsoDateTime,
  proposedDate: isIsoDate,
  observedSince: isIsoDate,
  verificationCaseId: isUuid,
  personId: isUuid,
  personIds: listOf(isUuid),
  linkedCaseIds: listOf(isUuid),
  relatedCaseIds: listOf(isUuid),
  documentDigests: listOf(digest),
  warrantDocumentDigest: digest,
  exhibitsCount: count,
  gate,
  proposedGate: gate,
  contact,
  receivedBy: contact,
  indicators: listOf((value) => typeof value === 'string'),
  routes: listOf((value) => typeof value === 'string'),
  ...Object.fromEntries(
    [
      'fileReference',
      'rescuedWhere',
      'receivingUnit',
      'remarks',
      'locatedAt',
      'rescheduleReason',
      'minutesReference',
      'summary',
      'proposals',
      'location',
      'callReference',
    ].map((field) => [field, text]),
  ),
};

/** The annex fields of `data` that break their rule (or that no annex has). */
export const annexProblems = (data: unknown): Problems => {
  const annex = (data as { annex?: unknown } | undefined)?.annex;
  if (annex === undefined) return [];
  if (typeof annex !== 'object' || annex === null || Array.isArray(annex)) return ['annex'];
  return Object.entries(annex)
    .filter(([field, value]) => !RULES[field]?.(value))
    .map(([field]) => `annex.${field}`);
};

/** The header codes a command's metadata may carry for its message, checked like the annex. */
export const headerCodeProblems = (metadata: Readonly<Record<string, unknown>>): Problems => [
  ...(metadata.handling === undefined ||
  record(
    { dissemination: oneOf(DISSEMINATIONS), evidentialUse: oneOf(EVIDENTIAL_USES) },
    { conditions: text },
  )(metadata.handling)
    ? []
    : ['metadata.handling']),
  ...(metadata.evaluation === undefined ||
  record(
    {},
    { source: oneOf(SOURCE_RELIABILITIES), information: oneOf(INFORMATION_ASSESSMENTS) },
  )(metadata.evaluation)
    ? []
    : ['metadata.evaluation']),
];
