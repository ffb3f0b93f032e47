/**
 * No plain particulars at rest (docs/confidentiality.md): two nodes exchange a verification, a
 * repatriation with a child and a hotline tip about made-up victims over the real broker (VN's read models
 * on PostgreSQL, CN's on SQLite, CN answering through its responder). Then every file the nodes wrote
 * (event stores with their WAL, read models, key stores, the logs of every level, both /metrics outputs
 * and a dump of VN's PostgreSQL schema) is scanned for the victims' names, dates of birth and document
 * numbers in every form SQLite, JSON or PostgreSQL could keep them. Meanwhile the counterpart got them
 * whole, and an authorised, audited view opens them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LoggerService } from '@nestjs/common';
import { Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { TEST_DATABASE_URL, waitFor } from '@xb/testing';
import { COMMAND_ROUTES } from './api/command-routes';
import { RunningNode, startNode } from './node-app';
import { prepareAgencies, TestAgency, tokenFor } from './testing/node-pair';

const SCHEMA = `xb_h7_scan_${uuidv7().replace(/-/g, '').slice(-12)}`;
const PERSON_ID = uuidv7();
const VICTIM = {
  personId: PERSON_ID,
  name: { original: 'Vàng Thị Xuyến', romanised: 'Vang Thi Xuyen', familyNameRomanised: 'Vang' },
  otherNames: [{ original: '王秀燕', romanised: 'Wang Xiuyan' }],
  dateOfBirth: { year: 2006, month: 11, day: 27 },
  sex: 'female',
  claimedNationality: 'VN',
  homeAddress: 'Bản Khoang Thèn, Sìn Hồ',
  identityDocuments: [{ type: 'national_id', number: 'QX7730041958', issuingCountry: 'VN' }],
  relativesNamed: [{ original: 'Vàng A Páo', romanised: 'Vang A Pao' }],
};
const CHILD = {
  childId: uuidv7(),
  person: {
    name: { original: 'Vàng Văn Khởi', romanised: 'Vang Van Khoi' },
    dateOfBirth: { year: 2024, month: 2, day: 29 },
    sex: 'male',
    identityDocuments: [{ type: 'birth_certificate', number: 'BC-ZK55190', issuingCountry: 'CN' }],
  },
};

/** What must not be found, and in which spellings (UTF-8, NFD, JSON \u escapes, UTF-16, PostgreSQL text). */
const NEEDLES: readonly string[] = [
  'Vàng Thị Xuyến',
  'Vang Thi Xuyen',
  'Xuyến',
  'Xuyen',
  '王秀燕',
  'Wang Xiuyan',
  'Vang A Pao',
  'Vàng Văn Khởi',
  'Vang Van Khoi',
  'Khoang Thèn',
  'QX7730041958',
  'BC-ZK55190',
  '2006-11-27',
  '27/11/2006',
  '"year":2006,"month":11,"day":27',
  '"month":11,"day":27',
  '"year":2024,"month":2,"day":29',
];

const jsonEscaped = (text: string) =>
  text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function spellings(needle: string): Buffer[] {
  const forms = new Set([needle, needle.normalize('NFD'), needle.normalize('NFC'), jsonEscaped(needle)]);
  forms.add(jsonEscaped(needle).toUpperCase().replace(/\\U/g, '\\u'));
  forms.add(needle.replace(/":/g, '": ').replace(/,"/g, ', "'));
  return [...forms].flatMap((form) => [Buffer.from(form, 'utf8'), Buffer.from(form, 'utf16le')]);
}

const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });

/** Every log line of every level, as a file (the scan reads it like any other). */
class FileLogger implements LoggerService {
  constructor(private readonly file: string) {}
  private write(level: string, message: unknown, rest: unknown[]) {
    fs.appendFileSync(this.file, `${level} ${JSON.stringify([message, ...rest])}\n`);
  }
  log = (m: unknown, ...r: unknown[]) => this.write('log', m, r);
  error = (m: unknown, ...r: unknown[]) => this.write('error', m, r);
  warn = (m: unknown, ...r: unknown[]) => this.write('warn', m, r);
  debug = (m: unknown, ...r: unknown[]) => this.write('debug', m, r);
  verbose = (m: unknown, ...r: unknown[]) => this.write('verbose', m, r);
}

