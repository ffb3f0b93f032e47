import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Browser, chromium } from 'playwright-core';
import { waitFor } from '@xb/testing';
import { ChildProcessNode } from '../../node/src/testing/child-process-node';
import { freePort, prepareAgencies, storeOf, TestAgency } from '../../node/src/testing/node-pair';
import { CHROMIUM_ARGS, CONSOLE_DIR, ensureConsoleBuilt, onlyLoopback } from './console-harness';
import { expect as pwExpect } from './expect-page';

/**
 * Signing in to the console at the agency's identity provider: OpenID Connect, authorization code with
 * PKCE, the oidc-provider package playing the provider. Node and provider run in their own processes
 * (both libraries are ES modules, which Node loads natively and jest's module system does not).
 */
describe('console sign-in at the identity provider (browser)', () => {
  let provider: ChildProcess;
  let node: ChildProcessNode;
  let browser: Browser;
  let nodeUrl: string;
  let root: string;
  let agency: TestAgency;

  beforeAll(async () => {
    ensureConsoleBuilt();
    const [providerPort, nodePort] = [await freePort(), await freePort()];
    nodeUrl = `http://127.0.0.1:${nodePort}`;
    let output = '';
    provider = spawn(process.execPath, [path.join(__dirname, 'oidc-provider.mjs')], {
      env: {
        ...process.env,
        OIDC_PORT: String(providerPort),
        OIDC_REDIRECT_URI: `${nodeUrl}/api/session/oidc/callback`,
        OIDC_CLIENT_SECRET: 'test-client-secret',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    provider.stdout!.on('data', (c) => (output += String(c)));
    provider.stderr!.on('data', (c) => (output += String(c)));
    await waitFor(
      'the identity provider',
      () => output.includes('ready') || (provider.exitCode !== null && Promise.reject(new Error(output))),
      { timeoutMs: 30_000 },
    );
    const prepared = await prepareAgencies(['VN.BGC'], {
      XB_ROLES: 'api',
      XB_HTTP_PORT: String(nodePort),
      XB_CONSOLE_DIR: CONSOLE_DIR,
      XB_OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
      XB_OIDC_CLIENT_SECRET: 'test-client-secret',
    });
    root = prepared.root;
    agency = prepared.agencies[0];
    node = new ChildProcessNode(agency);
    await node.start();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await node?.stop();
    provider?.kill('SIGTERM');
    if (root) (await import('node:fs')).rmSync(root, { recursive: true, force: true });
  });

  const signInAtProvider = async (login: string) => {
    const context = await browser.newContext();
    await onlyLoopback(context);
    await context.addInitScript(`localStorage.setItem('xb.language', 'en')`);
    const page = await context.newPage();
    await page.goto(nodeUrl);
    await page.getByRole('link', { name: "Sign in at the agency's identity provider" }).click();
    await page.locator('input[name=login]').fill(login);
    // The development login page takes any password: the provider, not this test, would check it.
    await page.locator('input[name=password]').fill('any password');
    await page.locator('button[type=submit]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    return { context, page };
  };

  it('signs an officer in with the roles the provider gives, without a local account', async () => {
    const { context, page } = await signInAtProvider('lo-77');
    await pwExpect(page.locator('header .officer')).toContainText('Lò Văn Bảy (liaison officer)');
    await pwExpect(page.getByRole('link', { name: 'Verifications' })).toHaveCount(1);
    await context.close();
  });

  it('refuses an officer to whom the provider gives no role', async () => {
    const { context, page } = await signInAtProvider('nobody-here');
    await pwExpect(page.getByRole('alert')).toHaveText(
      'The identity provider gives you no role in this console.',
    );
    await context.close();
  });

  it('records both in the audit trail, as signed in at the identity provider', async () => {
    const store = storeOf(agency);
    const signIns = (await store.readAll({ direction: 'backwards', maxCount: 200 })).filter((e) =>
      e.streamId.startsWith('audit-signins-'),
    );
    await store.close();
    expect(signIns.map((e) => [e.type, e.data])).toEqual(
      expect.arrayContaining([
        ['AuditOfficerSignedIn', expect.objectContaining({ officerId: 'lo-77', method: 'oidc' })],
        ['AuditOfficerSignInRefused', expect.objectContaining({ method: 'oidc', code: 'OIDC_NO_ROLE' })],
      ]),
    );
  });
});
