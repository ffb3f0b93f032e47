import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generateAgencyKey, loadOwnKeys, loadTrustStore, readPublicKeyCached } from '@xb/envelope';
import { exportPublic, generate, importKey, KeyContext, list, revoke } from './key-commands';

let dataDir: string;
const at = (iso: string) => new Date(iso);
const ctx = (now = at('2026-11-23T00:00:00Z'), passphrase?: string): KeyContext => ({
  agencyId: 'VN.BGC.LAICHAU',
  dataDir,
  now,
  ...(passphrase ? { passphrase } : {}),
});

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'xb-keys-'));
});
afterEach(() => fs.rm(dataDir, { recursive: true, force: true }));

describe('keys command', () => {
  it('generates a passphrase-protected key pair that loads with the passphrase only', async () => {
    await generate(ctx(undefined, 'correct horse'));
    await expect(loadOwnKeys(dataDir, undefined)).rejects.toThrow(/XB_KEY_PASSPHRASE/);
    const own = await loadOwnKeys(dataDir, 'correct horse');
    expect(own.current.getAlgorithmInfo().algorithm).toBe('eddsaLegacy');
    expect((await exportPublic(ctx()))[0]).toContain('BEGIN PGP PUBLIC KEY BLOCK');
  });

  it('rotates: the old key is retired and stays trusted for the overlap, both private keys load', async () => {
    await generate(ctx());
    await expect(generate(ctx())).rejects.toThrow(/--rotate/);
    await generate(ctx(at('2026-12-01T00:00:00Z')), { rotate: true, overlapDays: 10 });
    expect((await loadOwnKeys(dataDir)).all).toHaveLength(2);
    const load = await loadTrustStore(path.join(dataDir, 'trust'));
    if (!load.ok) throw new Error(JSON.stringify(load.problems));
    const during = load.store.senderKeys('VN.BGC.LAICHAU', at('2026-12-05T00:00:00Z'));
    const after = load.store.senderKeys('VN.BGC.LAICHAU', at('2026-12-20T00:00:00Z'));
    expect(during.ok && during.keys).toHaveLength(2);
    expect(after.ok && after.keys).toHaveLength(1);
  });

  it('imports a counterpart key with a window, lists it, revokes it', async () => {
    const cn = await generateAgencyKey({ agencyId: 'CN.YN.BORDERPOLICE' });
    const file = path.join(dataDir, 'cn.asc');
    await fs.writeFile(file, cn.publicKeyArmored);
    await importKey(ctx(), {
      agencyId: 'CN.YN.BORDERPOLICE',
      file,
      validFrom: '2026-11-01T00:00:00.000Z',
      validUntil: '2027-11-01T00:00:00.000Z',
    });
    expect((await list(ctx())).join('\n')).toMatch(
      new RegExp(`^valid +CN.YN.BORDERPOLICE +${cn.fingerprint} eddsaLegacy`, 'm'),
    );
    await revoke(ctx(), { fingerprint: cn.fingerprint, reason: 'key compromised' });
    expect((await list(ctx())).join('\n')).toMatch(
      new RegExp(`^revoked +CN.YN.BORDERPOLICE +${cn.fingerprint}`, 'm'),
    );
  });

  it('trusts an imported key from its creation time, so what the counterpart sent before the import opens', async () => {
    const cn = await generateAgencyKey({ agencyId: 'CN.YN.BORDERPOLICE' });
    const file = path.join(dataDir, 'cn.asc');
    await fs.writeFile(file, cn.publicKeyArmored);
    const created = (await readPublicKeyCached(cn.publicKeyArmored)).getCreationTime();
    const importedAt = new Date(created.getTime() + 86_400_000);
    await importKey(ctx(importedAt), { agencyId: 'CN.YN.BORDERPOLICE', file });
    const load = await loadTrustStore(path.join(dataDir, 'trust'));
    if (!load.ok) throw new Error(JSON.stringify(load.problems));
    // Sealed a minute after the key was made, a day before we imported it.
    const sentBeforeImport = load.store.senderKeys(
      'CN.YN.BORDERPOLICE',
      new Date(created.getTime() + 60_000),
    );
    expect(sentBeforeImport.ok && sentBeforeImport.keys).toHaveLength(1);
    const beforeTheKey = load.store.senderKeys('CN.YN.BORDERPOLICE', new Date(created.getTime() - 60_000));
    expect(beforeTheKey.ok).toBe(false);
  });

  it('refuses an RSA key under 3072 bits on import', async () => {
    const weak = await generateAgencyKey({ agencyId: 'LA.MOS', type: 'rsa', rsaBits: 2048 });
    const file = path.join(dataDir, 'la.asc');
    await fs.writeFile(file, weak.publicKeyArmored);
    await expect(importKey(ctx(), { agencyId: 'LA.MOS', file })).rejects.toThrow(/RSA key of 2048 bits/);
  });
});
