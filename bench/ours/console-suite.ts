import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { readModelsFile } from '@xb/config';
import { migrateReadModels, openReadModelDb, ReadModelDb, ReadModelTables } from '@xb/read-models';
import { TEST_DATABASE_URL } from '@xb/testing';
import { addOfficerAccounts } from '../../apps/node/src/officers/demo-officer';
import { prepareAgencies, startTestNode, tokenFor } from '../../apps/node/src/testing/node-pair';
import { BenchSuite } from '../harness/context';
import { MeasurementRegistry } from '../harness/registry';
import { median, percentile } from '../harness/stats';

/**
 * The officers' console at scale: every board's table holds 100,000 cases (10,000 at small scale),
 * written straight into the read models (how fast the projector writes them is another figure). A node
 * with the `api` role alone serves them; the bench measures
 * - each board's first page as the API serves it (`ours_board_<board>_first_page_ms_p50|p95_<dialect>`:
 *   back-to-back requests on loopback, request sent to body parsed), on SQLite and on PostgreSQL;
 * - the console in Debian's Chromium (`ours_console_<board>_interactive_ms`): from the navigation's start
 *   to the board's first row shown with its pager enabled (the page can be used), the median of several
 *   loads after sign-in.
 */
export const oursConsoleSuite: BenchSuite = {
  name: 'ours-console',
  async run({ options, registry, cleanup, log }) {
    const cases = options.scale === 'full' ? 100_000 : 10_000;
    const consoleDir = path.resolve(__dirname, '../../console');
    if (!fs.existsSync(path.join(consoleDir, 'index.html')))
      throw new Error(`no console build at ${consoleDir}: run npm run build`);
    for (const dialect of ['sqlite', 'postgres'] as const) {
      const schema = `bench_console_${process.pid}`;
      const settings: NodeJS.ProcessEnv = { XB_ROLES: 'api', XB_CONSOLE_DIR: consoleDir };
      if (dialect === 'postgres') settings.DATABASE_URL = `${TEST_DATABASE_URL}?schema=${schema}`;
      const { root, agencies } = await prepareAgencies(['VN.BGC'], settings);
      const [agency] = agencies;
      const removeRoot = cleanup.add(`console bench data (${dialect})`, async () =>
        fs.rmSync(root, { recursive: true, force: true }),
      );
      const connection = await openReadModelDb(
        dialect === 'postgres'
          ? { databaseUrl: TEST_DATABASE_URL, schema }
          : { sqliteFile: readModelsFile(agency.dataDir) },
      );
      const dropSchema = cleanup.add(`console bench schema (${dialect})`, async () => {
        if (dialect === 'postgres')
          await connection.db.schema.dropSchema(schema).ifExists().cascade().execute();
        await connection.close();
      });
      try {
        await migrateReadModels(connection.db);
        log(`${dialect}: writing ${cases} cases into each board's table`);
        await fillBoards(connection.db, cases);
        await addOfficerAccounts(
          agency,
          [{ id: OFFICER, displayName: 'Bench officer', roles: ['liaison_officer', 'auditor'] }],
          PASSWORD,
        );
        const node = await startTestNode(agency);
        const stopNode = cleanup.add(`console bench node (${dialect})`, () => node.stop());
        try {
          const token = await tokenFor(agency, { id: OFFICER, roles: ['liaison_officer', 'auditor'] });
          for (const board of BOARDS) {
            const times: number[] = [];
            for (let i = 0; i < REQUESTS; i++) {
              const started = performance.now();
              const response = await fetch(`${node.url}${board.api}`, {
                headers: { authorization: `Bearer ${token}` },
              });
              const body = (await response.json()) as { items?: unknown[]; total?: number };
              times.push(performance.now() - started);
              if (response.status !== 200 || body.items?.length !== 50 || body.total !== cases)
                throw new Error(
                  `${board.name}: ${response.status}, ${body.items?.length} rows of ${body.total}`,
                );
            }
            times.sort((a, b) => a - b);
            const note = `${cases} cases, ${dialect} read models, first page of 50 over HTTP (target < 300 ms)`;
            const name = `ours_board_${board.key}_first_page_ms`;
            registry.record(`${name}_p50_${dialect}`, percentile(times, 50), 'ms', note);
            registry.record(`${name}_p95_${dialect}`, percentile(times, 95), 'ms', note);
          }
          if (dialect === 'sqlite') await measureInteractive(node.url, cases, registry, log);
        } finally {
          await stopNode();
        }
      } finally {
        await dropSchema();
        await removeRoot();
      }
    }
  },
};

const OFFICER = 'bench-officer';
const PASSWORD = 'bench console password';
const REQUESTS = 20;
const LOADS = 5;

/** The console's boards (apps/console/src/pages/boards.ts) and the API path each reads its first page from. */
const BOARDS = [
  { name: 'verifications', key: 'verifications', api: '/api/verifications' },
  { name: 'repatriations', key: 'repatriations', api: '/api/repatriations' },
  { name: 'suspect-handovers', key: 'suspect_handovers', api: '/api/console/boards/suspect-handovers' },
  { name: 'joint-operations', key: 'joint_operations', api: '/api/joint-operations' },
  { name: 'notices', key: 'notices', api: '/api/console/boards/notices' },
] as const;

/** The page's DOM as FIRST_ROW_USABLE uses it (this file is compiled without the DOM's types). */
interface PageGlobals {
  readonly document: { querySelector(selector: string): { readonly disabled?: boolean } | null };
  readonly performance: { now(): number };
}