const example = (command: string, now: Date) =>
  COMMAND_ROUTES.find((r) => r.command === command)!.example(now);

describe('no plain particulars at rest, after an exchange about victims', () => {
  jest.setTimeout(180_000);
  let root: string;
  let vn: TestAgency;
  let cn: TestAgency;
  const nodes: RunningNode[] = [];
  let restoreStderr: () => void = () => undefined;

  beforeAll(async () => {
    ({
      root,
      agencies: [vn, cn],
    } = await prepareAgencies(['VN.BGC.LAICHAU', 'CN.YN.BORDERPOLICE']));
    vn.env.DATABASE_URL = `${TEST_DATABASE_URL}?schema=${SCHEMA}`;
    cn.env.XB_ROLES = 'api,gateway,projector,sealer,responder';
    // What the nodes write to stderr (the responder's refusals, warnings) goes to a log file too.
    const stderrLog = path.join(root, 'stderr.log');
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      fs.appendFileSync(stderrLog, chunk);
      return original(chunk, ...rest);
    }) as typeof process.stderr.write;
    restoreStderr = () => (process.stderr.write = original);
    nodes.push(await startNode(vn.env, { logger: new FileLogger(path.join(root, 'vn.log')) }));
    nodes.push(await startNode(cn.env, { logger: new FileLogger(path.join(root, 'cn.log')) }));
  });

  afterAll(async () => {
    for (const node of nodes) await node.stop().catch(() => undefined);
    restoreStderr();
    const pool = new Pool({ connectionString: TEST_DATABASE_URL });
    await pool.query(`drop schema if exists ${SCHEMA} cascade`);
    await pool.end();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const api = async (node: RunningNode, agency: TestAgency, method: string, url: string, body?: unknown) => {
    const token = await tokenFor(agency, { id: 'lo-7', roles: ['liaison_officer'] });
    const response = await fetch(`${node.url}${url}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reads whatever JSON came back
    return { status: response.status, body: (await response.json()) as Record<string, any> };
  };

  it('exchanges the particulars whole, and leaves none in plain text in any file, table, log or metric', async () => {
    const [vnNode, cnNode] = nodes;
    const now = new Date();
    const verification = await api(vnNode, vn, 'POST', '/api/verifications', {
      ...example('DraftVerificationRequest', now),
      counterpart: cn.agencyId,
      subject: { role: 'victim', person: VICTIM },
      details: 'Vang Thi Xuyen (born 2006-11-27, ID QX7730041958) was found in Hekou.',
    });
    expect(verification.status).toBe(201);
    const verificationId = verification.body.caseId as string;
    expect((await api(vnNode, vn, 'POST', `/api/verifications/${verificationId}/send`, {})).status).toBe(200);
    const repatriation = await api(vnNode, vn, 'POST', '/api/repatriations', {
      ...example('RequestRepatriation', now),
      counterpart: cn.agencyId,
      victim: VICTIM,
      children: [CHILD],
      circumstances: 'Xuyến and her son Vang Van Khoi were rescued in Jinping.',
    });
    expect(repatriation.status).toBe(201);
    const tip = await api(vnNode, vn, 'POST', '/api/notices', {
      ...example('SendInformationNotice', now),
      counterpart: cn.agencyId,
      category: 'hotline_tip',
      content: 'Caller says Wang Xiuyan (doc QX7730041958) is held in a house in Hekou.',
    });
    expect(tip.status).toBe(201);
    // The person register records her too (docs/persons.md); its record is sealed like a case's.
    const person = await api(vnNode, vn, 'POST', '/api/persons', {
      particulars: VICTIM,
      placeOfOrigin: 'VN-02',
      firstRecord: { caseId: repatriation.body.caseId, category: 'repatriation', role: 'victim' },
    });
    expect(person.status).toBe(201);
    const personId = person.body.personId as string;
    expect((await api(vnNode, vn, 'GET', `/api/persons/${personId}/candidates`)).status).toBe(200);

    // The counterpart answered the verification (its responder); the answer came back.
    await waitFor(
      'the answer on our side',
      async () =>
        (await api(vnNode, vn, 'GET', `/api/verifications/${verificationId}`)).body.state?.status ===
        'answered',
      { timeoutMs: 60_000 },
    );
    // The counterpart holds the particulars whole: the relay opened them for the wire.
    const theirs = await waitFor('the repatriation at the counterpart', async () => {
      const view = await api(
        cnNode,
        cn,
        'GET',
        `/api/repatriations/${repatriation.body.caseId}?particulars=true&reason=scan+test`,
      );
      return view.status === 200 && view.body.state?.status !== 'none' ? view : undefined;
    });
    expect(theirs.body.state.victim).toMatchObject({
      personId: PERSON_ID,
      name: VICTIM.name,
      identityDocuments: VICTIM.identityDocuments,
    });
    expect(theirs.body.state.children[0].person).toMatchObject({
      name: CHILD.person.name,
      dateOfBirth: CHILD.person.dateOfBirth,
    });
    expect(theirs.body.state.circumstances).toContain('Vang Van Khoi');
    // Masked by default, and the opened view is audited; both answers are HTTP, never files.
    const masked = await api(vnNode, vn, 'GET', `/api/repatriations/${repatriation.body.caseId}`);
    expect(JSON.stringify(masked.body)).not.toMatch(/Xuy|QX77|Khoi/);
    // The read models caught up (their rows hold what they hold for this test to scan).
    await waitFor('both boards', async () => {
      const token = await tokenFor(vn, { id: 'lo-7', roles: ['liaison_officer'] });
      const board = await fetch(`${vnNode.url}/api/repatriations`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return board.ok && JSON.stringify(await board.json()).includes(repatriation.body.caseId);
    });

    // /metrics of both nodes, and VN's PostgreSQL schema, as files beside the rest.
    for (const [name, node] of [
      ['vn', vnNode],
      ['cn', cnNode],
    ] as const) {
      fs.writeFileSync(
        path.join(root, `${name}.metrics.txt`),
        await (await fetch(`${node.url}/metrics`)).text(),
      );
    }
    const pool = new Pool({ connectionString: TEST_DATABASE_URL });
    try {
      const tables = await pool.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = $1`,
        [SCHEMA],
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(['case_documents']));
      let dump = '';
      for (const { table_name } of tables.rows) {
        const rows = await pool.query<{ row: string }>(
          `select t::text as row from ${SCHEMA}."${table_name}" t`,
        );
        dump += `${table_name}\n${rows.rows.map((r) => r.row).join('\n')}\n`;
      }
      fs.writeFileSync(path.join(root, 'vn.postgres-dump.txt'), dump);
      expect(dump).toContain(repatriation.body.caseId);
    } finally {
      await pool.end();
    }
    for (const node of nodes.splice(0)) await node.stop();

    const files = filesUnder(root);
    // The scan sees what the nodes wrote: stores, read models, key stores, logs, metrics, the dump.
    const names = files.map((f) => path.basename(f));
    expect(names).toEqual(
      expect.arrayContaining([
        'event-store.sqlite',
        'read-models.sqlite',
        'particulars-keys.sqlite',
        'vn.log',
        'vn.metrics.txt',
        'vn.postgres-dump.txt',
      ]),
    );
    const found: string[] = [];
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      for (const needle of NEEDLES) {
        if (spellings(needle).some((form) => bytes.includes(form)))
          found.push(`${path.relative(root, file)}: ${needle}`);
      }
    }
    expect(found).toEqual([]);
    // The scan can fail: the counterpart's copy of the case id is there in plain, as it should be.
    const cnStore = fs.readFileSync(path.join(cn.dataDir, 'event-store.sqlite'));
    expect(cnStore.includes(Buffer.from(repatriation.body.caseId as string))).toBe(true);
    const vnStore = fs.readFileSync(path.join(vn.dataDir, 'event-store.sqlite'));
    expect(vnStore.includes(Buffer.from(`person-${personId}`))).toBe(true);
  });
});
