/**
 * `npm run console:screenshots`: every page of the console in every language, as docs/console/<lang>/
 * <page>.jpg, from two real nodes (VN.BGC.LAICHAU, and CN.YN.BORDERPOLICE answering through its
 * responder) after the demo's scenario has run between them over a local broker.
 *
 * Settings: KAFKA_BROKERS (use that cluster), CONSOLE_SCREENSHOTS_KAFKA_PORT (default 19392).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startLocalKafka, stopLocalKafka, waitForKafkaCoordinator } from '@xb/testing';
import { COMMAND_ROUTES, PERSON_COMMAND_ROUTES } from '../../node/src/api/command-routes';
import { mintLocalToken } from '../../node/src/auth/tokens';
import { OfficerClient } from '../../node/src/demo/officer-client';
import { runScenario } from '../../node/src/demo/scenario';
import { introduceAgencies } from '../../node/src/keys/introduce';
import { RunningNode, startNode } from '../../node/src/node-app';
import { addOfficerAccounts, DEMO_OFFICER } from '../../node/src/officers/demo-officer';
import { freePort } from '../../node/src/testing/node-pair';
import { BOARDS } from '../src/pages/boards';
import {
  CHROMIUM_ARGS,
  CONSOLE_DIR,
  ensureConsoleBuilt,
  onlyLoopback,
  PASSWORD,
  signIn,
} from './console-harness';

const OUT = path.resolve(__dirname, '../../../docs/console');
const LANGUAGES = ['vi', 'zh', 'lo', 'en'];

/**
 * A person in the register with the repatriated woman's case linked, and a second record of her (as
 * another office would make it) that the register proposes as a candidate: the person page's content.
 */
async function recordPerson(client: OfficerClient, caseId: string): Promise<string> {
  const body = PERSON_COMMAND_ROUTES.find((r) => r.command === 'RecordPerson')!.example(new Date());
  const { personId } = await client.post('/api/persons', body);
  await client.post('/api/persons', body);
  await client.post(`/api/persons/${String(personId)}/links`, {
    caseId,
    category: 'repatriation',
    role: 'subject',
  });
  return String(personId);
}

async function main() {
  ensureConsoleBuilt();
  const port = Number(process.env.CONSOLE_SCREENSHOTS_KAFKA_PORT ?? 19392);
  const ownBroker = !process.env.KAFKA_BROKERS;
  const brokers = process.env.KAFKA_BROKERS ?? (await startLocalKafka(port));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xb-screenshots-'));
  const nodes: RunningNode[] = [];
  try {
    await waitForKafkaCoordinator(brokers.split(','));
    const agencies = [
      { agencyId: 'VN.BGC.LAICHAU', dataDir: path.join(root, 'vn'), roles: 'api,gateway,projector,sealer' },
      {
        agencyId: 'CN.YN.BORDERPOLICE',
        dataDir: path.join(root, 'cn'),
        roles: 'api,gateway,projector,sealer,responder',
      },
      {
        agencyId: 'LA.PHONGSALY.POLICE',
        dataDir: path.join(root, 'la'),
        roles: 'api,gateway,projector,sealer,responder',
      },
    ];
    await introduceAgencies(agencies);
    for (const agency of agencies) {
      const roles = ['liaison_officer', 'border_guard_command', 'auditor'] as const;
      await addOfficerAccounts(agency, [{ id: DEMO_OFFICER, displayName: 'Lò Văn An', roles }], PASSWORD);
      nodes.push(
        await startNode(
          {
            XB_AGENCY_ID: agency.agencyId,
            XB_DATA_DIR: agency.dataDir,
            XB_HTTP_PORT: String(await freePort()),
            XB_ROLES: agency.roles,
            KAFKA_BROKERS: brokers,
            XB_CONSOLE_DIR: CONSOLE_DIR,
          },
          { logger: false },
        ),
      );
    }
    const clients = await Promise.all(
      agencies.map(async (a, i) => {
        const token = await mintLocalToken(path.join(a.dataDir, 'auth'), {
          id: 'demo-officer',
          agency: a.agencyId,
          roles: ['liaison_officer', 'border_guard_command', 'auditor'],
        });
        return new OfficerClient(a.agencyId, nodes[i].url!, token);
      }),
    );
    const [vn, cn, la] = clients;
    const outcomes = await runScenario({ vn, cn, la }, () => undefined);
    const caseOf = (resource: string) => outcomes.find((o) => o.resource === resource)!;
    const repatriation = caseOf('repatriations');
    const person = await recordPerson(vn, repatriation.caseId);
    // The demo sends no working group: one asked of China, for the missions board and its case page.
    const mission = String(
      (
        await vn.post('/api/missions', {
          ...COMMAND_ROUTES.find((r) => r.command === 'RequestMission')!.example(new Date()),
          counterpart: cn.agencyId,
        })
      ).caseId,
    );
    const pages: [string, string][] = [
      ['my-work', '/'],
      ...BOARDS.map((board): [string, string] => [board.name, `/boards/${board.name}`]),
      ['case', `/cases/repatriations/${repatriation.caseId}`],
      ['case-locate-rescue', `/cases/locate-rescues/${caseOf('locate-rescues').caseId}`],
      ['case-wanted-person', `/cases/wanted-persons/${caseOf('wanted-persons').caseId}`],
      ['case-liaison-meeting', `/cases/liaison-meetings/${caseOf('liaison-meetings').caseId}`],
      ['case-notice', `/cases/notices/${caseOf('notices').caseId}`],
      ['case-mission', `/cases/missions/${mission}`],
      ['person', `/persons/${person}`],
      ['audit', '/audit'],
      ['reports', '/reports'],
    ];
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      for (const language of LANGUAGES) {
        const dir = path.join(OUT, language);
        fs.mkdirSync(dir, { recursive: true });
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        await onlyLoopback(context);
        await context.addInitScript(`localStorage.setItem('xb.language', ${JSON.stringify(language)})`);
        const page = await context.newPage();
        await page.goto(nodes[0].url!);
        await page.locator('#officer-id').waitFor();
        await page.screenshot({ path: path.join(dir, 'sign-in.jpg'), type: 'jpeg', quality: 80 });
        await signIn(page, DEMO_OFFICER);
        for (const [name, url] of pages) {
          await page.goto(`${nodes[0].url}${url}`);
          await page.locator('main h1').waitFor();
          await page.waitForLoadState('networkidle');
          if (name === 'audit') {
            await page.locator('#verify-heading + button').click();
            await page.getByTestId('verify-result').waitFor();
          }
          await page.screenshot({
            path: path.join(dir, `${name}.jpg`),
            type: 'jpeg',
            quality: 80,
            fullPage: true,
          });
        }
        await context.close();
        process.stdout.write(`docs/console/${language}: ${pages.length + 1} pages\n`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    for (const node of nodes.reverse()) await node.stop().catch(() => undefined);
    if (ownBroker) await stopLocalKafka(port);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`screenshots failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
