/**
 * Checks a decoded message against the rules the contract states in its field options
 * (`(xborder.v1.required)`, `(xborder.v1.format)`, `(xborder.v1.max_length)`, see
 * proto/xborder/v1/options.proto) and the few rules a field option cannot state (date ranges, children
 * without children). Problems name the field path and the rule, never the value: payloads hold victim
 * particulars.
 */
import Long from 'long';
import { Enum, Field, Root, Type } from 'protobufjs';
import descriptor from './generated/descriptor';

const root = Root.fromJSON(descriptor);
root.resolveAll();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const AGENCY_ID = /^[A-Z]{2}(\.[A-Z0-9]+){1,3}$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;
const PAYLOAD_TYPE = /^xborder\.v1\.[A-Z][A-Za-z0-9]*$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

const formatCheck: Record<string, (value: unknown) => boolean> = {
  ID_FORMAT_UUID: (v) => typeof v === 'string' && UUID.test(v),
  ID_FORMAT_UUID_V7: (v) => typeof v === 'string' && UUID_V7.test(v),
  ID_FORMAT_AGENCY_ID: (v) => typeof v === 'string' && AGENCY_ID.test(v),
  ID_FORMAT_COUNTRY_CODE: (v) => typeof v === 'string' && COUNTRY_CODE.test(v),
  ID_FORMAT_SHA256: (v) => v instanceof Uint8Array && v.length === 32,
  ID_FORMAT_PAYLOAD_TYPE: (v) => typeof v === 'string' && PAYLOAD_TYPE.test(v),
  ID_FORMAT_LANGUAGE_TAG: (v) => typeof v === 'string' && LANGUAGE_TAG.test(v),
};

export const isUuidV7 = (value: string): boolean => UUID_V7.test(value);
export const isAgencyId = (value: string): boolean => AGENCY_ID.test(value);

/** One broken rule: where (a field path such as `victim.name.romanised`) and which rule. */
export interface ValidationProblem {
  readonly path: string;
  readonly rule: string;
}

/**
 * Validates `message` (a decoded message or plain object with camelCase fields) as the contract's
 * message `typeName` (e.g. `xborder.v1.Header`). Returns every problem found; empty means valid.
 */
export function validateMessage(typeName: string, message: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  validateType(root.lookupType(typeName), message, '', problems, 0);
  return problems;
}

/** Whether the contract defines a message with this full name. */
export function contractHasMessage(typeName: string): boolean {
  return root.lookup(typeName) instanceof Type;
}

/** A string field of the contract and its `(xborder.v1.max_length)`, 0 when it has none. */
export interface ContractTextField {
  readonly message: string;
  readonly field: string;
  readonly maxLength: number;
}

/** Every string field of the contract: the domain's text rules are checked against their bounds. */
export function contractTextFields(): ContractTextField[] {
  const types: Type[] = [];
  const visit = (namespace: { nestedArray: unknown[] }) =>
    namespace.nestedArray.forEach((nested) => {
      if (nested instanceof Type) types.push(nested);
      if (nested && typeof nested === 'object' && 'nestedArray' in nested) visit(nested as never);
    });
  visit(root.lookup('xborder.v1') as never);
  return types.flatMap((type) =>
    type.fieldsArray
      .filter((field) => field.type === 'string')
      .map((field) => ({
        message: type.fullName.replace(/^\./, ''),
        field: field.name,
        maxLength: Number(option(field, 'max_length') ?? 0),
      })),
  );
}

/** Messages nest a few levels; a deeper value is not something a sender built in good faith. */
const MAX_DEPTH = 16;

function validateType(
  type: Type,
  message: unknown,
  path: string,
  problems: ValidationProblem[],
  depth: number,
): void {
  if (depth > MAX_DEPTH) return void problems.push({ path, rule: 'nested too deep' });
  if (typeof message !== 'object' || message === null)
    return void problems.push({ path, rule: 'not a message' });
  const record = message as Record<string, unknown>;
  for (const field of type.fieldsArray)
    validateField(field, record[field.name], join(path, field.name), problems, depth);
  typeRules[type.fullName.replace(/^\./, '')]?.(record, path, problems);
}

