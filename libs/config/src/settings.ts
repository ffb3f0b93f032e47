import fs from 'node:fs';

/**
 * Every setting the node reads from its environment, in one table: the parser, the default and the
 * sentence shown to a person. The README's settings table is checked against this list by a test.
 */
export interface Setting<T> {
  readonly name: string;
  readonly description: string;
  /** Shown in docs; `undefined` means required or absent by default (see `optional`). */
  readonly defaultText: string;
  readonly optional?: boolean;
  readonly parse: (raw: string) => T | ParseFailure;
  readonly fallback?: (env: NodeJS.ProcessEnv) => string | undefined;
}

export interface ParseFailure {
  readonly expected: string;
}

export const failure = (expected: string): ParseFailure => ({ expected });
export const isFailure = (value: unknown): value is ParseFailure =>
  typeof value === 'object' && value !== null && 'expected' in value && Object.keys(value).length === 1;

const AGENCY_ID = /^[A-Z]{2}(\.[A-Z0-9]+){1,3}$/;
const HOST_PORT = /^[A-Za-z0-9.-]+:\d{1,5}$/;

export const parsers = {
  agencyId: (raw: string) =>
    AGENCY_ID.test(raw)
      ? raw
      : failure('an agency id like VN.BGC.LAICHAU: ISO country code, then 1-3 upper-case parts'),
  brokers: (raw: string) => {
    const list = raw.split(',').map((s) => s.trim());
    return list.length > 0 && list.every((b) => HOST_PORT.test(b) && Number(b.split(':').pop()) <= 65535)
      ? list
      : failure('a comma-separated list of host:port, e.g. 127.0.0.1:9092');
  },
  port: (raw: string) => {
    const n = Number(raw);
    return /^\d+$/.test(raw) && n > 0 && n < 65536 ? n : failure('a TCP port number 1-65535');
  },
  positiveInt: (raw: string) =>
    /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : failure('a positive integer'),
  nonNegativeInt: (raw: string) =>
    /^\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : failure('0 or a positive integer'),
  bool: (raw: string) =>
    ['true', '1', 'yes'].includes(raw)
      ? true
      : ['false', '0', 'no'].includes(raw)
        ? false
        : failure('true or false'),
  timeZone: (raw: string) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: raw });
      return raw;
    } catch {
      return failure('an IANA time zone, e.g. Asia/Ho_Chi_Minh');
    }
  },
  text: (raw: string) => (raw.length > 0 ? raw : failure('a non-empty value')),
  readableFile: (raw: string) => {
    try {
      fs.accessSync(raw, fs.constants.R_OK);
      return fs.statSync(raw).isFile() ? raw : failure('a readable file');
    } catch {
      return failure('a readable file');
    }
  },
  oneOf:
    <T extends string>(...values: T[]) =>
    (raw: string) =>
      (values as string[]).includes(raw) ? (raw as T) : failure(`one of ${values.join(', ')}`),
  listOf:
    <T extends string>(...values: T[]) =>
    (raw: string) => {
      const list = raw.split(',').map((s) => s.trim());
      return list.every((v) => (values as string[]).includes(v))
        ? (list as T[])
        : failure(`a comma-separated subset of ${values.join(', ')}`);
    },
  url:
    (...protocols: string[]) =>
    (raw: string) => {
      try {
        const url = new URL(raw);
        return protocols.includes(url.protocol)
          ? raw
          : failure(`a URL with scheme ${protocols.join(' or ')}`);
      } catch {
        return failure(`a URL with scheme ${protocols.join(' or ')}`);
      }
    },
};
