import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tokenVerificationKeys } from './token-keys';
import { mintLocalToken, TOKEN_ISSUER_DEFAULT, verifyToken } from './tokens';

describe('officer tokens', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-tokens-'));
  const officer = { id: 'lo-17', agency: 'VN.BGC.LAICHAU', roles: ['liaison_officer' as const] };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('verifies a token minted with the local key into the officer it names', async () => {
    const token = await mintLocalToken(dir, officer);
    const keys = await tokenVerificationKeys({ localDir: dir });
    expect(await verifyToken(token, keys, TOKEN_ISSUER_DEFAULT)).toEqual({ ok: true, officer });
  });

  it.each([
    ['no token', undefined, 'TOKEN_MISSING'],
    ['garbage', 'not.a.token', 'TOKEN_INVALID'],
  ])('refuses %s', async (_name, token, code) => {
    const keys = await tokenVerificationKeys({ localDir: dir });
    expect(await verifyToken(token, keys, TOKEN_ISSUER_DEFAULT)).toMatchObject({ ok: false, code });
  });

  it('refuses a token signed by another key, another issuer, or expired', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-tokens-other-'));
    const keys = await tokenVerificationKeys({ localDir: dir });
    expect(await verifyToken(await mintLocalToken(other, officer), keys, TOKEN_ISSUER_DEFAULT)).toMatchObject(
      { code: 'TOKEN_INVALID' },
    );
    expect(
      await verifyToken(
        await mintLocalToken(dir, officer, { issuer: 'elsewhere' }),
        keys,
        TOKEN_ISSUER_DEFAULT,
      ),
    ).toMatchObject({ code: 'TOKEN_INVALID' });
    expect(
      await verifyToken(await mintLocalToken(dir, officer, { ttlSeconds: -10 }), keys, TOKEN_ISSUER_DEFAULT),
    ).toMatchObject({ code: 'TOKEN_EXPIRED' });
    fs.rmSync(other, { recursive: true, force: true });
  });
});
