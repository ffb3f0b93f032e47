import fs from 'node:fs';
import path from 'node:path';
import { leaves, setPath, specOf, textOf, valueOf } from '../src/components/fields';
import { fromZonedInput, toZonedInput } from '../src/time';

describe('forms built from a command example', () => {
  const example = {
    counterpart: 'CN.YN.BORDERPOLICE',
    subject: {
      role: 'victim',
      person: { name: { original: 'Lò Thị Mẫu', romanised: 'Lo Thi Mau' }, dateOfBirth: { year: 2004 } },
    },
    details: 'x'.repeat(80),
    deadline: '2031-03-15T02:00:00.000Z',
    services: ['medical', 'legal'],
    identityDocuments: [{ type: 'national_id', number: '1' }],
  };

  it('makes one input per leaf, of the kind its value shows', () => {
    expect(leaves(specOf(example)).map((f) => [f.path, f.kind])).toEqual([
      ['counterpart', 'text'],
      ['subject.role', 'text'],
      ['subject.person.name.original', 'text'],
      ['subject.person.name.romanised', 'text'],
      ['subject.person.dateOfBirth.year', 'number'],
      ['details', 'long-text'],
      ['deadline', 'date-time'],
      ['services', 'lines'],
      ['identityDocuments', 'json'],
    ]);
  });

  it('gives back the example from its own texts, and leaves empty inputs out', () => {
    const zone = 'Asia/Ho_Chi_Minh';
    const body: Record<string, unknown> = {};
    for (const field of leaves(specOf(example))) {
      const text = textOf(
        field,
        field.path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], example),
        (iso) => toZonedInput(iso, zone),
      );
      const parsed = valueOf(field, text, (local) => fromZonedInput(local, zone));
      if (parsed?.ok) setPath(body, field.path, parsed.value);
    }
    expect(body).toEqual(example);
    const [counterpart] = leaves(specOf(example));
    expect(valueOf(counterpart, '  ', (l) => l)).toBeUndefined();
    expect(valueOf(leaves(specOf({ n: 1 }))[0], 'x', (l) => l)).toEqual({ ok: false, problem: 'number' });
  });
});

describe("times in the node's zone", () => {
  it.each([
    ['Asia/Ho_Chi_Minh', '2031-03-15T09:30', '2031-03-15T02:30:00.000Z'],
    ['Asia/Shanghai', '2031-03-15T09:30:15', '2031-03-15T01:30:15.000Z'],
    ['Europe/Berlin', '2031-03-30T03:30', '2031-03-30T01:30:00.000Z'],
  ])('reads %s wall time %s as %s and shows it back', (zone, local, iso) => {
    expect(fromZonedInput(local, zone)).toBe(iso);
    expect(toZonedInput(iso, zone).slice(0, local.length)).toBe(local);
  });
});

describe('the four languages', () => {
  const load = (lang: string) =>
    JSON.parse(fs.readFileSync(path.join(__dirname, '../src/locales', `${lang}.json`), 'utf8')) as Record<
      string,
      unknown
    >;
  /** Every key, plural forms folded into one (English has `_one` and `_other`, the others `_other` only). */
  const keys = (tree: Record<string, unknown>, prefix = ''): string[] =>
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null
        ? keys(v as Record<string, unknown>, `${prefix}${k}.`)
        : [`${prefix}${k.replace(/_(one|other)$/, '')}`],
    );
  const english = [...new Set(keys(load('en')))].sort();

  it.each(['vi', 'zh', 'lo'])('%s has every label English has, and no other', (lang) => {
    expect([...new Set(keys(load(lang)))].sort()).toEqual(english);
  });
});
