import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hmacBlindIndexer, nameIndex, normaliseName } from '@xb/persons';
import { SqliteEventStore } from '@xb/event-store';
import { KeyStore } from './key-store';
import { LocalKeyManagement } from './key-management';
import { ERASED, isSealed, ParticularsCodec, ParticularsErasedError } from './particulars-codec';
import { maskParticulars, WITHHELD } from './mask';
import { mayReadCase, mayUnhide } from './disclosure';
import { ProtectedEventStore } from './protected-event-store';

const PERSON_ID = '0190f0f0-0000-7000-8000-00000000a001';
const victim = {
  personId: PERSON_ID,
  name: { original: 'Lò Thị Mẫu', romanised: 'Lo Thi Mau' },
  dateOfBirth: { year: 2007, month: 3, day: 14 },
  sex: 'female',
  claimedNationality: 'VN',
  identityDocuments: [{ type: 'national_id', number: '038207001234', issuingCountry: 'VN' }],
  accompanyingChildren: [
    {
      relationship: 'child',
      person: { name: { original: '', romanised: 'Lo Van Binh' }, identityDocuments: [] },
    },
  ],
};
const data = {
  caseId: 'c-1',
  victim,
  circumstances: 'Found at the Hekou market',
  phoneNumbers: ['+84 912 000 001', '+86 138 0000 0001'],
  schedule: { borderGate: 'Lao Cai' },
};
const context = { caseId: 'c-1', category: 'repatriation', at: '2026-01-01T00:00:00.000Z' };

