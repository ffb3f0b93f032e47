import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { UsageError } from '../cli/io';
import { loadSealKeys, type SealKey } from './load-keys';

const US = 'VN.BGC.LAICHAU';
const CN = 'CN.YN.BORDERPOLICE';
let dir: string;
let current: openpgp.PrivateKey;
let retired: openpgp.PrivateKey;
let theirs: openpgp.PrivateKey;

const make = async (name: string) =>
  (await openpgp.generateKey({ type: 'ecc', userIDs: [{ name }], format: 'object' })).privateKey;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
};
const trustFile = (agencyId: string, key: openpgp.PrivateKey) =>
  JSON.stringify({
    agencyId,
    fingerprint: key.getFingerprint(),
    validFrom: '2026-01-01T00:00:00Z',
    publicKey: key.toPublic().armor(),
  });
const fingerprints = (keys: openpgp.PublicKey[]) => keys.map((k) => k.getFingerprint()).sort();
const summary = (keys: SealKey[]) =>
  keys
    .map((k) => ({ fingerprint: k.fingerprint, agencies: k.agencies, independent: k.independent }))
    .sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-auditor-keys-'));
  [current, retired, theirs] = await Promise.all([make(US), make(US), make(CN)]);
  write(path.join(dir, 'node/keys/agency.public.asc'), current.toPublic().armor());
  write(path.join(dir, 'node/keys/retired/old.private.asc'), retired.armor());
  write(path.join(dir, 'trust/current.asc'), current.toPublic().armor());
  write(path.join(dir, `trust/${US}.json`), trustFile(US, retired));
  write(path.join(dir, `trust/${CN}.json`), trustFile(CN, theirs));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('loading the seal keys', () => {
  it("takes the data dir's current and retired keys, bound by user id, but never as independent", async () => {
    const keys = await loadSealKeys({ dataDir: path.join(dir, 'node'), agencyId: US });
    expect(summary(keys)).toEqual(
      summary([
        { fingerprint: current.getFingerprint(), agencies: [US], independent: false },
        { fingerprint: retired.getFingerprint(), agencies: [US], independent: false },
      ] as unknown as SealKey[]),
    );
    expect(keys.every((k) => !k.key.isPrivate())).toBe(true);
  });

  it("takes a directory's key files and trust files, each bound to its own agency", async () => {
    const keys = await loadSealKeys({ keysDir: path.join(dir, 'trust'), dataDir: 'unused', agencyId: US });
    expect(summary(keys)).toEqual(
      summary([
        { fingerprint: current.getFingerprint(), agencies: [US], independent: true },
        { fingerprint: retired.getFingerprint(), agencies: [US], independent: true },
        { fingerprint: theirs.getFingerprint(), agencies: [CN], independent: true },
      ] as unknown as SealKey[]),
    );
  });

  it('takes the files given, ahead of any directory', async () => {
    const file = path.join(dir, 'node/keys/agency.public.asc');
    const keys = await loadSealKeys({
      publicKeyFiles: [file],
      keysDir: path.join(dir, 'trust'),
      dataDir: 'x',
      agencyId: US,
    });
    expect(fingerprints(keys.map((k) => k.key))).toEqual([current.getFingerprint()]);
  });

  it('counts a data dir key as independent once its fingerprint is pinned', async () => {
    const keys = await loadSealKeys({
      dataDir: path.join(dir, 'node'),
      pinned: [current.getFingerprint().toUpperCase()],
      agencyId: US,
    });
    expect(keys.filter((k) => k.independent).map((k) => k.fingerprint)).toEqual([current.getFingerprint()]);
  });

  it.each([
    ['a data dir without keys', () => ({ dataDir: path.join(dir, 'nowhere'), agencyId: US })],
    ['a missing directory', () => ({ keysDir: path.join(dir, 'nowhere'), dataDir: 'x', agencyId: US })],
    [
      'a file that is no key',
      () => ({ publicKeyFiles: [path.join(dir, `trust/${US}.json`)], dataDir: 'x', agencyId: US }),
    ],
    [
      'a pinned fingerprint no key has',
      () => ({ dataDir: path.join(dir, 'node'), pinned: ['00'.repeat(20)], agencyId: US }),
    ],
  ])('refuses %s as a usage error', async (_label, source) => {
    await expect(loadSealKeys(source())).rejects.toThrow(UsageError);
  });
});
