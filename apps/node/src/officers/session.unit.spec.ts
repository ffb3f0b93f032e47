import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventStoreFile, officersFile } from '@xb/config';
import { SqliteEventStore } from '@xb/event-store';
import { RunningNode, startNode } from '../node-app';
import { freePort } from '../testing/node-pair';
import { OfficerAccounts } from './officer-accounts';
import { OfficerStore } from './officer-store';

/** The console's sign-in over HTTP, on a node running only its `api` role (no broker needed). */
describe('console sessions', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-session-'));
  const password = 'correct horse battery';
  let node: RunningNode;
  let url: string;

  beforeAll(async () => {
    const store = new OfficerStore(officersFile(dataDir));
    const accounts = new OfficerAccounts(store, 'VN.BGC.LAICHAU', () => new Date());
    await accounts.add({ id: 'lo-17', displayName: 'Lò Văn An', roles: ['liaison_officer'], password });
    await accounts.add({ id: 'au-1', displayName: 'Auditor', roles: ['auditor'], password });
    store.close();
    const port = await freePort();
    node = await startNode(
      { XB_ROLES: 'api', XB_DATA_DIR: dataDir, XB_HTTP_PORT: String(port), XB_AGENCY_ID: 'VN.BGC.LAICHAU' },
      { logger: false, clock: () => new Date('2031-03-01T08:00:00Z') },
    );
    url = node.url!;
  });
  afterAll(async () => {
    await node.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const signIn = (officerId: string, secret: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url, ...headers },
      body: JSON.stringify({ officerId, password: secret }),
    });
  const session = async (officerId: string) => {
    const response = await signIn(officerId, password);
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { cookie, csrfToken };
  };
  const notice = { counterpart: 'CN.YN.BORDERPOLICE', category: 'criminal_method', title: 't', content: 'c' };

  it('sets an HttpOnly, Secure, SameSite=Strict cookie that the API accepts in place of a token', async () => {
    const response = await signIn('lo-17', password);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^xb_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure; Expires=/);
    const board = await fetch(`${url}/api/verifications`, { headers: { cookie: cookie.split(';')[0] } });
    expect(board.status).toBe(200);
    const current = await fetch(`${url}/api/session`, { headers: { cookie: cookie.split(';')[0] } });
    expect(await current.json()).toMatchObject({ officer: { id: 'lo-17', roles: ['liaison_officer'] } });
  });

  it('needs the CSRF token and this node as Origin for a command sent with the cookie', async () => {
    const { cookie, csrfToken } = await session('lo-17');
    const post = (headers: Record<string, string>) =>
      fetch(`${url}/api/notices`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin: url, ...headers },
        body: JSON.stringify(notice),
      });
    expect(await (await post({})).json()).toMatchObject({ code: 'CSRF_REFUSED' });
    expect((await post({ 'x-csrf-token': 'guess' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrfToken, origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ 'x-csrf-token': csrfToken })).status).toBe(201);
  });

  it('refuses a wrong password, a sign-in from another origin, and a role without the right', async () => {
    expect(await (await signIn('lo-17', 'wrong password!')).json()).toMatchObject({ code: 'SIGNIN_INVALID' });
    expect((await signIn('lo-17', password, { origin: 'http://evil.example' })).status).toBe(403);
    const { cookie, csrfToken } = await session('au-1');
    const refused = await fetch(`${url}/api/notices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: url, 'x-csrf-token': csrfToken },
      body: JSON.stringify(notice),
    });
    expect(refused.status).toBe(403);
  });

  it('signs out, after which the cookie is refused', async () => {
    const { cookie, csrfToken } = await session('lo-17');
    const out = await fetch(`${url}/api/session`, {
      method: 'DELETE',
      headers: { cookie, origin: url, 'x-csrf-token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect((await fetch(`${url}/api/verifications`, { headers: { cookie } })).status).toBe(401);
  });

  it('records every sign-in, refusal and sign-out in the audit trail, never the password', async () => {
    const store = new SqliteEventStore({ file: eventStoreFile(dataDir) });
    const events = await store.readStream('audit-signins-2031-03-01');
    await store.close();
    const types = events.map((e) => e.type);
    expect(types).toContain('AuditOfficerSignedIn');
    expect(types).toContain('AuditOfficerSignedOut');
    expect(events.filter((e) => e.type === 'AuditOfficerSignInRefused').map((e) => e.data)).toContainEqual(
      expect.objectContaining({ officerId: 'lo-17', code: 'SIGNIN_INVALID', method: 'password' }),
    );
    expect(JSON.stringify(events.map((e) => [e.data, e.metadata]))).not.toContain(password);
  });
});
