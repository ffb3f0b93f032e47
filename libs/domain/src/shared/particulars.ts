/**
 * What counts as a person's particulars, declared once (docs/confidentiality.md). Everything that
 * protects particulars reads this rule: the encryption at rest, the masking of views and replays, the
 * scan tests. A process inherits it by using the shared types: any `PersonParticulars` record (recognised
 * by its shape, wherever it sits in an event or a state) and any free-text field named below.
 */

/**
 * Free-text fields that may describe a person (circumstances of a victim, what a verification found,
 * the content of a notice or hotline tip). A new process that carries such text names its field one of
 * these, or adds the name here.
 */
export const PARTICULAR_TEXT_FIELDS: readonly string[] = [
  'circumstances',
  'details',
  'findings',
  'information',
  'content',
  // Why a person was identified as a victim of trafficking (or not): her story in the officer's words.
  'grounds',
  // A missing or wanted person's traces that lie outside her person record (locate and rescue, wanted
  // persons): the phone numbers a family gave and the places she or he was thought to be.
  'phoneNumbers',
  'suspectedPlace',
  'lastKnownPlace',
];

/** Text of a particular text field: a string, or a list of strings (phone numbers). */
const isParticularText = (value: unknown): boolean =>
  typeof value === 'string' ||
  (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'));

/**
 * The fields of a person record left readable beside its sealed particulars, because the reports count
 * persons by them (sex, age group, nationality) and they name nobody on their own. The date of birth is
 * reduced to its year (`dateOfBirth.year`) for the age group; every other field is sealed.
 */
export const PERSON_STATISTICAL_FIELDS = [
  'personId',
  'sex',
  'claimedNationality',
  'estimatedAgeYears',
  'languages',
] as const;

/** A `PersonParticulars` record by its shape: a `name` with a romanised form (libs/domain/src/shared/person.ts). */
export const isPersonRecord = (value: unknown): value is { name: { romanised: string } } => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const name = (value as { name?: unknown }).name;
  return (
    typeof name === 'object' &&
    name !== null &&
    typeof (name as { romanised?: unknown }).romanised === 'string'
  );
};

/** Whether the field `key` holding `value` is a particular of the rule (a person record or free text). */
export const isParticularField = (key: string, value: unknown): boolean =>
  isPersonRecord(value) || (PARTICULAR_TEXT_FIELDS.includes(key) && isParticularText(value));

/**
 * A copy of `value` with each particular (by the rule above) replaced by `replace(particular, path,
 * kind)`; nested particulars inside a replaced one are the replacer's business. Paths are
 * `victim`, `children[0].person`, `details`.
 */
export function mapParticulars(
  value: unknown,
  replace: (particular: unknown, path: string, kind: 'person' | 'text') => unknown,
  path = '',
): unknown {
  if (isPersonRecord(value)) return replace(value, path || '(root)', 'person');
  if (Array.isArray(value)) return value.map((item, i) => mapParticulars(item, replace, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const at = path ? `${path}.${key}` : key;
      if (PARTICULAR_TEXT_FIELDS.includes(key) && isParticularText(item)) {
        return [key, replace(item, at, 'text')];
      }
      return [key, mapParticulars(item, replace, at)];
    }),
  );
}