/** Run in the page (a function, not a string: the console's CSP forbids eval): when the board is usable. */
function FIRST_ROW_USABLE(): number | undefined {
  const { document, performance } = globalThis as unknown as PageGlobals;
  const row = document.querySelector('main table tbody tr');
  const next = document.querySelector('nav.pager button:last-of-type');
  return row && next && !next.disabled ? performance.now() : undefined;
}

async function measureInteractive(
  url: string,
  cases: number,
  registry: MeasurementRegistry,
  log: (message: string) => void,
): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator('#officer-id').fill(OFFICER);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.locator('header').waitFor();
    for (const board of BOARDS) {
      const times: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        await page.goto(`${url}/boards/${board.name}`, { waitUntil: 'commit' });
        // In the page, performance.now() counts from the navigation's start.
        const usable = await page.waitForFunction(FIRST_ROW_USABLE, undefined, {
          polling: 'raf',
          timeout: 60_000,
        });
        times.push((await usable.jsonValue()) as number);
      }
      log(`console ${board.name}: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
      registry.record(
        `ours_console_${board.key}_interactive_ms`,
        median(times),
        'ms',
        `${cases} cases; Chromium, navigation start to the first row with the pager enabled, median of ${LOADS} (target < 1,500 ms)`,
      );
    }
  } finally {
    await browser.close();
  }
}

const GATES = ['Ma Lù Thàng - Jinshuihe', 'Lào Cai - Hà Khẩu', 'Tây Trang - Sốp Hun', 'Móng Cái - Đông Hưng'];
const PROVINCES = ['Lai Chau', 'Lao Cai', 'Dien Bien', 'Quang Ninh', 'Ha Giang'];
const COUNTERPARTS = ['CN.YN.BORDERPOLICE', 'CN.GX.POLICE', 'LA.PHONGSALY.POLICE'];
const ROWS_PER_INSERT = 200;
const DAY_MS = 86_400_000;

/** `cases` rows in each board's table, spread over two years, statuses and counterparts (no particulars). */
async function fillBoards(db: ReadModelDb, cases: number): Promise<void> {
  const at = (i: number, days = 0) =>
    new Date(Date.UTC(2025, 0, 1) + ((i * 631_000) % (730 * DAY_MS)) + days * DAY_MS).toISOString();
  const date = (i: number) => at(i, 10).slice(0, 10);
  const id = (prefix: number, i: number) =>
    `0193${prefix.toString(16).padStart(4, '0')}-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
  const pick = <T>(values: readonly T[], i: number) => values[i % values.length]!;
  const rows: { [T in keyof ReadModelTables]?: (i: number) => ReadModelTables[T] } = {
    verifications: (i) => ({
      case_id: id(1, i),
      direction: pick(['incoming', 'outgoing'], i),
      status: pick(['sent', 'delivered', 'received', 'answered', 'closed'], i),
      counterpart: pick(COUNTERPARTS, i),
      purpose: pick(['identity', 'nationality', 'family'], i),
      subject_role: 'victim',
      deadline: at(i, 15),
      round: 1,
      outcome: i % 5 >= 3 ? 'confirmed' : null,
      opened_at: at(i),
      answered_at: i % 5 >= 3 ? at(i, 9) : null,
      updated_at: at(i, 9),
    }),
    repatriations: (i) => ({
      case_id: id(2, i),
      direction: pick(['incoming', 'outgoing'], i),
      status: pick(['requested', 'accepted', 'scheduled', 'handed_over', 'received'], i),
      counterpart: pick(COUNTERPARTS, i),
      border_gate: pick(GATES, i),
      province: pick(PROVINCES, i),
      handover_date: date(i),
      deadline: at(i, 30),
      children: i % 7 === 0 ? 1 : 0,
      children_handed_over: 0,
      opened_at: at(i),
      handed_over_at: null,
      updated_at: at(i, 1),
    }),
    suspect_handovers: (i) => ({
      case_id: id(3, i),
      direction: pick(['incoming', 'outgoing'], i),
      status: pick(['requested', 'accepted', 'scheduled', 'handed_over'], i),
      counterpart: pick(COUNTERPARTS, i),
      warrant_reference: `LC-${i}`,
      border_gate: pick(GATES, i),
      handover_date: date(i),
      deadline: at(i, 30),
      opened_at: at(i),
      handed_over_at: null,
      updated_at: at(i, 1),
    }),
    joint_operations: (i) => ({
      operation_id: id(4, i),
      status: pick(['proposed', 'agreed', 'active', 'closed'], i),
      counterpart: pick(COUNTERPARTS, i),
      title: `Joint period ${i}`,
      starts_on: date(i),
      ends_on: at(i, 40).slice(0, 10),
      opened_at: at(i),
      closed_at: null,
      updated_at: at(i, 1),
    }),
    notices: (i) => ({
      notice_id: id(5, i),
      direction: pick(['incoming', 'outgoing'], i),
      kind: pick(['case_information', 'hotline_tip'], i),
      source: i % 2 ? 'tip' : 'notice',
      urgency: i % 2 ? pick(['routine', 'urgent', 'immediate'], i) : null,
      status: pick(['received', 'classified', 'processed'], i),
      counterpart: pick(COUNTERPARTS, i),
      processing_deadline: at(i, 3),
      received_at: at(i),
      processed_at: null,
      updated_at: at(i, 1),
    }),
  };
  for (const [table, row] of Object.entries(rows) as [keyof ReadModelTables, (i: number) => never][]) {
    await db.transaction().execute(async (trx) => {
      for (let from = 0; from < cases; from += ROWS_PER_INSERT) {
        const values = Array.from({ length: Math.min(ROWS_PER_INSERT, cases - from) }, (_, k) =>
          row(from + k),
        );
        await trx.insertInto(table).values(values).execute();
      }
    });
  }
}