function validateField(
  field: Field,
  value: unknown,
  path: string,
  problems: ValidationProblem[],
  depth: number,
): void {
  const required = option(field, 'required') === true;
  if (field.repeated) {
    const list = Array.isArray(value) ? value : [];
    if (required && list.length === 0) problems.push({ path, rule: 'required: at least one element' });
    list.forEach((item, i) => validateValue(field, item, `${path}[${i}]`, false, problems, depth));
    return;
  }
  validateValue(field, value, path, required, problems, depth);
}

function validateValue(
  field: Field,
  value: unknown,
  path: string,
  required: boolean,
  problems: ValidationProblem[],
  depth: number,
): void {
  const resolved = field.resolvedType;
  if (resolved instanceof Type) {
    if (value == null) return void (required && problems.push({ path, rule: 'required' }));
    return validateType(resolved, value, path, problems, depth + 1);
  }
  if (resolved instanceof Enum) {
    const n = typeof value === 'number' ? value : 0;
    if (!(n in resolved.valuesById)) return void problems.push({ path, rule: 'unknown enum value' });
    if (required && n === 0) problems.push({ path, rule: 'required: a value other than *_UNSPECIFIED' });
    return;
  }
  if (isEmpty(value)) return void (required && problems.push({ path, rule: 'required' }));
  const maxLength = option(field, 'max_length');
  if (
    typeof value === 'string' &&
    typeof maxLength === 'number' &&
    maxLength > 0 &&
    tooLong(value, maxLength)
  ) {
    problems.push({ path, rule: `max_length: ${maxLength}` });
  }
  const format = option(field, 'format');
  if (typeof format === 'string' && formatCheck[format] && !formatCheck[format](value)) {
    problems.push({ path, rule: `format: ${format.replace('ID_FORMAT_', '').toLowerCase()}` });
  }
}

/** Code points after NFC, as the contract counts (NFC may lengthen text: U+0958 becomes two). */
function tooLong(value: string, maxLength: number): boolean {
  let count = 0;
  for (const _ of value.normalize('NFC')) if (++count > maxLength) return true;
  return false;
}

function isEmpty(value: unknown): boolean {
  if (value == null || value === '' || value === 0 || value === false) return true;
  if (value instanceof Uint8Array) return value.length === 0;
  if (Long.isLong(value)) return (value as Long).isZero();
  return false;
}

function option(field: Field, name: string): unknown {
  return field.options?.[`(xborder.v1.${name})`] ?? field.options?.[`(${name})`];
}

const join = (path: string, name: string): string => (path ? `${path}.${name}` : name);

type TypeRule = (message: Record<string, unknown>, path: string, problems: ValidationProblem[]) => void;

const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** Rules a field option cannot state, by message name. */
const typeRules: Record<string, TypeRule> = {
  'xborder.v1.PartialDate': (m, path, problems) => {
    const [year, month, day] = [num(m.year), num(m.month), num(m.day)];
    if (year !== 0 && (year < 1900 || year > 2200))
      problems.push({ path: join(path, 'year'), rule: 'range 1900-2200 or 0' });
    if (month > 12) problems.push({ path: join(path, 'month'), rule: 'range 1-12 or 0' });
    if (day > 31 || (day !== 0 && month === 0))
      problems.push({ path: join(path, 'day'), rule: 'range 1-31, with a month, or 0' });
  },
  'xborder.v1.CalendarDate': (m, path, problems) => {
    const [year, month, day] = [num(m.year), num(m.month), num(m.day)];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (year < 1900 || year > 2200 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      problems.push({ path, rule: 'a real calendar date' });
    }
  },
  'google.protobuf.Timestamp': (m, path, problems) => {
    const nanos = num(m.nanos);
    if (nanos < 0 || nanos > 999_999_999)
      problems.push({ path: join(path, 'nanos'), rule: 'range 0-999999999' });
  },
  'xborder.v1.Receipt': (m, path, problems) => {
    // RECEIPT_STATUS_REJECTED = 2 needs a reason; RECEIPT_STATUS_ACCEPTED = 1 has none.
    if ((num(m.status) === 2) !== (num(m.reason) !== 0)) {
      problems.push({ path: join(path, 'reason'), rule: 'set exactly when the status is REJECTED' });
    }
  },
  'xborder.v1.AccompanyingChild': (m, path, problems) => {
    const child = m.child as { accompanyingChildren?: unknown[] } | null | undefined;
    if (child?.accompanyingChildren?.length) {
      problems.push({
        path: join(path, 'child.accompanyingChildren'),
        rule: 'a child has no accompanying children',
      });
    }
  },
};
