/**
 * Test support: fast-check arbitraries of valid xborder.v1 values, as a counterpart built on other
 * tools may send them (any field the contract allows, set or left out). Valid means what the contract
 * states, in its options and in its comments (a day only with a month, a refusal with a ground).
 */
import { toTimestamp, v1 } from '@xb/envelope';
import fc from 'fast-check';

const word = fc.stringMatching(/^[A-Za-z0-9À-ỹ'-]{1,10}$/);
/** Free text: words, never blank. */
export const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
/** Optional free text: '' is proto3's "unset". */
export const optionalText = fc.oneof(fc.constant(''), text);
export const texts = fc.array(text, { maxLength: 3 });
export const uuid = fc.uuid();
export const country = fc.constantFrom('VN', 'CN', 'LA', 'TH', 'KH');
export const optionalCountry = fc.oneof(fc.constant(''), country);
export const digest = fc.uint8Array({ minLength: 32, maxLength: 32 });
/** A value of an enum other than its UNSPECIFIED zero. */
export const enumValue = (max: number) => fc.integer({ min: 1, max });
export const optionalEnum = (max: number) => fc.integer({ min: 0, max });

/** Millisecond instants between 2020 and 2030 (the wire's Timestamps as this node keeps them). */
export const instantMs = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
export const timestamp = instantMs.map((ms) => toTimestamp(new Date(ms)));
/** Dates no later than `latest` (e.g. a warrant issued by now). */
export const calendarDate = (latest = Date.UTC(2030, 0, 1)) =>
  fc.integer({ min: Date.UTC(2000, 0, 1), max: latest }).map((ms) => {
    const date = new Date(ms);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  });

/** Any part unknown (0); a day only with a month; days within every month. */
export const partialDate: fc.Arbitrary<v1.IPartialDate> = fc
  .record({
    year: fc.oneof(fc.constant(0), fc.integer({ min: 1900, max: 2030 })),
    month: fc.integer({ min: 0, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    approximate: fc.boolean(),
  })
  .map((date) => ({ ...date, day: date.month === 0 ? 0 : date.day }));

export const personName: fc.Arbitrary<v1.IPersonName> = fc.record({
  original: optionalText,
  script: fc.constantFrom('', 'Latn', 'Hans', 'Laoo'),
  romanised: text,
  familyNameRomanised: optionalText,
});

const address: fc.Arbitrary<v1.IAddress> = fc.record({
  country,
  province: optionalText,
  district: optionalText,
  commune: optionalText,
  village: optionalText,
  detail: optionalText,
  original: optionalText,
});

const identityDocument: fc.Arbitrary<v1.IIdentityDocument> = fc.record(
  {
    type: enumValue(7),
    number: optionalText,
    issuingCountry: optionalCountry,
    issuingAuthority: optionalText,
    issuedOn: partialDate,
    expiresOn: partialDate,
    seen: fc.boolean(),
    description: optionalText,
  },
  { requiredKeys: ['type'] },
);

const personFields = {
  personId: uuid,
  name: personName,
  otherNames: fc.array(personName, { maxLength: 2 }),
  dateOfBirth: partialDate,
  estimatedAgeYears: fc.integer({ min: 0, max: 90 }),
  sex: optionalEnum(3),
  claimedNationality: optionalCountry,
  ethnicGroup: optionalText,
  homeAddress: address,
  identityDocuments: fc.array(identityDocument, { maxLength: 2 }),
  photoSha256: fc.oneof(fc.constant(new Uint8Array()), digest),
  languages: fc.array(fc.constantFrom('vi', 'hmn', 'zh-Hans', 'lo', 'en'), { maxLength: 3 }),
  relativesNamed: fc.array(personName, { maxLength: 2 }),
};
const required = ['personId', 'name'] as const;

/** A person without children (a child's own accompanying_children must be empty). */
export const childlessPerson: fc.Arbitrary<v1.IPerson> = fc.record(personFields, {
  requiredKeys: [...required],
});

export const accompanyingChild: fc.Arbitrary<v1.IAccompanyingChild> = fc.record({
  child: childlessPerson,
  relationship: optionalEnum(3),
  bornInCountry: optionalCountry,
});

/** A person, possibly with children, each with its own person id. */
export const person: fc.Arbitrary<v1.IPerson> = fc
  .tuple(
    childlessPerson,
    fc.uniqueArray(accompanyingChild, { maxLength: 2, selector: (c) => c.child?.personId }),
  )
  .map(([parent, children]) => ({ ...parent, accompanyingChildren: children }));

export const gate: fc.Arbitrary<v1.IBorderGate> = fc.record({ gateCode: text, name: optionalText });
export const officer: fc.Arbitrary<v1.IOfficerContact> = fc.record({
  name: text,
  unit: optionalText,
  telephone: optionalText,
});

/** A decision as the contract allows it: an acceptance, or a refusal on a stated ground. */
export const decision = fc.oneof(
  fc.record({ decision: fc.constant(1), refusalGround: fc.constant(0), remarks: optionalText }),
  fc.record({ decision: fc.constant(2), refusalGround: enumValue(6), remarks: optionalText }),
);

/** A (re)schedule with any revision, gate, time and contact. */
export const schedule = fc.record(
  {
    revision: fc.integer({ min: 1, max: 9 }),
    gate,
    scheduledAt: timestamp,
    rescheduleReason: optionalText,
    contact: officer,
  },
  { requiredKeys: ['revision', 'gate', 'scheduledAt'] },
);

/** The envelope header's handling code (always set) and evaluation (may be unset or ungraded). */
export const headerCodes = fc.record(
  {
    handling: fc.record({
      dissemination: enumValue(4),
      evidentialUse: enumValue(3),
      conditions: optionalText,
    }),
    evaluation: fc.record({ source: optionalEnum(6), information: optionalEnum(5) }),
  },
  { requiredKeys: ['handling'] },
);
