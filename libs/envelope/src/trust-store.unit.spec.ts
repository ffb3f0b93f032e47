import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateAgencyKey } from './agency-key';
import { Agency, CN, makeAgency, trusted, VN } from './__fixtures__/agencies';
import { TrustStore } from './trust-store';
import { loadTrustStore, TrustFile, trustFileName } from './trust-store-files';

let vnOld: Agency;
let vnNew: Agency;
let cn: Agency;
let dir: string;

beforeAll(async () => {
  [vnOld, vnNew, cn] = await Promise.all([makeAgency(VN), makeAgency(VN), makeAgency(CN)]);
});
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'xb-trust-'));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const at = (iso: string) => new Date(iso);

describe('TrustStore rotation', () => {
  // The old key ends on 1 March; the new one starts on 1 February: a month when both verify.
  const store = () =>
    new TrustStore([
      trusted(vnOld, { validFrom: at('2025-01-01T00:00:00Z'), validUntil: at('2026-03-01T00:00:00Z') }),
      trusted(vnNew, { validFrom: at('2026-02-01T00:00:00Z') }),
    ]);

  it.each([
    ['before the overlap', '2026-01-15T00:00:00Z', () => [vnOld]],
    ['during the overlap', '2026-02-15T00:00:00Z', () => [vnNew, vnOld]],
    ['after the overlap', '2026-03-15T00:00:00Z', () => [vnNew]],
  ])('gives the keys valid %s', (_name, when, expected) => {
    const lookup = store().senderKeys(VN, at(when));
    expect(lookup.ok && lookup.keys.map((k) => k.fingerprint)).toEqual(
      expected().map((a) => a.generated.fingerprint),
    );
  });

  it('encrypts to the newest key during the overlap', () => {
    expect(store().encryptionKeyFor(VN, at('2026-02-15T00:00:00Z'))?.getFingerprint()).toBe(
      vnNew.generated.fingerprint,
    );
  });

  it('says why there is no key: unknown, expired (or not yet valid), revoked', () => {
    const s = new TrustStore([
      trusted(cn, { validFrom: at('2026-01-01T00:00:00Z'), revokedAt: at('2026-06-01T00:00:00Z') }),
    ]);
    expect(s.senderKeys(VN, at('2026-02-01T00:00:00Z'))).toMatchObject({
      ok: false,
      reason: 'UNKNOWN_SENDER',
    });
    expect(s.senderKeys(CN, at('2025-12-01T00:00:00Z'))).toMatchObject({ ok: false, reason: 'KEY_EXPIRED' });
    // Revocation applies whatever sent_at says: a stolen key can write any date.
    expect(s.senderKeys(CN, at('2026-02-01T00:00:00Z'))).toMatchObject({ ok: false, reason: 'KEY_REVOKED' });
  });

  it('counts its replacements, so a copy elsewhere (a crypto child) can tell it is stale', () => {
    const s = store();
    expect(s.version).toBe(0);
    s.replace([trusted(cn)]);
    s.replace([trusted(cn)]);
    expect(s.version).toBe(2);
    expect(s.agencies()).toEqual([CN]);
  });
});

describe('loadTrustStore', () => {
  const entry = (agency: Agency, extra: Partial<TrustFile> = {}): TrustFile => ({
    agencyId: agency.id,
    fingerprint: agency.generated.fingerprint,
    validFrom: '2026-01-01T00:00:00Z',
    publicKey: agency.generated.publicKeyArmored,
    ...extra,
  });
  const write = (name: string, content: unknown) =>
    fs.writeFile(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));

  it('loads every file of the directory', async () => {
    await write(
      trustFileName(CN, cn.generated.fingerprint),
      entry(cn, { validUntil: '2027-01-01T00:00:00Z' }),
    );
    await write(
      trustFileName(VN, vnNew.generated.fingerprint),
      entry(vnNew, { revokedAt: '2026-05-01T00:00:00Z' }),
    );
    const load = await loadTrustStore(dir);
    if (!load.ok) throw new Error(JSON.stringify(load.problems));
    expect(load.store.agencies()).toEqual([CN, VN]);
    expect(load.store.keysOf(CN)[0]).toMatchObject({
      validUntil: at('2027-01-01T00:00:00Z'),
      source: expect.stringContaining(dir),
    });
  });

  it('treats a missing directory as an empty store', async () => {
    const load = await loadTrustStore(path.join(dir, 'absent'));
    expect(load.ok && load.store.agencies()).toEqual([]);
  });

  it('names each bad file and its reason', async () => {
    const rsa2048 = await generateAgencyKey({ agencyId: 'LA.MOS', type: 'rsa', rsaBits: 2048 });
    await write('good.json', entry(cn));
    await write('not-json.json', '{ nope');
    await write('bad-agency.json', entry(cn, { agencyId: 'china police' }));
    await write('wrong-fingerprint.json', entry(cn, { fingerprint: vnOld.generated.fingerprint }));
    await write('window.json', entry(cn, { validUntil: '2025-01-01T00:00:00Z' }));
    await write('weak-rsa.json', {
      ...entry(cn),
      agencyId: 'LA.MOS',
      fingerprint: rsa2048.fingerprint,
      publicKey: rsa2048.publicKeyArmored,
    });
    const load = await loadTrustStore(dir);
    expect(load.ok).toBe(false);
    const problems = load.ok ? [] : load.problems.map((p) => [path.basename(p.file), p.reason]);
    expect(problems).toEqual([
      ['bad-agency.json', expect.stringContaining('agencyId')],
      ['not-json.json', expect.stringContaining('not readable JSON')],
      ['weak-rsa.json', expect.stringContaining('RSA key of 2048 bits')],
      ['window.json', expect.stringContaining('validUntil')],
      ['wrong-fingerprint.json', expect.stringContaining('fingerprint')],
    ]);
  });
});
