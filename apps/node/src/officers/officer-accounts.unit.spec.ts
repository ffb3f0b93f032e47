import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LOCKOUT, OfficerAccounts, SESSION_HOURS } from './officer-accounts';
import { OfficerStore } from './officer-store';

describe('local officer accounts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-officers-'));
  let now = new Date('2031-03-01T08:00:00Z');
  const store = new OfficerStore(path.join(dir, 'officers.sqlite'));
  const accounts = new OfficerAccounts(store, 'VN.BGC.LAICHAU', () => now);
  const password = 'correct horse battery';
  const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));

  beforeAll(async () => {
    for (const id of ['lo-17', 'lo-18', 'lo-19'])
      expect(
        await accounts.add({ id, displayName: 'Lò Văn An', roles: ['liaison_officer'], password }),
      ).toEqual({ ok: true });
  });
  afterAll(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps only a scrypt hash of the password', () => {
    const stored = store.find('lo-17')!;
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(fs.readFileSync(path.join(dir, 'officers.sqlite')).includes(Buffer.from(password))).toBe(false);
  });

  it('signs in with the right password into a session of this agency, which expires', async () => {
    const outcome = await accounts.signIn('lo-17', password);
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.officer).toEqual({
      id: 'lo-17',
      agency: 'VN.BGC.LAICHAU',
      roles: ['liaison_officer'],
      displayName: 'Lò Văn An',
    });
    expect(accounts.session(outcome.token)).toMatchObject({
      officer: { id: 'lo-17' },
      csrfToken: outcome.csrfToken,
    });
    expect(accounts.session(`${outcome.token}x`)).toBeUndefined();
    later(SESSION_HOURS * 60 + 1);
    expect(accounts.session(outcome.token)).toBeUndefined();
  });

  it('refuses a wrong password and an unknown id alike, and locks after repeated failures', async () => {
    expect(await accounts.signIn('nobody', password)).toMatchObject({ ok: false, code: 'SIGNIN_INVALID' });
    for (let i = 1; i < LOCKOUT.failures; i++)
      expect(await accounts.signIn('lo-18', 'wrong password!')).toMatchObject({ code: 'SIGNIN_INVALID' });
    expect(await accounts.signIn('lo-18', 'wrong password!')).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    // Locked: even the right password is refused until the lock ends.
    expect(await accounts.signIn('lo-18', password)).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    later(LOCKOUT.minutes + 1);
    expect(await accounts.signIn('lo-18', password)).toMatchObject({ ok: true });
  });

  it('a success resets the failure count', async () => {
    for (let i = 1; i < LOCKOUT.failures; i++) await accounts.signIn('lo-19', 'wrong password!');
    expect(await accounts.signIn('lo-19', password)).toMatchObject({ ok: true });
    expect(await accounts.signIn('lo-19', 'wrong password!')).toMatchObject({ code: 'SIGNIN_INVALID' });
    expect(store.find('lo-19')!.failedAttempts).toBe(1);
  });

  it('disabling ends the sessions and refuses sign-in; reset re-enables with a new password', async () => {
    const outcome = await accounts.signIn('lo-17', password);
    if (!outcome.ok) throw new Error(outcome.code);
    expect(accounts.disable('lo-17')).toEqual({ ok: true, sessionsEnded: expect.any(Number) });
    expect(accounts.session(outcome.token)).toBeUndefined();
    expect(await accounts.signIn('lo-17', password)).toMatchObject({ code: 'ACCOUNT_DISABLED' });
    expect(await accounts.signIn('lo-17', 'not the password')).toMatchObject({ code: 'SIGNIN_INVALID' });
    expect(await accounts.reset('lo-17', 'a brand new passphrase')).toEqual({ ok: true });
    expect(await accounts.signIn('lo-17', password)).toMatchObject({ code: 'SIGNIN_INVALID' });
    expect(await accounts.signIn('lo-17', 'a brand new passphrase')).toMatchObject({ ok: true });
  });

  it('refuses bad accounts with the field at fault', async () => {
    expect(
      await accounts.add({ id: 'Bad Id', displayName: 'x', roles: ['auditor'], password }),
    ).toMatchObject({ field: 'id' });
    expect(
      await accounts.add({ id: 'au-1', displayName: 'x', roles: ['auditor'], password: 'short' }),
    ).toMatchObject({ field: 'password' });
    expect(await accounts.add({ id: 'lo-17', displayName: 'x', roles: ['auditor'], password })).toMatchObject(
      { code: 'ALREADY_EXISTS' },
    );
    expect(accounts.disable('nobody')).toMatchObject({ code: 'NOT_FOUND' });
  });
});