describe('particulars at rest', () => {
  let dir: string;
  let keys: KeyStore;
  let codec: ParticularsCodec;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-protection-'));
    const kms = LocalKeyManagement.forDataDir(dir);
    keys = new KeyStore(path.join(dir, 'keys', 'k.sqlite'), kms);
    codec = new ParticularsCodec(keys, kms);
  });
  afterEach(() => {
    keys.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('seals every particular of the rule, keeps the statistical residue, and opens them back exactly', async () => {
    const sealed = (await codec.seal(data, context)) as Record<string, unknown>;
    const text = JSON.stringify(sealed);
    for (const plain of ['Mau', 'Mẫu', 'Binh', '038207001234', 'Hekou', '"day":14', '912 000'])
      expect(text).not.toContain(plain);
    expect(isSealed(sealed.victim)).toBe(true);
    expect(sealed.victim).toMatchObject({
      $sealed: `person:${PERSON_ID}`,
      sex: 'female',
      dateOfBirth: { year: 2007 },
    });
    expect(sealed.schedule).toEqual(data.schedule);
    expect(await codec.open(sealed)).toEqual(data);
  });

  it("seals an identification's grounds (her story) and keeps its decision, criteria and authority readable", async () => {
    const identified = {
      identification: {
        decision: 'identified',
        criteria: ['act', 'means', 'purpose'],
        grounds: 'Recruited in Phong Tho with a false job offer',
        authority: 'Lai Chau provincial police',
        identifiedOn: '2026-11-22',
      },
    };
    const sealed = (await codec.seal(identified, context)) as { identification: Record<string, unknown> };
    expect(JSON.stringify(sealed)).not.toContain('Phong Tho');
    expect(isSealed(sealed.identification.grounds)).toBe(true);
    expect(sealed.identification).toMatchObject({
      decision: 'identified',
      authority: 'Lai Chau provincial police',
    });
    expect(await codec.open(sealed)).toEqual(identified);
  });

  it("reads through the adapter's cheaper reads what readStream and readAll give, particulars still sealed", async () => {
    const inner = new SqliteEventStore({ file: path.join(dir, 'events.sqlite') });
    const store = new ProtectedEventStore(inner, codec);
    try {
      const metadata = { correlationId: 'c-1', actor: 't', occurredAt: context.at, schemaVersion: 1 };
      await store.appendToStream('repatriation-c-1', [{ type: 'RepatriationRequested', data, metadata }]);
      const [whole] = await store.readStream('repatriation-c-1');
      const [all] = await store.readAll();
      expect(isSealed((whole!.data as typeof data).victim)).toBe(true);

      const [folded] = await store.readStreamForFold!('repatriation-c-1');
      expect(folded!.data).toEqual(whole!.data);
      const [text] = await store.readAllText!();
      expect(JSON.parse(text!.dataText)).toEqual(all!.data);
      const [stored] = await store.readAllStored!();
      expect(Buffer.from(stored!.dataBytes)).toEqual(Buffer.from(all!.dataBytes));
      const packed = await store.readAllPacked!({ maxCount: 10, headroom: 0 });
      expect(packed?.count).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('opens a sealed list of texts (phone numbers) back as the list', async () => {
    const traces = { phoneNumbers: ['+84 912 000 001', '+86 138 0000 0001'], suspectedPlace: 'Jinping' };
    const sealed = (await codec.seal(traces, context)) as Record<string, unknown>;
    expect(isSealed(sealed.phoneNumbers)).toBe(true);
    expect(await codec.open(sealed)).toEqual(traces);
  });

  it('gives calls made at once for one new key the one stored key, and links every case durably', async () => {
    const cases = ['c-1', 'c-2', 'c-3'].map((caseId) => ({ ...context, caseId }));
    const made = await Promise.all(cases.map((use) => keys.keyFor('person:p-9', use)));
    expect(made[0]).toHaveLength(32);
    for (const key of made) expect(key!.equals(made[0]!)).toBe(true);
    // Another process opening the file sees what the calls resolved on: the key and its three cases.
    const other = new KeyStore(path.join(dir, 'keys', 'k.sqlite'), LocalKeyManagement.forDataDir(dir));
    try {
      expect((await other.lookup('person:p-9')) as { key: Buffer }).toEqual({ key: made[0] });
      expect(other.casesOfKey('person:p-9').sort()).toEqual(['c-1', 'c-2', 'c-3']);
      // A case met later by this process is still linked, though the key is cached.
      await keys.keyFor('person:p-9', { ...context, caseId: 'c-4' });
      expect(other.casesOfKey('person:p-9')).toContain('c-4');
    } finally {
      other.close();
    }
  });

  it('keeps the master key file to its owner and refuses one others can read', () => {
    const file = path.join(dir, 'keys', 'master.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.chmodSync(file, 0o644);
    expect(() => LocalKeyManagement.forDataDir(dir)).toThrow(/readable by others/);
  });

  it('indexes names blindly, and keeps no blind index beside a sealed record (it would outlive an erasure)', async () => {
    const sealed = (await codec.seal(data, context)) as { victim: Record<string, unknown> };
    expect(normaliseName('  Lò Thị  MẪU ')).toBe('lo thi mau');
    const index = (await codec.nameIndexOf('lo thi mau'))!;
    expect(sealed.victim).toMatchObject({ record: 'person' });
    expect(sealed.victim).not.toHaveProperty('nameIndex');
    expect(JSON.stringify(sealed)).not.toContain(index);
    expect(nameIndex(hmacBlindIndexer(Buffer.alloc(32, 1)), 'Lo Thi Mau')).not.toBe(
      nameIndex(hmacBlindIndexer(Buffer.alloc(32, 2)), 'Lo Thi Mau'),
    );
  });

  it('after the key is destroyed, the person reads as erased, the rest still opens, and nothing new is sealed under it', async () => {
    const sealed = await codec.seal(data, context);
    const destruction = keys.destroy(`person:${PERSON_ID}`, {
      destroyedBy: 'officer:o1',
      ground: 'retention',
      at: '2031-01-01T00:00:00.000Z',
    });
    expect(destruction).toMatchObject({ destroyedBy: 'officer:o1', ground: 'retention' });
    const opened = (await codec.open(sealed)) as { victim: Record<string, unknown>; circumstances: string };
    expect(opened.victim).toMatchObject({ erased: true, name: { romanised: ERASED }, sex: 'female' });
    expect(opened.circumstances).toBe(data.circumstances);
    expect(keys.keysOfCase('c-1').sort()).toEqual(['case:c-1', `person:${PERSON_ID}`]);
    await expect(codec.seal(data, context)).rejects.toBeInstanceOf(ParticularsErasedError);
    const raw = fs.readFileSync(path.join(dir, 'keys', 'k.sqlite'));
    expect(raw.includes(Buffer.from(`person:${PERSON_ID}`))).toBe(true);
  });

  it('masks plain and sealed particulars alike with one rule', async () => {
    const sealed = await codec.seal(data, context);
    const paths = ['victim', 'circumstances', 'phoneNumbers'];
    expect(maskParticulars(data).paths).toEqual(paths);
    expect(maskParticulars(sealed).paths).toEqual(paths);
    expect(maskParticulars(sealed).value).toEqual({
      ...data,
      victim: WITHHELD,
      circumstances: WITHHELD,
      phoneNumbers: WITHHELD,
    });
  });
});

describe('need-to-know', () => {
  it.each([
    [['liaison_officer'], 'verification', true],
    [['border_guard_command'], 'repatriation', true],
    [['border_guard_command'], 'handover', true],
    [['border_guard_command'], 'verification', false],
    [['border_guard_command'], 'notice', false],
    [['auditor'], 'notice', true],
    [['key_administrator'], 'repatriation', false],
  ])('%j reads %s cases: %s', (roles, category, allowed) => {
    expect(mayReadCase(roles, category).allowed).toBe(allowed);
  });

  it('un-hiding needs a reason, and an auditor a grant', () => {
    expect(mayUnhide(['liaison_officer'], 'verification', {})).toMatchObject({
      allowed: false,
      code: 'REASON_REQUIRED',
    });
    expect(mayUnhide(['liaison_officer'], 'verification', { reason: 'verify identity' }).allowed).toBe(true);
    expect(mayUnhide(['auditor'], 'verification', { reason: 'audit' })).toMatchObject({
      allowed: false,
      code: 'GRANT_REQUIRED',
    });
    expect(mayUnhide(['auditor'], 'verification', { reason: 'audit', granted: true }).allowed).toBe(true);
    expect(mayUnhide(['border_guard_command'], 'notice', { reason: 'curious' })).toMatchObject({
      allowed: false,
      code: 'NOT_NEEDED_TO_KNOW',
    });
  });
});
