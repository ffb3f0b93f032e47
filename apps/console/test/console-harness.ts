import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { RunningNode } from '../../node/src/node-app';
import { addOfficerAccounts, OfficerToAdd } from '../../node/src/officers/demo-officer';
import { prepareAgencies, startTestNode, TestAgency } from '../../node/src/testing/node-pair';

const REPO = path.resolve(__dirname, '../../..');
export const CONSOLE_DIR = path.join(REPO, 'dist/console');
export const PASSWORD = 'correct horse battery staple';

/** Debian's Chromium, as CI installs it; flags keep it from reaching the network or a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds the console unless dist/console is newer than every source file (the build takes ~10 s). */
export function ensureConsoleBuilt(): void {
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const full = path.join(dir, entry.name);
      return Math.max(max, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
    }, 0);
  const index = path.join(CONSOLE_DIR, 'index.html');
  const sources = Math.max(
    newest(path.join(REPO, 'apps/console/src')),
    fs.statSync(path.join(REPO, 'apps/console/index.html')).mtimeMs,
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs > sources) return;
  const built = spawnSync(
    process.execPath,
    [path.join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/console/vite.config.mjs'],
    { cwd: REPO, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`console build failed:\n${built.stdout}\n${built.stderr}`);
}

export type OfficerSpec = OfficerToAdd;

export interface ConsolePair {
  readonly agencies: TestAgency[];
  readonly nodes: RunningNode[];
  readonly browser: Browser;
  /** A fresh browser context (its own cookies) on a node's console. */
  open(node: number, options?: { language?: string }): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

/** Two agencies (VN and CN) over the test broker, each with its console and officers, and a browser. */
export async function startConsolePair(officers: readonly OfficerSpec[][]): Promise<ConsolePair> {
  ensureConsoleBuilt();
  const { root, agencies } = await prepareAgencies(['VN.BGC', 'CN.YN'], { XB_CONSOLE_DIR: CONSOLE_DIR });
  for (const [i, agency] of agencies.entries()) await addOfficerAccounts(agency, officers[i] ?? [], PASSWORD);
  const nodes: RunningNode[] = [];
  for (const agency of agencies) nodes.push(await startTestNode(agency, { resendTickMs: 500 }));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    agencies,
    nodes,
    browser,
    async open(node, options = {}) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        ...(options.language ? { locale: options.language } : {}),
      });
      if (options.language)
        await context.addInitScript(
          `localStorage.setItem('xb.language', ${JSON.stringify(options.language)})`,
        );
      const page = await context.newPage();
      await page.goto(nodes[node].url!);
      return { context, page };
    },
    async stop() {
      await browser.close().catch(() => undefined);
      for (const node of nodes.reverse()) await node.stop().catch(() => undefined);
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Signs in through the form; unless refused, waits until the console's header (signed in) shows. */
/** Pages reach only this machine: a page that asks for anything else (a web font) is refused. */
export async function onlyLoopback(context: BrowserContext): Promise<void> {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort());
}

export async function signIn(
  page: Page,
  officerId: string,
  password = PASSWORD,
  { refused = false } = {},
): Promise<void> {
  await page.locator('#officer-id').fill(officerId);
  await page.locator('#password').fill(password);
  await page.locator('form button[type=submit]').click();
  if (!refused) await page.locator('header').waitFor();
}

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations on the page as it is now (rule id and the nodes' targets). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the console's CSP (no inline script) does not apply.
  await page.evaluate(`${AXE}\n;0`);
  const results = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
